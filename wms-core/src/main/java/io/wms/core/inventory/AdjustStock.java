package io.wms.core.inventory;

/**
 * A signed correction of one batch's quantity, with its reason.
 *
 * @param batchId        the batch; live and not recalled
 * @param change         the units to add (positive) or remove (negative); not 0
 * @param reason         why; required
 * @param note           details in words; required when the reason is {@link AdjustmentReason#OTHER}, else
 *                       {@code null} for none
 * @param idempotencyKey makes the correction retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record AdjustStock(long batchId, int change, AdjustmentReason reason, String note, String idempotencyKey) {
}
