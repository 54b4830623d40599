package io.wms.core.inventory;

import java.time.LocalDate;

/**
 * The units one batch at one location gave to a pick.
 *
 * @param batchId               the batch
 * @param locationId            the location the units were taken from
 * @param batchNumber           the batch's lot number; never {@code null}
 * @param expiryDate            its expiry date; {@code null} if it does not expire
 * @param quantity              the units taken, greater than 0
 * @param locationQuantityAfter the batch's units left at the location right after the pick
 * @param batchQuantityAfter    the batch's quantity (over all its locations) right after this allocation
 */
public record LocatedAllocation(long batchId, long locationId, String batchNumber, LocalDate expiryDate, int quantity,
                                int locationQuantityAfter, int batchQuantityAfter) {
}
