package io.wms.core.model;

import java.time.Instant;

/**
 * A person who can log in and act in the warehouse. The password hash is never part of this type.
 *
 * @param id        the user's id
 * @param email     the e-mail address, as entered (matching ignores letter case); never {@code null}
 * @param createdAt when the user was created; never {@code null}
 * @param updatedAt when the user last changed; never {@code null}
 * @param deletedAt when the user was soft-deleted; {@code null} while live
 * @param version   the row version, for optimistic updates; grows by one per change
 */
public record User(long id, String email, Instant createdAt, Instant updatedAt, Instant deletedAt, long version) {

    /**
     * Tells whether the user is soft-deleted.
     *
     * @return {@code true} if {@link #deletedAt()} is set
     */
    public boolean deleted() {
        return deletedAt != null;
    }
}
