package io.wms.core.inventory;

/**
 * A signed correction of one batch's units at one named location, with its reason.
 *
 * @param locationId     the location whose units change; must be active when units are added
 * @param batchId        the batch; live and not recalled
 * @param change         the units to add (positive) or remove (negative); not 0
 * @param reason         why; required
 * @param note           details in words; required when the reason is {@link AdjustmentReason#OTHER}, else
 *                       {@code null} for none
 * @param idempotencyKey makes the correction retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record AdjustAtLocation(long locationId, long batchId, int change, AdjustmentReason reason, String note,
                               String idempotencyKey) {
}
