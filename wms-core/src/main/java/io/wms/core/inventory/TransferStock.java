package io.wms.core.inventory;

/**
 * A move of units of one batch from one location to another.
 *
 * @param batchId        the batch; must be live, of a live product
 * @param fromLocationId the location the units leave; must hold them
 * @param toLocationId   the location they arrive at; must be active and differ from {@code fromLocationId}
 * @param quantity       the units moved; greater than 0
 * @param note           why, for the ledger; {@code null} for none
 * @param idempotencyKey makes the transfer retry-safe (see {@link InventoryService}); {@code null} for none
 */
public record TransferStock(long batchId, long fromLocationId, long toLocationId, int quantity, String note,
                            String idempotencyKey) {

    /**
     * Creates a transfer without note or idempotency key.
     *
     * @param batchId        the batch
     * @param fromLocationId the location the units leave
     * @param toLocationId   the location they arrive at
     * @param quantity       the units moved
     * @return the command
     */
    public static TransferStock of(long batchId, long fromLocationId, long toLocationId, int quantity) {
        return new TransferStock(batchId, fromLocationId, toLocationId, quantity, null, null);
    }

    /**
     * Returns a copy with an idempotency key.
     *
     * @param key the key; {@code null} for none
     * @return the copy
     */
    public TransferStock withIdempotencyKey(String key) {
        return new TransferStock(batchId, fromLocationId, toLocationId, quantity, note, key);
    }
}
