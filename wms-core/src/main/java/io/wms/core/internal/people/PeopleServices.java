package io.wms.core.internal.people;

import io.wms.core.auth.AuthService;
import io.wms.core.internal.LiveActors;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.WmsSettings;
import io.wms.core.repository.RoleRepository;
import io.wms.core.repository.UserRepository;

/**
 * Builds the services for people (users, roles, logins); the one way into this package besides the
 * shared password and e-mail rules.
 */
public final class PeopleServices {

    private PeopleServices() {
    }

    /**
     * Builds the user repository.
     *
     * @param transactions where its statements run
     * @param passwords    the password rules and hashing
     * @return the repository
     */
    public static UserRepository users(Transactions transactions, Passwords passwords) {
        return new JooqUserRepository(transactions, passwords);
    }

    /**
     * Builds the role repository.
     *
     * @param transactions where its statements run
     * @return the repository
     */
    public static RoleRepository roles(Transactions transactions) {
        return new JooqRoleRepository(transactions);
    }

    /**
     * Builds the check that every operation runs on the user actors passed to it.
     *
     * @param transactions where its look-ups run
     * @return the check
     */
    public static LiveActors liveActors(Transactions transactions) {
        return new LiveUserActors(transactions);
    }

    /**
     * Builds the login service, with its own count of failed logins.
     *
     * @param transactions where its statements run
     * @param passwords    the password rules and hashing
     * @param settings     the login throttle and the clock it counts by
     * @return the service
     */
    public static AuthService auth(Transactions transactions, Passwords passwords, WmsSettings settings) {
        return new JooqAuthService(transactions, passwords, settings.loginThrottle(), settings.clock());
    }
}
