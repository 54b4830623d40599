package io.wms.core.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.error.Violation.Rule;

/**
 * Who performs an operation, and what they may do: passed to every operation that changes data, which checks the
 * permission it needs and records who acted in the audit columns and the ledger.
 *
 * <h2>The trust model</h2>
 * <ul>
 *   <li><b>The host's code is trusted.</b> wms runs inside the host application; whatever code holds the
 *       {@code Wms} can build any actor, and the database credentials besides. The permission checks do not defend
 *       against that code: they guard against its mistakes (a job that should only read, a request handled with the
 *       wrong session) and against <b>users acting beyond their roles</b>.</li>
 *   <li><b>A user's actor is a claim, checked at every call.</b> Each operation a user actor is passed to reads,
 *       in one indexed look-up, whether the user is still live and which roles they hold now, and acts with only
 *       the permissions both the actor and those roles grant. An actor of a user deleted since may do nothing, one
 *       of a user demoted since may do only what the remaining roles grant, and an actor never grants more than
 *       the user's roles, however it was built. The look-up runs just before the operation, not inside its
 *       transaction: a revocation committed in between takes effect from the next call.</li>
 *   <li><b>A system actor is the host acting on its own behalf</b> (seeders, scheduled sweeps, imports). It has no
 *       user, is not checked against the database, and the ledger records its name. It holds only the permissions
 *       it was built with; {@link #system(String)} holds every one but {@link Permission#PURGE_DATA}, so that a
 *       destroying hard delete is always asked for by name.</li>
 * </ul>
 *
 * <p>Actors are built only by the named factories: {@link #system(String)}, {@link #system(String, Set)} and
 * {@link #ofUser(long, String, Set)}; and for a user, usually by {@link AuthService#authenticate} or
 * {@link AuthService#actorFor}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Actor {

    /** The longest name of a system actor, in characters: the width of the ledger's {@code actor_name}. */
    public static final int MAX_SYSTEM_NAME_LENGTH = 100;

    private static final Set<Permission> SYSTEM_DEFAULT =
            Set.copyOf(EnumSet.complementOf(EnumSet.of(Permission.PURGE_DATA)));

    private final Long userId;
    private final String name;
    private final Set<Permission> permissions;

    private Actor(Long userId, String name, Set<Permission> permissions) {
        this.userId = userId;
        this.name = name;
        this.permissions = permissions;
    }

    /**
     * Returns a system actor holding every permission except {@link Permission#PURGE_DATA}: for seeders, imports
     * and scheduled jobs that act on the warehouse's own behalf. The ledger records its name.
     *
     * @param name what acts, for example {@code "expiry-sweep"}; not blank, at most
     *             {@value #MAX_SYSTEM_NAME_LENGTH} characters
     * @return the actor; never {@code null}
     * @throws ValidationException (field {@code name}) if the name is {@code null}, blank or too long
     */
    public static Actor system(String name) {
        return system(name, SYSTEM_DEFAULT);
    }

    /**
     * Returns a system actor holding exactly the given permissions, for example a read-only reporting job, or a
     * retention job that needs {@link Permission#PURGE_DATA}.
     *
     * @param name        what acts; not blank, at most {@value #MAX_SYSTEM_NAME_LENGTH} characters
     * @param permissions what it may do; may be empty, never {@code null}
     * @return the actor; never {@code null}
     * @throws ValidationException (field {@code name} or {@code permissions}) if the name is {@code null}, blank or
     *                             too long, or the permissions are {@code null}
     */
    public static Actor system(String name, Set<Permission> permissions) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", Rule.REQUIRED, "is required"));
        } else if (name.codePointCount(0, name.length()) > MAX_SYSTEM_NAME_LENGTH) {
            violations.add(new Violation("name", Rule.MAX_LENGTH,
                    "must be at most " + MAX_SYSTEM_NAME_LENGTH + " characters"));
        } else if (name.indexOf('\0') >= 0) {
            violations.add(new Violation("name", Rule.NO_NUL, "must not contain the NUL character"));
        }
        requirePermissions(violations, permissions);
        refuse("system actor", violations);
        return new Actor(null, name.strip(), copy(permissions));
    }

    /**
     * Returns the actor of a user, for a host that keeps its own sessions. It never grants more than the user's
     * roles: each operation checks the user is live and acts with the permissions both this actor and the user's
     * current roles grant. {@link AuthService#actorFor} builds one with all the permissions of those roles.
     *
     * @param userId      the user's id
     * @param name        who acts, for logs and error messages, for example their e-mail; not blank
     * @param permissions what the host allows them here, for example fewer than their roles grant; never
     *                    {@code null}
     * @return the actor; never {@code null}
     * @throws ValidationException (field {@code name} or {@code permissions}) if the name is {@code null} or blank
     *                             or the permissions are {@code null}
     */
    public static Actor ofUser(long userId, String name, Set<Permission> permissions) {
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank()) {
            violations.add(new Violation("name", Rule.REQUIRED, "is required"));
        }
        requirePermissions(violations, permissions);
        refuse("user actor", violations);
        return new Actor(userId, name, copy(permissions));
    }

    private static void requirePermissions(List<Violation> violations, Set<Permission> permissions) {
        if (permissions == null || permissions.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("permissions", Rule.REQUIRED, "is required and must not hold null"));
        }
    }

    private static void refuse(String subject, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(subject, violations);
        }
    }

    private static Set<Permission> copy(Set<Permission> permissions) {
        return permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
    }

    /**
     * Returns the acting user's id.
     *
     * @return the id; {@code null} for a system actor
     */
    public Long userId() {
        return userId;
    }

    /**
     * Returns who acts, for logs and error messages: a user's e-mail, or a system actor's name.
     *
     * @return the name; never {@code null}
     */
    public String name() {
        return name;
    }

    /**
     * Returns what the actor may do, as far as the actor itself says: for a user, each operation grants at most
     * what their roles grant at that moment.
     *
     * @return the permissions; unmodifiable, never {@code null}
     */
    public Set<Permission> permissions() {
        return permissions;
    }

    /**
     * Tells whether this is a system actor, one that acts for no user.
     *
     * @return {@code true} for a system actor
     */
    public boolean isSystem() {
        return userId == null;
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

    /**
     * Tells whether another object is an actor for the same user (or system name) with the same permissions.
     *
     * @param other the object to compare with; may be {@code null}
     * @return {@code true} if equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Actor that && Objects.equals(userId, that.userId) && name.equals(that.name)
                && permissions.equals(that.permissions);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(userId, name, permissions);
    }

    /**
     * Describes the actor for logs.
     *
     * @return for example {@code Actor[user 7 ann@example.com, permissions=[READ_CATALOG]]}
     */
    @Override
    public String toString() {
        return "Actor[" + (userId == null ? "system " : "user " + userId + " ") + name + ", permissions="
                + new TreeSet<>(permissions) + "]";
    }
}
