package io.wms.core.inventory;

/**
 * One product's line of the inventory report.
 *
 * @param productId      the product
 * @param productName    its name; never {@code null}
 * @param categoryName   its category's name; {@code null} if it has none
 * @param brandName      its brand's name; {@code null} if it has none
 * @param activeQuantity the units in active, unexpired batches: what can be picked today
 * @param activeBatches  the number of active, unexpired batches
 * @param expiredBatches the number of batches holding stock that is expired: status expired, or still active past
 *                       its expiry date
 */
public record InventoryReportLine(long productId, String productName, String categoryName, String brandName,
                                  long activeQuantity, int activeBatches, int expiredBatches) {
}
