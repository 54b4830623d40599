package io.wms.core.model;

import java.time.Instant;

/**
 * A named set of permissions a user can hold (the seed's admin, manager, operator and viewer).
 *
 * @param id          the role's id
 * @param name        the unique name, for example {@code "admin"}; never {@code null}
 * @param description what the role is for; may be {@code null}
 * @param createdAt   when the role was created; never {@code null}
 * @param updatedAt   when the role last changed; never {@code null}
 * @param version     the row version; grows by one per change
 */
public record Role(long id, String name, String description, Instant createdAt, Instant updatedAt, long version) {
}
