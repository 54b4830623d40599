package io.wms.core.inventory;

import java.time.LocalDate;

/**
 * A delivery of a product's lot into a named location: creates the batch, or adds to the live batch of that product
 * with that batch number, as {@link ReceiveStock} does, and puts the units at the location.
 *
 * @param locationId        the location; must exist and be active
 * @param productId         the product; must exist and not be soft-deleted
 * @param batchNumber       the lot number, at most 255 characters; required
 * @param quantity          the units received; greater than 0
 * @param manufacturingDate when the lot was made; {@code null} if unknown
 * @param expiryDate        the lot's last usable day; {@code null} if it does not expire; not before
 *                          {@code manufacturingDate}, not already past
 * @param note              why or from where, for the ledger; {@code null} for none
 * @param idempotencyKey    makes the receipt retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record ReceiveAtLocation(long locationId, long productId, String batchNumber, int quantity,
                                LocalDate manufacturingDate, LocalDate expiryDate, String note,
                                String idempotencyKey) {

    /**
     * Creates a receipt into a location without dates, note or idempotency key.
     *
     * @param locationId  the location
     * @param productId   the product
     * @param batchNumber the lot number
     * @param quantity    the units received
     * @return the command
     */
    public static ReceiveAtLocation of(long locationId, long productId, String batchNumber, int quantity) {
        return new ReceiveAtLocation(locationId, productId, batchNumber, quantity, null, null, null, null);
    }

    /**
     * Returns a copy with an expiry date.
     *
     * @param date the last usable day; {@code null} for none
     * @return the copy
     */
    public ReceiveAtLocation expiring(LocalDate date) {
        return new ReceiveAtLocation(locationId, productId, batchNumber, quantity, manufacturingDate, date, note,
                idempotencyKey);
    }

    /**
     * Returns a copy with an idempotency key.
     *
     * @param key the key; {@code null} for none
     * @return the copy
     */
    public ReceiveAtLocation withIdempotencyKey(String key) {
        return new ReceiveAtLocation(locationId, productId, batchNumber, quantity, manufacturingDate, expiryDate,
                note, key);
    }

}
