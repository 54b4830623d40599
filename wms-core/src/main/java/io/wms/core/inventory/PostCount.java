package io.wms.core.inventory;

/**
 * Posts an open count's differences.
 *
 * @param countId        the count
 * @param idempotencyKey makes the post retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record PostCount(long countId, String idempotencyKey) {
}
