package io.wms.core.inventory;

/**
 * Units to take out of one location of a batch that may not be picked: disposed of, or returned to the supplier.
 *
 * @param locationId     the location the units leave; must hold them
 * @param batchId        the batch; live, and expired (by status or by date), recalled or quarantined
 * @param quantity       the units removed; greater than 0
 * @param note           why, for the ledger; {@code null} for none
 * @param idempotencyKey makes the removal retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record RemoveAtLocation(long locationId, long batchId, int quantity, String note, String idempotencyKey) {
}
