package io.wms.core.inventory;

/**
 * One product to order for a warehouse: its available units are at or below its reorder point.
 *
 * @param warehouseId       the warehouse
 * @param productId         the product
 * @param productName       its name; never {@code null}
 * @param minimumQuantity   its reorder point
 * @param maximumQuantity   the level to order up to
 * @param usable            units on hand at the warehouse's active locations in active, unexpired batches
 * @param reserved          units of those that open reservations hold
 * @param available         {@code usable - reserved}
 * @param suggestedQuantity {@code maximumQuantity - available}: what to order; greater than 0
 */
public record ReorderSuggestion(long warehouseId, long productId, String productName, int minimumQuantity,
                                int maximumQuantity, long usable, long reserved, long available,
                                long suggestedQuantity) {
}
