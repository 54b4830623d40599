package io.wms.core.inventory;

/**
 * A request for units of a product from one warehouse, allocated first-expired, first-out across the batches at its
 * active locations; among batches that expire alike, locations with the lower pick sequence first.
 *
 * @param warehouseId          the warehouse
 * @param productId            the product
 * @param quantity             the units wanted; greater than 0
 * @param minimumShelfLifeDays days of shelf life every allocated unit must still have, counting today; 0 means only
 *                             "not expired"; not negative
 * @param note                 what for, for example an order number, for the ledger; {@code null} for none
 * @param idempotencyKey       makes the pick retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record PickInWarehouse(long warehouseId, long productId, int quantity, int minimumShelfLifeDays, String note,
                              String idempotencyKey) {

    /**
     * Creates a pick without shelf-life demand, note or idempotency key.
     *
     * @param warehouseId the warehouse
     * @param productId   the product
     * @param quantity    the units wanted
     * @return the command
     */
    public static PickInWarehouse of(long warehouseId, long productId, int quantity) {
        return new PickInWarehouse(warehouseId, productId, quantity, 0, null, null);
    }

    /**
     * Returns a copy with an idempotency key.
     *
     * @param key the key; {@code null} for none
     * @return the copy
     */
    public PickInWarehouse withIdempotencyKey(String key) {
        return new PickInWarehouse(warehouseId, productId, quantity, minimumShelfLifeDays, note, key);
    }
}
