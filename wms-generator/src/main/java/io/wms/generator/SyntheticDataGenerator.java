package io.wms.generator;

import javax.sql.DataSource;

import io.wms.core.auth.Actor;

/**
 * Generates synthetic categories, brands, products, batches, bin locations and ledger rows with PostgreSQL binary
 * {@code COPY}, in one transaction, for load tests and benchmarks: never point it at a production database.
 *
 * <pre>{@code
 * SyntheticDataGenerator generator = SyntheticDataGenerator.on(dataSource);
 * GenerationReport report = generator.generate(admin, GenerationPlan.of(42, 100_000, 1_000_000, 5_000_000));
 * }</pre>
 *
 * <p>It works on a database that wms has migrated, through the data source given, and writes the rows wms would
 * have written: every batch's ledger adds up to its quantity, every batch's units lie in one location, and
 * {@code inventory().verifyLedger} finds nothing wrong.
 *
 * <p>Into an empty database, as the owner of the wms tables, it loads as {@code pg_restore} does: each table that is
 * empty when its turn comes is loaded without its secondary indexes and foreign keys, which are then re-created from
 * the catalog's own definitions (the migrations') and validated, and the two triggers that place each batch's units
 * are suspended while the generator places them itself, all within the same transaction, so that a failure anywhere
 * leaves the schema, the triggers and the data as they were. While it runs, those tables and the tables their
 * foreign keys refer to ({@code users} included) are locked against readers too. A table that has rows, or a role
 * that does not own the tables (such as the application role), gets a plain {@code COPY} into the table with its
 * indexes and triggers in place. The rows are the same either way.
 *
 * <p>Its checks are its own, not those of a {@link io.wms.core.Wms} operation: the actor must hold
 * {@link io.wms.core.auth.Permission#PURGE_DATA PURGE_DATA} (admins only: generating stops the warehouse while it
 * runs), {@code MANAGE_CATALOG} and {@code RECEIVE_STOCK}, and {@code MANAGE_LOCATIONS} for a plan with bins; a user's
 * actor is checked against the user's current roles, as every wms operation checks it.
 *
 * <p>Thread-safe and immutable. Each call is a transaction of its own on a connection of its own, never a
 * transaction of the caller; two calls on one database wait for each other's locks.
 */
public interface SyntheticDataGenerator {

    /**
     * Returns a generator on the data source with the defaults of {@link GeneratorBuilder}: the schema {@code wms},
     * the system clock and the JVM's default zone.
     *
     * @param dataSource where its connection comes from, the database wms migrated; the host keeps owning it; never
     *                   {@code null}
     * @return the generator; never {@code null}
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    static SyntheticDataGenerator on(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * Starts building a generator with a schema, clock or zone of its own, which should be those of the
     * {@link io.wms.core.Wms} that works on the data.
     *
     * @return a new builder; never {@code null}
     */
    static GeneratorBuilder builder() {
        return new GeneratorBuilder();
    }

    /**
     * Generates the plan's rows in one transaction, deterministically from its seed, and commits them.
     *
     * @param actor who generates, for example {@code Actor.system("load-test", EnumSet.allOf(Permission.class))};
     *              never {@code null}
     * @param plan  how much to generate; never {@code null}
     * @return the rows and rows per second of each table, in loading order; never {@code null}
     * @throws io.wms.core.error.ValidationException       if an argument is {@code null} or the plan's figures are out
     *                                                     of range (see the maxima of {@link GenerationPlan}); nothing
     *                                                     is written
     * @throws io.wms.core.error.PermissionDeniedException if the actor, or the user it acts for as their roles stand
     *                                                     now, lacks PURGE_DATA, MANAGE_CATALOG or RECEIVE_STOCK, or
     *                                                     MANAGE_LOCATIONS for a plan with bins; nothing is written
     * @throws io.wms.core.error.RetryableException       if the database cannot be reached or the connection breaks,
     *                                                     or another writer's transaction conflicts with this one; it
     *                                                     is not retried here, and the plan may be run again
     * @throws io.wms.core.error.WmsException              any other failure, translated as wms translates its own; the
     *                                                     transaction is rolled back whole, indexes, foreign keys and
     *                                                     triggers included
     */
    GenerationReport generate(Actor actor, GenerationPlan plan);
}
