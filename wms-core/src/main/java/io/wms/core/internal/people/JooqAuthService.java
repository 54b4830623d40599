package io.wms.core.internal.people;

import static io.wms.jooq.Tables.USERS;

import java.time.Clock;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.AuthService;
import io.wms.core.auth.Authentication;
import io.wms.core.auth.LoginThrottle;
import io.wms.core.auth.RolePermissions;
import io.wms.core.error.AuthenticationException;
import io.wms.core.error.NotFoundException;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.Role;
import io.wms.core.model.UserWithRoles;
import io.wms.jooq.tables.records.UsersRecord;
import org.jooq.DSLContext;

/**
 * Logins and password changes on jOOQ and bcrypt, with failed logins throttled by a {@link LoginThrottler} of this
 * instance.
 */
final class JooqAuthService implements AuthService {

    private final DSLContext dsl;
    private final Passwords passwords;
    private final JooqUserRepository users;
    private final LoginThrottler throttle;

    JooqAuthService(Transactions transactions, Passwords passwords, LoginThrottle throttle, Clock clock) {
        this.dsl = transactions.dsl();
        this.passwords = passwords;
        this.users = new JooqUserRepository(transactions, passwords);
        this.throttle = new LoginThrottler(throttle, clock);
    }

    @Override
    public Authentication authenticate(String email, String password) {
        return authenticate(email, password, null);
    }

    @Override
    public Authentication authenticate(String email, String password, String sourceKey) {
        // Bounded before anything is counted, looked up or hashed: no stored address is longer, and a huge one would
        // cost its canonical form, a throttle key held in memory and a statement.
        Validator.of("login")
                .optionalText("email", email, UserEmails.MAX_LENGTH)
                .optionalText("sourceKey", sourceKey, LoginThrottle.MAX_SOURCE_KEY_LENGTH)
                .validate();
        // Throttled by the very form the user is looked up by, so that no variant of an address counts apart.
        String canonicalEmail = UserEmails.canonical(email);
        LoginThrottler.Admission admission = throttle.admit(canonicalEmail, sourceKey);
        UsersRecord row = dsl.selectFrom(USERS).where(UserEmails.liveUserWithCanonical(canonicalEmail)).fetchOne();
        if (row == null) {
            passwords.verifyAgainstDummy(password);
            throw new AuthenticationException();
        }
        if (!passwords.verifyInPolicyTime(password, row.getPassword())) {
            throw new AuthenticationException();
        }
        throttle.succeeded(admission);
        if (passwords.needsUpgrade(row.getPassword())) {
            // Conditional on the hash read, so that a password changed meanwhile is never overwritten.
            dsl.update(USERS)
                    .set(USERS.PASSWORD, passwords.hash(password))
                    .where(USERS.ID.eq(row.getId()).and(USERS.PASSWORD.eq(row.getPassword())))
                    .execute();
        }
        UserWithRoles user = users.liveWithRoles(row.getId()).orElseThrow(AuthenticationException::new);
        return new Authentication(user, actorOf(user));
    }

    @Override
    public Actor actorFor(long userId) {
        return users.liveWithRoles(userId).map(JooqAuthService::actorOf)
                .orElseThrow(() -> new NotFoundException("user", userId));
    }

    @Override
    public void changePassword(Actor actor, long userId, String currentPassword, String newPassword) {
        validateNewPassword(newPassword);
        UsersRecord row = dsl.selectFrom(USERS).where(USERS.ID.eq(userId).and(USERS.DELETED_AT.isNull())).fetchOne();
        if (row == null) {
            throw new NotFoundException("user", userId);
        }
        if (!passwords.verify(currentPassword, row.getPassword())) {
            throw new AuthenticationException();
        }
        // Conditional on the hash just verified: a password changed meanwhile by someone else is never overwritten.
        int changed = dsl.update(USERS)
                .set(USERS.PASSWORD, passwords.hash(newPassword))
                .where(USERS.ID.eq(userId).and(USERS.DELETED_AT.isNull()).and(USERS.PASSWORD.eq(row.getPassword())))
                .execute();
        if (changed == 0) {
            throw JooqUserRepository.SOFT_DELETES.missingOrStale(dsl, userId, row.getVersion());
        }
    }

    @Override
    public void resetPassword(Actor actor, long userId, String newPassword) {
        validateNewPassword(newPassword);
        storePassword(userId, newPassword);
    }

    private void validateNewPassword(String newPassword) {
        Validator validator = Validator.of("new password");
        passwords.check(validator, "newPassword", newPassword);
        validator.validate();
    }

    private void storePassword(long userId, String newPassword) {
        int changed = dsl.update(USERS)
                .set(USERS.PASSWORD, passwords.hash(newPassword))
                .where(USERS.ID.eq(userId).and(USERS.DELETED_AT.isNull()))
                .execute();
        if (changed == 0) {
            throw new NotFoundException("user", userId);
        }
    }

    static Actor actorOf(UserWithRoles user) {
        List<String> roleNames = user.roles().stream().map(Role::name).toList();
        return Actor.ofUser(user.user().id(), user.user().email(), RolePermissions.of(roleNames));
    }
}
