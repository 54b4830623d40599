package io.wms.core.inventory;

import java.time.LocalDate;

/**
 * The units of one batch at one location a reservation holds.
 *
 * @param batchId     the batch
 * @param locationId  the location
 * @param batchNumber the batch's lot number; never {@code null}
 * @param expiryDate  its expiry date; {@code null} if it does not expire
 * @param quantity    the units held, greater than 0
 */
public record ReservedUnits(long batchId, long locationId, String batchNumber, LocalDate expiryDate, int quantity) {
}
