package io.wms.core.model;

import java.time.Instant;

/**
 * A maker or label of products.
 *
 * @param id          the brand's id
 * @param name        the name, unique among live brands ignoring letter case; never {@code null}
 * @param description about the brand; may be {@code null}
 * @param createdAt   when it was created; never {@code null}
 * @param updatedAt   when it last changed; never {@code null}
 * @param deletedAt   when it was soft-deleted; {@code null} while live
 * @param createdBy   the user who created it; {@code null} if unknown or since deleted
 * @param updatedBy   the user who last changed it; {@code null} if unknown or since deleted
 * @param version     the row version, for optimistic updates; grows by one per change
 */
public record Brand(long id, String name, String description, Instant createdAt, Instant updatedAt,
                    Instant deletedAt, Long createdBy, Long updatedBy, long version) {
}
