package io.wms.core.inventory;

import java.time.LocalDate;

/**
 * A delivery of a product's lot: creates the batch, or adds to the live batch of that product with that batch number.
 *
 * @param productId         the product; must exist and not be soft-deleted
 * @param batchNumber       the lot number, at most 255 characters; required
 * @param quantity          the units received; greater than 0
 * @param manufacturingDate when the lot was made; {@code null} if unknown
 * @param expiryDate        the lot's last usable day; {@code null} if it does not expire; not before
 *                          {@code manufacturingDate}, not already past
 * @param note              why or from where, for the ledger; {@code null} for none
 * @param idempotencyKey    makes the receipt retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record ReceiveStock(long productId, String batchNumber, int quantity, LocalDate manufacturingDate,
                           LocalDate expiryDate, String note, String idempotencyKey) {

    /**
     * Creates a receipt without dates, note or idempotency key.
     *
     * @param productId   the product
     * @param batchNumber the lot number
     * @param quantity    the units received
     * @return the command
     */
    public static ReceiveStock of(long productId, String batchNumber, int quantity) {
        return new ReceiveStock(productId, batchNumber, quantity, null, null, null, null);
    }

    /**
     * Returns a copy with an expiry date.
     *
     * @param date the last usable day; {@code null} for none
     * @return the copy
     */
    public ReceiveStock expiring(LocalDate date) {
        return new ReceiveStock(productId, batchNumber, quantity, manufacturingDate, date, note, idempotencyKey);
    }

    /**
     * Returns a copy with an idempotency key.
     *
     * @param key the key; {@code null} for none
     * @return the copy
     */
    public ReceiveStock withIdempotencyKey(String key) {
        return new ReceiveStock(productId, batchNumber, quantity, manufacturingDate, expiryDate, note, key);
    }
}
