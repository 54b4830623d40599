package io.wms.core.model;

import java.time.Instant;

/**
 * An article the warehouse stocks; its stock is held in {@link ProductBatch batches}.
 *
 * @param id          the product's id
 * @param name        the name; never {@code null}
 * @param description about the product; may be {@code null}
 * @param categoryId  its category; {@code null} if none
 * @param brandId     its brand; {@code null} if none
 * @param createdAt   when it was created; never {@code null}
 * @param updatedAt   when it last changed; never {@code null}
 * @param deletedAt   when it was soft-deleted; {@code null} while live
 * @param createdBy   the user who created it; {@code null} if unknown or since deleted
 * @param updatedBy   the user who last changed it; {@code null} if unknown or since deleted
 * @param version     the row version, for optimistic updates; grows by one per change
 */
public record Product(long id, String name, String description, Long categoryId, Long brandId, Instant createdAt,
                      Instant updatedAt, Instant deletedAt, Long createdBy, Long updatedBy, long version) {
}
