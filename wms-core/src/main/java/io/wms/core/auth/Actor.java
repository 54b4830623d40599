package io.wms.core.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.wms.core.error.PermissionDeniedException;

/**
 * Who performs an operation, and what they may do: passed to every operation that changes data, which checks the
 * permission it needs and records the user in the audit columns and the ledger.
 *
 * <p>A host obtains an actor for a logged-in user from the authentication service, or builds one for a background
 * job with {@link #system(String)}.
 *
 * @param userId      the acting user's id; {@code null} for the system itself (seeders, scheduled sweeps)
 * @param name        who acts, for logs and error messages, for example an e-mail; never {@code null}
 * @param permissions what the actor may do; never {@code null}
 */
public record Actor(Long userId, String name, Set<Permission> permissions) {

    /**
     * Creates the record, copying the permissions.
     *
     * @throws NullPointerException if {@code name} or {@code permissions} is {@code null}
     */
    public Actor {
        Objects.requireNonNull(name, "name");
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /**
     * Returns the system actor: no user, every permission. For seeders, migrations and scheduled jobs that act on
     * the warehouse's own behalf.
     *
     * @param name what acts, for logs, for example {@code "expiry-sweep"}; never {@code null}
     * @return the actor; never {@code null}
     */
    public static Actor system(String name) {
        return new Actor(null, name, EnumSet.allOf(Permission.class));
    }

    /**
     * Tells whether the actor may do something.
     *
     * @param permission the permission needed; never {@code null}
     * @return {@code true} if the actor holds it
     */
    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * Refuses the actor unless they hold a permission.
     *
     * @param permission the permission needed; never {@code null}
     * @throws PermissionDeniedException if the actor does not hold it
     */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new PermissionDeniedException(name, permission.name());
        }
    }
}
