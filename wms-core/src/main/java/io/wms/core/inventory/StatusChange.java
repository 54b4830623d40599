package io.wms.core.inventory;

/**
 * A decision to move a batch to another status (quarantine, release, recall), with its reason.
 *
 * @param batchId        the batch; live
 * @param reason         why, for the ledger; not blank
 * @param idempotencyKey makes the change retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record StatusChange(long batchId, String reason, String idempotencyKey) {

    /**
     * Creates a status change without an idempotency key.
     *
     * @param batchId the batch
     * @param reason  why, for the ledger
     * @return the change
     */
    public static StatusChange of(long batchId, String reason) {
        return new StatusChange(batchId, reason, null);
    }
}
