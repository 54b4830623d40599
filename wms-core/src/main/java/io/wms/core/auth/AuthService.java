package io.wms.core.auth;

/**
 * Logs users in, builds actors for their sessions, and changes their passwords.
 *
 * <p>Passwords follow the instance's {@link PasswordPolicy}. A failed login throws one
 * {@link io.wms.core.error.AuthenticationException} that never tells whether the e-mail or the password was wrong,
 * and an unknown e-mail costs as much hashing as a wrong password, also when the user's stored hash is of a lower
 * cost than the policy's. Repeated failures are slowed down by the instance's {@link LoginThrottle}. Thread-safe when obtained from
 * {@link io.wms.core.Wms}.
 */
public interface AuthService {

    /**
     * Checks an e-mail and a password and returns the user with their roles and an actor. The e-mail is matched
     * trimmed and ignoring letter case; a soft-deleted user cannot log in. When the stored hash was made with a
     * lower cost than the policy's, it is replaced by one of the policy's cost.
     *
     * @param email    the e-mail address; never {@code null}
     * @param password the password; never {@code null}
     * @return the user and their actor; never {@code null}
     * @throws io.wms.core.error.ValidationException     if the e-mail is longer than 255 characters or holds a NUL
     *                                                   character or a lone surrogate; nothing was counted or checked
     * @throws io.wms.core.error.LoginThrottledException if the e-mail is locked after failed logins (see
     *                                                   {@link LoginThrottle}); the password was not checked
     * @throws io.wms.core.error.AuthenticationException if the e-mail or the password is wrong
     */
    @Writes({})
    Authentication authenticate(String email, String password);

    /**
     * Checks an e-mail and a password as {@link #authenticate(String, String)} does, also counting a failure against
     * the source of the attempt, so that one source guessing across many e-mails is slowed down too (see
     * {@link LoginThrottle}).
     *
     * @param email     the e-mail address; never {@code null}
     * @param password  the password; never {@code null}
     * @param sourceKey where the attempt comes from, as the host knows it, for example the client's IP address;
     *                  at most {@link LoginThrottle#MAX_SOURCE_KEY_LENGTH} characters; never {@code null}
     * @return the user and their actor; never {@code null}
     * @throws io.wms.core.error.ValidationException     if the e-mail is longer than 255 characters, the source key
     *                                                   longer than {@link LoginThrottle#MAX_SOURCE_KEY_LENGTH}, or
     *                                                   either holds a NUL character or a lone surrogate; nothing was
     *                                                   counted or checked
     * @throws io.wms.core.error.LoginThrottledException if the e-mail or the source is locked after failed logins;
     *                                                   the password was not checked
     * @throws io.wms.core.error.AuthenticationException if the e-mail or the password is wrong
     */
    @Writes({})
    Authentication authenticate(String email, String password, String sourceKey);

    /**
     * Builds the actor of an already authenticated user, for example at the start of each request of a session,
     * with the permissions their roles grant now. It asks for no credential: the host calls it only for a user its own
     * session has authenticated (see the trust model on {@link Actor}). Every operation checks the actor again.
     *
     * @param userId the user's id
     * @return the actor; never {@code null}
     * @throws io.wms.core.error.NotFoundException if there is no live user with this id
     */
    @Reads({})
    Actor actorFor(long userId);

    /**
     * Changes a password after checking the current one. Users may change their own; changing another user's
     * needs {@link Permission#MANAGE_USERS}.
     *
     * @param actor           who changes it; never {@code null}
     * @param userId          whose password changes
     * @param currentPassword the password now; never {@code null}
     * @param newPassword     the new password, following the policy; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the new password breaks the policy
     * @throws io.wms.core.error.AuthenticationException   if the current password is wrong
     * @throws io.wms.core.error.NotFoundException         if there is no live user with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor is someone else without MANAGE_USERS
     */
    @Writes(value = Permission.MANAGE_USERS, unlessSelf = "userId")
    void changePassword(Actor actor, long userId, String currentPassword, String newPassword);

    /**
     * Sets a new password without knowing the current one, for an administrator helping a user.
     *
     * @param actor       who resets it; never {@code null}
     * @param userId      whose password changes
     * @param newPassword the new password, following the policy; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the new password breaks the policy
     * @throws io.wms.core.error.NotFoundException         if there is no live user with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS
     */
    @Writes(Permission.MANAGE_USERS)
    void resetPassword(Actor actor, long userId, String newPassword);
}
