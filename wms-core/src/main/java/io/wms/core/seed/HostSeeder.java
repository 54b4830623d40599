package io.wms.core.seed;

import java.sql.Connection;
import java.sql.SQLException;

import io.wms.core.auth.Actor;

/**
 * A seeder of the host's own, run by {@link Seeding#run(Actor, SeedOptions, java.util.List)} beside wms's seeders,
 * in the same transaction and the same report: the host's reference data, its demo users, rows of its own tables
 * that refer to wms's.
 *
 * <p>Like wms's seeders it must be idempotent: running it again adds nothing. It says where it runs by naming the
 * table of the seeder it follows: one of wms's ({@code roles}, {@code users}, {@code categories}, {@code brands},
 * {@code products}, {@code product_batches}, {@code product_batch_tracks}) or another host seeder's.
 */
public interface HostSeeder {

    /**
     * Returns the name this seeder reports under, usually the table it fills.
     *
     * @return the name; not blank, and not the name of another seeder of the same run
     */
    String table();

    /**
     * Returns the table of the seeder this one runs right after.
     *
     * @return the table, for example {@code "products"}; {@code null} to run before every wms seeder
     */
    String runsAfter();

    /**
     * Seeds, on the connection of the seeding transaction: rows written here commit or roll back with wms's seeds.
     * The connection belongs to wms; do not commit, roll back or close it.
     *
     * @param actor      who seeds
     * @param connection the seeding transaction's connection
     * @return how many rows this run added
     * @throws SQLException if a statement fails; the whole run rolls back
     */
    int seed(Actor actor, Connection connection) throws SQLException;
}
