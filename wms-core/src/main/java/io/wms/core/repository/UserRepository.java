package io.wms.core.repository;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.User;
import io.wms.core.model.UserWithRoles;

/**
 * The users who can log in. Passwords are stored only as bcrypt hashes, and no method returns a hash.
 *
 * <p>Reads see live users only. Writes check {@link io.wms.core.auth.Permission#MANAGE_USERS} (purging checks
 * {@link io.wms.core.auth.Permission#PURGE_DATA}) before anything else and validate their input before any
 * statement is sent. Every failure is a typed {@link io.wms.core.error.WmsException} that leaves the data unchanged.
 * Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface UserRepository {

    /**
     * Creates a user with a hashed password and no roles.
     *
     * @param actor who creates it; never {@code null}
     * @param user  the e-mail and password; never {@code null}
     * @return the created user; never {@code null}
     * @throws io.wms.core.error.ValidationException       naming every failing field: e-mail missing, malformed or
     *                                                     longer than 255; password shorter than the policy's
     *                                                     minimum or longer than 72 UTF-8 bytes ({@code max_bytes})
     * @throws io.wms.core.error.DuplicateException        if a live user has the same e-mail, ignoring case
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    User create(Actor actor, NewUser user);

    /**
     * Finds a live user by id.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param id the id
     * @return the user, or empty if there is none or it is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    Optional<User> findById(Actor actor, long id);

    /**
     * Finds a live user by e-mail, trimmed and ignoring letter case.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param email the e-mail address; never {@code null}
     * @return the user, or empty if there is none
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    Optional<User> findByEmail(Actor actor, String email);

    /**
     * Reads a live user with their roles, ordered by name, in one round trip.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param id the user's id
     * @return the user with roles, or empty if there is no live user with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    Optional<UserWithRoles> findWithRoles(Actor actor, long id);

    /**
     * Lists every live user, ordered by e-mail (ignoring case) and then id, when there are at most
     * {@link PageRequest#MAX_LISTED}; for any number, read them page by page with {@link #list(Actor, int, String)}.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @return the users; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     * @throws io.wms.core.error.TooManyRowsException     if there are more than {@link PageRequest#MAX_LISTED}
     */
    @Reads(Permission.MANAGE_USERS)
    List<User> list(Actor actor);

    /**
     * Reads the first page of the live users, ordered by id (the order they were created in).
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param limit the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more rows; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    KeysetPage<User> list(Actor actor, int limit);

    /**
     * Reads the page of the live users that follows a cursor, ordered by id (the order they were created in).
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
    KeysetPage<User> list(Actor actor, int limit, String cursor);

    /**
     * Changes a live user's e-mail, if the user has not changed since it was read.
     *
     * @param actor           who changes it; never {@code null}
     * @param id              the user's id
     * @param email           the new e-mail address; never {@code null}
     * @param expectedVersion the version the change is based on
     * @return the changed user; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the e-mail is missing, malformed or too long
     * @throws io.wms.core.error.NotFoundException         if there is no live user with this id
     * @throws io.wms.core.error.ConcurrentUpdateException if the user's version is not the expected one
     * @throws io.wms.core.error.DuplicateException        if another live user has the e-mail
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    User updateEmail(Actor actor, long id, String email, long expectedVersion);

    /**
     * Soft-deletes a live user: they can no longer log in, their e-mail becomes free, and they can be restored.
     *
     * @param actor who deletes them; never {@code null}
     * @param id    the user's id
     * @throws io.wms.core.error.NotFoundException         if there is no live user with this id
     * @throws io.wms.core.error.LastAdminException        if the user is the last live admin
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    void delete(Actor actor, long id);

    /**
     * Brings a soft-deleted user back, with the roles they held.
     *
     * @param actor who restores them; never {@code null}
     * @param id    the user's id
     * @return the restored user; never {@code null}
     * @throws io.wms.core.error.NotFoundException         if there is no soft-deleted user with this id
     * @throws io.wms.core.error.DuplicateException        if a live user has taken the e-mail meanwhile
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    User restore(Actor actor, long id);

    /**
     * Deletes a user for good, live or soft-deleted; their role assignments go with them, and ledger rows and audit
     * columns that named them keep existing without the name.
     *
     * @param actor who purges them; never {@code null}
     * @param id    the user's id
     * @throws io.wms.core.error.NotFoundException         if there is no user with this id
     * @throws io.wms.core.error.LastAdminException        if the user is the last live admin
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks PURGE_DATA
     */
    @Writes(Permission.PURGE_DATA)
    void purge(Actor actor, long id);
}
