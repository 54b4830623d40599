package io.wms.core.repository;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.Role;

/**
 * The roles and who holds them. What a role permits is decided by {@link io.wms.core.auth.RolePermissions}.
 *
 * <p>Writes check {@link io.wms.core.auth.Permission#MANAGE_USERS} before anything else. The last live admin
 * cannot lose the admin role, even when two administrators revoke each other at the same moment. Thread-safe
 * when obtained from {@link io.wms.core.Wms}.
 */
public interface RoleRepository {

    /**
     * Finds a role by its exact name.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param name the name, for example {@code "admin"}; never {@code null}
     * @return the role, or empty if there is none
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    Optional<Role> findByName(Actor actor, String name);

    /**
     * Lists every role, ordered by name, when there are at most {@link PageRequest#MAX_LISTED}; for any number,
     * read them page by page with {@link #list(Actor, int, String)}.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @return the roles; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     * @throws io.wms.core.error.TooManyRowsException     if there are more than {@link PageRequest#MAX_LISTED}
     */
    @Reads(Permission.MANAGE_USERS)
    List<Role> list(Actor actor);

    /**
     * Reads the first page of the roles, ordered by name and then id.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param limit the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more rows; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    KeysetPage<Role> list(Actor actor, int limit);

    /**
     * Reads the page of the roles that follows a cursor, ordered by name and then id.
     *
     * @param actor  who reads; needs {@code MANAGE_USERS}
     * @param limit  the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    KeysetPage<Role> list(Actor actor, int limit, String cursor);

    /**
     * Creates a role.
     *
     * @param actor who creates it; never {@code null}
     * @param role  the name and description; never {@code null}
     * @return the created role; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the name is missing, longer than 100 or contains NUL
     * @throws io.wms.core.error.DuplicateException        if a role has the same name
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    Role create(Actor actor, NewRole role);

    /**
     * Replaces a role's description, if the role has not changed since it was read.
     *
     * @param actor   who changes it; never {@code null}
     * @param id      the role's id
     * @param changes the description and the version it is based on; never {@code null}
     * @return the changed role; never {@code null}
     * @throws io.wms.core.error.NotFoundException         if there is no role with this id
     * @throws io.wms.core.error.ConcurrentUpdateException if the role's version is not the expected one
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    Role update(Actor actor, long id, RoleChanges changes);

    /**
     * Deletes a role that is not built in; its holders lose it.
     *
     * @param actor who deletes it; never {@code null}
     * @param id    the role's id
     * @throws io.wms.core.error.NotFoundException         if there is no role with this id
     * @throws io.wms.core.error.ValidationException       if the role is one of the four built-in roles
     *                                                     (rule {@code "built_in"})
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    void delete(Actor actor, long id);

    /**
     * Gives a live user a role; giving a role the user already holds changes nothing.
     *
     * @param actor    who assigns it; never {@code null}
     * @param userId   the user's id
     * @param roleName the role's name; never {@code null}
     * @throws io.wms.core.error.NotFoundException         if there is no live user with this id or no such role
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    void assign(Actor actor, long userId, String roleName);

    /**
     * Takes a role from a user; taking a role the user does not hold changes nothing.
     *
     * @param actor    who revokes it; never {@code null}
     * @param userId   the user's id
     * @param roleName the role's name; never {@code null}
     * @throws io.wms.core.error.NotFoundException         if there is no user with this id or no such role
     * @throws io.wms.core.error.LastAdminException        if this would take the admin role from the last live admin
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    void revoke(Actor actor, long userId, String roleName);

    /**
     * Lists the roles a user holds, ordered by name.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param userId the user's id
     * @return the roles; empty for a user without roles or an unknown user; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    List<Role> rolesOf(Actor actor, long userId);
}
