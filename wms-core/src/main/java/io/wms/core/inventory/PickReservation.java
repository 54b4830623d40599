package io.wms.core.inventory;

/**
 * A request to pick the units an open reservation holds, all of them, from the batches and locations it holds them
 * at.
 *
 * @param reservationId  the reservation
 * @param note           what for, for the ledger; {@code null} for none
 * @param idempotencyKey makes the pick retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record PickReservation(long reservationId, String note, String idempotencyKey) {

    /**
     * Creates a pick of a reservation without note or idempotency key.
     *
     * @param reservationId the reservation
     * @return the command
     */
    public static PickReservation of(long reservationId) {
        return new PickReservation(reservationId, null, null);
    }

    /**
     * Returns a copy with an idempotency key.
     *
     * @param key the key; {@code null} for none
     * @return the copy
     */
    public PickReservation withIdempotencyKey(String key) {
        return new PickReservation(reservationId, note, key);
    }
}
