package io.wms.core.inventory;

/**
 * A request for units of one named batch, bypassing first-expired, first-out but not the rules: the batch must be
 * live, active and not expired.
 *
 * @param batchId        the batch
 * @param quantity       the units wanted; greater than 0
 * @param note           what for, for the ledger; {@code null} for none
 * @param idempotencyKey makes the pick retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record PickFromBatch(long batchId, int quantity, String note, String idempotencyKey) {
}
