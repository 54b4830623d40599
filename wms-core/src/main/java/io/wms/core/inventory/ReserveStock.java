package io.wms.core.inventory;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request to hold units of a product in a warehouse for a reference, such as an order id. The units are allocated
 * first-expired, first-out over the warehouse's active locations, as {@link PickInWarehouse} allocates them, from
 * batches usable through the due date.
 *
 * @param warehouseId    the warehouse
 * @param productId      the product
 * @param quantity       the units to hold; greater than 0
 * @param reference      what the units are promised to, for example an order id; not blank, at most 255 characters
 * @param dueDate        the day the units are needed: no unit of a batch that expires before it is held; not before
 *                       today; {@code null} for today
 * @param expiresAt      when {@link ReservationService#sweepExpiredReservations} releases the reservation if it is
 *                       still open; after now; {@code null} for never
 * @param idempotencyKey makes the reservation retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record ReserveStock(long warehouseId, long productId, int quantity, String reference, LocalDate dueDate,
                           Instant expiresAt, String idempotencyKey) {

    /**
     * Creates a reservation request due today that never expires, without idempotency key.
     *
     * @param warehouseId the warehouse
     * @param productId   the product
     * @param quantity    the units to hold
     * @param reference   what they are promised to
     * @return the command
     */
    public static ReserveStock of(long warehouseId, long productId, int quantity, String reference) {
        return new ReserveStock(warehouseId, productId, quantity, reference, null, null, null);
    }

    /**
     * Returns a copy due on a day.
     *
     * @param day the due date; {@code null} for today
     * @return the copy
     */
    public ReserveStock due(LocalDate day) {
        return new ReserveStock(warehouseId, productId, quantity, reference, day, expiresAt, idempotencyKey);
    }

    /**
     * Returns a copy that the sweep releases from an instant on.
     *
     * @param instant when it expires; {@code null} for never
     * @return the copy
     */
    public ReserveStock expiringAt(Instant instant) {
        return new ReserveStock(warehouseId, productId, quantity, reference, dueDate, instant, idempotencyKey);
    }

    /**
     * Returns a copy with an idempotency key.
     *
     * @param key the key; {@code null} for none
     * @return the copy
     */
    public ReserveStock withIdempotencyKey(String key) {
        return new ReserveStock(warehouseId, productId, quantity, reference, dueDate, expiresAt, key);
    }
}
