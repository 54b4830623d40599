package io.wms.core.model;

import java.time.LocalDate;

/**
 * The units of one batch at one location.
 *
 * @param batchId     the batch
 * @param locationId  the location
 * @param productId   the batch's product
 * @param batchNumber the batch's lot number; never {@code null}
 * @param expiryDate  the batch's expiry date; {@code null} if it does not expire
 * @param quantity    the units of the batch at the location, greater than 0
 */
public record LocationStock(long batchId, long locationId, long productId, String batchNumber, LocalDate expiryDate,
                            int quantity) {
}
