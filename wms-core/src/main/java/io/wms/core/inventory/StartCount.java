package io.wms.core.inventory;

/**
 * What to count: one location, or one product within a warehouse. Exactly one of the two scopes is given.
 *
 * @param locationId  the location counted; {@code null} when a product is counted
 * @param warehouseId the warehouse a product is counted in; {@code null} when a location is counted
 * @param productId   the product counted; {@code null} when a location is counted
 * @param blind       {@code true} to keep the expected quantities from the counters
 */
public record StartCount(Long locationId, Long warehouseId, Long productId, boolean blind) {

    /**
     * Counts everything at one location.
     *
     * @param locationId the location
     * @param blind      {@code true} to keep the expected quantities from the counters
     * @return the command
     */
    public static StartCount ofLocation(long locationId, boolean blind) {
        return new StartCount(locationId, null, null, blind);
    }

    /**
     * Counts one product at every location of a warehouse.
     *
     * @param warehouseId the warehouse
     * @param productId   the product
     * @param blind       {@code true} to keep the expected quantities from the counters
     * @return the command
     */
    public static StartCount ofProduct(long warehouseId, long productId, boolean blind) {
        return new StartCount(null, warehouseId, productId, blind);
    }
}
