package io.wms.core.monitoring;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;

/**
 * Read-only figures for running wms in production: the seed's health check, connection-pool statistics and its
 * monitoring queries (table sizes, index usage, connection states, slow statements), as typed results.
 *
 * <p>Every method needs {@link io.wms.core.auth.Permission#READ_MONITORING}. None of them changes data. Thread-safe.
 */
public interface Monitoring {

    /** How long the health check waits for the database to answer, in seconds. */
    int HEALTH_TIMEOUT_SECONDS = 5;

    /** The most slow statements one call returns. */
    int MAX_SLOW_STATEMENTS = 100;

    /**
     * Checks that the database answers within {@value #HEALTH_TIMEOUT_SECONDS} seconds (the seed's
     * {@code HealthCheck}). A database that is down is reported in the result, not thrown.
     *
     * @param actor who asks
     * @return the health; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not read monitoring figures
     */
    @Reads(Permission.READ_MONITORING)
    Health health(Actor actor);

    /**
     * Returns the connection pool's figures (the seed's {@code GetConnectionStats}), when wms runs on a HikariCP
     * pool: its own, or a host's.
     *
     * @param actor who asks
     * @return the figures; empty when the data source is not a HikariCP pool
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not read monitoring figures
     */
    @Reads(Permission.READ_MONITORING)
    Optional<PoolStatistics> poolStatistics(Actor actor);

    /**
     * Lists the size of every table of the schema, largest first (the seed's "Check table sizes").
     *
     * @param actor who asks
     * @return one entry per table; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not read monitoring figures
     */
    @Reads(Permission.READ_MONITORING)
    List<TableSize> tableSizes(Actor actor);

    /**
     * Lists how often each index of the schema was used, most read first (the seed's "Check index usage",
     * from {@code pg_stat_user_indexes}). The server updates these counters asynchronously, within about a second.
     *
     * @param actor who asks
     * @return one entry per index; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not read monitoring figures
     */
    @Reads(Permission.READ_MONITORING)
    List<IndexUsage> indexUsage(Actor actor);

    /**
     * Counts the client connections to this database per state (the seed's "Check connection status", from
     * {@code pg_stat_activity}).
     *
     * @param actor who asks
     * @return one entry per state, ordered by state; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not read monitoring figures
     */
    @Reads(Permission.READ_MONITORING)
    List<ConnectionStateCount> connectionStates(Actor actor);

    /**
     * Lists the statements with the highest mean execution time (the seed's "Check slow queries"), from
     * {@code pg_stat_statements} when that extension is installed; otherwise says how to install it.
     *
     * <p>Only statements run in this database by the role wms connects as are listed, never other applications'
     * (whose text, for utility statements, can hold literal values); a host that shares wms's role and data source
     * sees its own statements among them.
     *
     * @param actor who asks
     * @param limit how many statements, 1 to {@value #MAX_SLOW_STATEMENTS}
     * @return the statements, or the reason they are not available; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not read monitoring figures
     */
    @Reads(Permission.READ_MONITORING)
    SlowStatements slowStatements(Actor actor, int limit);
}
