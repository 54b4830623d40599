package io.wms.core.model;

import java.time.Instant;

/**
 * A group of products, such as "Beverages".
 *
 * @param id          the category's id
 * @param name        the name, unique among live categories ignoring letter case; never {@code null}
 * @param description what the category holds; may be {@code null}
 * @param createdAt   when it was created; never {@code null}
 * @param updatedAt   when it last changed; never {@code null}
 * @param deletedAt   when it was soft-deleted; {@code null} while live
 * @param createdBy   the user who created it; {@code null} if unknown or since deleted
 * @param updatedBy   the user who last changed it; {@code null} if unknown or since deleted
 * @param version     the row version, for optimistic updates; grows by one per change
 */
public record Category(long id, String name, String description, Instant createdAt, Instant updatedAt,
                       Instant deletedAt, Long createdBy, Long updatedBy, long version) {
}
