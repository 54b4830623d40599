package io.wms.core.repository;

import java.time.LocalDate;

/**
 * The new lot data of a batch, replacing the old, and the version it was based on. Quantity and status are not
 * here: they change only through the inventory service, which writes the ledger.
 *
 * @param batchNumber       the lot number: required, at most 255 characters, unique within the product among live
 *                          batches
 * @param manufacturingDate when it was made; {@code null} if unknown
 * @param expiryDate        the last day it may be used, not before the manufacturing date; {@code null} if it does
 *                          not expire
 * @param expectedVersion   the version that was read; the update is refused if the batch has changed since
 */
public record BatchChanges(String batchNumber, LocalDate manufacturingDate, LocalDate expiryDate,
                           long expectedVersion) {
}
