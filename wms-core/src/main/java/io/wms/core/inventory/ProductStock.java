package io.wms.core.inventory;

/**
 * A product's stock by what can be done with it.
 *
 * @param productId   the product
 * @param productName its name; never {@code null}
 * @param usable      units in active, unexpired batches
 * @param quarantined units on hold
 * @param expired     units that are expired (by status or by date) and await disposal or return
 * @param recalled    units recalled and awaiting disposal or return
 */
public record ProductStock(long productId, String productName, long usable, long quarantined, long expired,
                           long recalled) {
}
