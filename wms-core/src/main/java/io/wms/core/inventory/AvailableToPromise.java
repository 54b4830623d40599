package io.wms.core.inventory;

import java.time.LocalDate;

/**
 * What a warehouse can still promise of a product: its usable units less those open reservations hold.
 *
 * @param warehouseId the warehouse
 * @param productId   the product
 * @param dueDate     the day asked about: only batches usable through it count
 * @param usable      the units on hand at the warehouse's active locations in active batches usable through the
 *                    due date
 * @param reserved    the units of those that open reservations hold
 * @param available   {@code usable - reserved}: what a reservation due that day could still get
 */
public record AvailableToPromise(long warehouseId, long productId, LocalDate dueDate, long usable, long reserved,
                                 long available) {
}
