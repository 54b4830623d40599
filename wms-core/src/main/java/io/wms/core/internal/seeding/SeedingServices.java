package io.wms.core.internal.seeding;

import io.wms.core.internal.Transactions;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.people.Passwords;
import io.wms.core.internal.people.PeopleServices;
import io.wms.core.seed.Seeding;

/**
 * Builds the seeders; the one way into this package.
 */
public final class SeedingServices {

    private SeedingServices() {
    }

    /**
     * Builds the seeding service. The seeders it hands out check the actor they run for against the live users, as
     * the guard around the service checks the actors of its own calls.
     *
     * @param transactions where its statements run
     * @param settings     the clock and warehouse zone the demo data is dated by
     * @param passwords    the password rules and hashing, for the first admin
     * @return the service
     */
    public static Seeding seeding(Transactions transactions, WmsSettings settings, Passwords passwords) {
        return new JooqSeeding(transactions, settings, passwords, PeopleServices.liveActors(transactions));
    }
}
