package io.wms.core.seed;

import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;

/**
 * Seeds a warehouse: the built-in roles, the first admin and the quickstart's demo data. Synthetic data of any size,
 * for load tests, comes from the module {@code wms-generator} instead.
 * Thread-safe when obtained from {@link io.wms.core.Wms}; run seeding from one process at a time.
 */
public interface Seeding {

    /**
     * Returns the seeders for these options, one per table, in foreign-key order: roles, users, categories,
     * brands, products, batches, tracks. Without demo data, the catalog and stock seeders add nothing.
     *
     * @param options what to seed; never {@code null}
     * @return the seeders; never {@code null}
     */
    @Reads({})
    List<Seeder> seeders(SeedOptions options);

    /**
     * Runs every seeder in order, in one transaction. Running it again adds nothing. When no first admin is
     * configured and none exists, the log says how to create one.
     *
     * @param actor   who seeds, usually {@link Actor#system(String)}; never {@code null}
     * @param options what to seed; never {@code null}
     * @return what each seeder added, in order; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks MANAGE_USERS, MANAGE_CATALOG or
     *                                                     RECEIVE_STOCK
     * @throws io.wms.core.error.ValidationException       if the configured first admin breaks a rule
     */
    @Writes(value = {}, when = {Permission.MANAGE_USERS, Permission.MANAGE_CATALOG, Permission.RECEIVE_STOCK})
    List<SeededTable> run(Actor actor, SeedOptions options);

    /**
     * Runs every seeder in order with the host's own seeders placed among them, in one transaction and one report.
     * Each host seeder runs right after the seeder whose table it names ({@link HostSeeder#runsAfter()}); several
     * after the same table run in the order given.
     *
     * @param actor       who seeds; never {@code null}
     * @param options     what to seed; never {@code null}
     * @param hostSeeders the host's seeders; never {@code null}, may be empty
     * @return what each seeder added, in the order they ran; never {@code null}
     * @throws io.wms.core.error.ValidationException       if a host seeder has a blank or repeated name, or names a
     *                                                     table no seeder of the run has; nothing is seeded then
     * @throws io.wms.core.error.PermissionDeniedException as {@link #run(Actor, SeedOptions)}
     */
    @Writes(value = {}, when = {Permission.MANAGE_USERS, Permission.MANAGE_CATALOG, Permission.RECEIVE_STOCK})
    List<SeededTable> run(Actor actor, SeedOptions options, List<HostSeeder> hostSeeders);
}
