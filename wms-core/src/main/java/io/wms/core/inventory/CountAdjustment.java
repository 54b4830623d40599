package io.wms.core.inventory;

/**
 * One correction a posted count made.
 *
 * @param batchId               the batch
 * @param locationId            the location
 * @param expectedQuantity      the units the system held there when the line was snapshotted
 * @param countedQuantity       the units counted
 * @param change                {@code countedQuantity - expectedQuantity}, never 0
 * @param locationQuantityAfter the batch's units at the location right after
 * @param batchQuantityAfter    the batch's quantity right after
 */
public record CountAdjustment(long batchId, long locationId, int expectedQuantity, int countedQuantity, int change,
                              int locationQuantityAfter, int batchQuantityAfter) {
}
