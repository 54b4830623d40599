package io.wms.core.inventory;

/**
 * More units for an existing batch, named by its id. The batch must be live and active or depleted.
 *
 * @param batchId        the batch
 * @param quantity       the units received; greater than 0
 * @param note           why or from where, for the ledger; {@code null} for none
 * @param idempotencyKey makes the receipt retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record ReceiveIntoBatch(long batchId, int quantity, String note, String idempotencyKey) {
}
