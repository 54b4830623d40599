package io.wms.core.inventory;

/**
 * When to order more of a product for a warehouse, and how much (the min/max model): at or below
 * {@code minimumQuantity} available units (usable on hand less reserved), order up to {@code maximumQuantity}.
 *
 * @param warehouseId     the warehouse
 * @param productId       the product
 * @param minimumQuantity the reorder point; not negative
 * @param maximumQuantity the level an order brings the product back to; greater than {@code minimumQuantity}
 */
public record ReorderPoint(long warehouseId, long productId, int minimumQuantity, int maximumQuantity) {
}
