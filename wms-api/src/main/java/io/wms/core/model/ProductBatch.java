package io.wms.core.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lot of one product: a batch number, a quantity, its dates and its status.
 *
 * @param id                the batch's id
 * @param productId         the product it holds
 * @param batchNumber       the lot number, unique within its product among live batches; never {@code null}
 * @param quantity          units on hand, never negative; always the sum of the batch's ledger changes
 * @param manufacturingDate when it was made; {@code null} if unknown
 * @param expiryDate        the last day it may be used; {@code null} if it does not expire
 * @param status            where it stands in its lifecycle; never {@code null}
 * @param createdAt         when it was created; never {@code null}
 * @param updatedAt         when it last changed; never {@code null}
 * @param deletedAt         when it was soft-deleted; {@code null} while live
 * @param createdBy         the user who created it; {@code null} if unknown or since deleted
 * @param updatedBy         the user who last changed it; {@code null} if unknown or since deleted
 * @param version           the row version; grows by one per change
 */
public record ProductBatch(long id, long productId, String batchNumber, int quantity, LocalDate manufacturingDate,
                           LocalDate expiryDate, BatchStatus status, Instant createdAt, Instant updatedAt,
                           Instant deletedAt, Long createdBy, Long updatedBy, long version) {
}
