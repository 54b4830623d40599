package io.wms.core.inventory;

import java.time.LocalDate;

/**
 * The units one batch gave to a pick.
 *
 * @param batchId       the batch
 * @param batchNumber   its lot number; never {@code null}
 * @param expiryDate    its expiry date; {@code null} if it does not expire
 * @param quantity      the units taken from it, greater than 0
 * @param quantityAfter the batch's quantity right after the pick
 */
public record Allocation(long batchId, String batchNumber, LocalDate expiryDate, int quantity, int quantityAfter) {
}
