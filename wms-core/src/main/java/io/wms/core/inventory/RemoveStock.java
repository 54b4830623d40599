package io.wms.core.inventory;

/**
 * Units to take out of a batch that may not be picked: disposed of, or returned to the supplier.
 *
 * @param batchId        the batch; live, and expired (by status or by date), recalled or quarantined
 * @param quantity       the units removed; greater than 0 and at most the batch's quantity
 * @param note           why, for the ledger; {@code null} for none
 * @param idempotencyKey makes the removal retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record RemoveStock(long batchId, int quantity, String note, String idempotencyKey) {

    /**
     * Creates a removal without an idempotency key.
     *
     * @param batchId  the batch
     * @param quantity the units removed
     * @param note     why, for the ledger; {@code null} for none
     */
    public RemoveStock(long batchId, int quantity, String note) {
        this(batchId, quantity, note, null);
    }
}
