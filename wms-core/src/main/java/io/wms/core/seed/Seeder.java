package io.wms.core.seed;

import io.wms.core.auth.Actor;

/**
 * Fills one table with the data a fresh warehouse needs (roles, the first admin) or with the demo data set.
 *
 * <p>Every seeder is idempotent: it adds only the rows that are missing, so running it again changes nothing.
 * Obtain the seeders, in foreign-key order, from {@link Seeding#seeders(SeedOptions)}.
 */
public interface Seeder {

    /**
     * Returns the table this seeder fills.
     *
     * @return the table's name, for example {@code "roles"}; never {@code null}
     */
    String table();

    /**
     * Adds the rows of this seeder that are missing.
     *
     * @param actor who seeds, usually {@link Actor#system(String)}; never {@code null}. A user's actor is checked
     *              when the seeder runs, not when it was obtained: it holds only what the user's current roles
     *              grant, and nothing once the user is deleted
     * @return how many rows were added; 0 when everything was there already
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks the permission the table's writes need
     * @throws io.wms.core.error.ValidationException       if the configured first admin breaks a rule
     */
    int seed(Actor actor);
}
