package io.wms.core.internal.monitoring;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.wms.core.auth.Actor;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.PoolMetrics;
import io.wms.core.internal.Validator;
import io.wms.core.monitoring.ConnectionStateCount;
import io.wms.core.monitoring.Health;
import io.wms.core.monitoring.IndexUsage;
import io.wms.core.monitoring.Monitoring;
import io.wms.core.monitoring.PoolStatistics;
import io.wms.core.monitoring.SlowStatement;
import io.wms.core.monitoring.SlowStatements;
import io.wms.core.monitoring.TableSize;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Monitoring over the server's statistics views. These views are not part of the generated schema, so the queries
 * are jOOQ plain-SQL templates; every value in them is a bind parameter.
 *
 * <p>The slow statements are only those run by the role wms itself connects as: {@code pg_stat_statements} keeps the
 * text of every application's statements, and utility statements (a {@code CREATE ROLE ... PASSWORD}, a {@code DO}
 * block) keep their literals, so another application's would show a monitoring viewer data that is not theirs.
 */
final class JooqMonitoring implements Monitoring {

    private final DSLContext dsl;
    private final DataSource dataSource;
    private final String schema;

    JooqMonitoring(DSLContext dsl, DataSource dataSource, String schema) {
        this.dsl = dsl;
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @Override
    public Health health(Actor actor) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(HEALTH_TIMEOUT_SECONDS)) {
                return new Health(false, since(start), null,
                        "the database did not answer within " + HEALTH_TIMEOUT_SECONDS + " seconds");
            }
            String version = connection.getMetaData().getDatabaseProductVersion();
            return new Health(true, since(start), version, null);
        } catch (SQLException | RuntimeException e) {
            return new Health(false, since(start), null, String.valueOf(ExceptionTranslator.translate(e).getMessage()));
        }
    }

    @Override
    public Optional<PoolStatistics> poolStatistics(Actor actor) {
        if (!(dataSource instanceof HikariDataSource pool) || pool.getHikariPoolMXBean() == null) {
            return Optional.empty();
        }
        HikariPoolMXBean figures = pool.getHikariPoolMXBean();
        boolean counted = pool.getMetricsTrackerFactory() instanceof PoolMetrics;
        PoolMetrics metrics = counted ? (PoolMetrics) pool.getMetricsTrackerFactory() : null;
        return Optional.of(new PoolStatistics(
                pool.getMaximumPoolSize(),
                figures.getTotalConnections(),
                figures.getActiveConnections(),
                figures.getIdleConnections(),
                figures.getThreadsAwaitingConnection(),
                counted ? metrics.acquisitions() : -1,
                counted ? Duration.ofNanos(metrics.acquisitionNanos()) : Duration.ZERO,
                counted ? metrics.timeouts() : -1));
    }

    @Override
    public List<TableSize> tableSizes(Actor actor) {
        return dsl.resultQuery("""
                        select c.relname, pg_catalog.pg_total_relation_size(c.oid), pg_catalog.pg_indexes_size(c.oid),
                               c.reltuples::bigint
                        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = {0} and c.relkind in ('r', 'p')
                        order by pg_catalog.pg_total_relation_size(c.oid) desc, c.relname
                        """, val(schema))
                .fetch(row -> new TableSize(row.get(0, String.class), row.get(1, Long.class), row.get(2, Long.class),
                        row.get(3, Long.class)));
    }

    @Override
    public List<IndexUsage> indexUsage(Actor actor) {
        return dsl.resultQuery("""
                        select relname, indexrelname, idx_scan, idx_tup_read, idx_tup_fetch,
                               pg_catalog.pg_relation_size(indexrelid)
                        from pg_catalog.pg_stat_user_indexes
                        where schemaname = {0}
                        order by idx_tup_read desc, indexrelname
                        """, val(schema))
                .fetch(row -> new IndexUsage(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, Long.class), row.get(3, Long.class), row.get(4, Long.class),
                        row.get(5, Long.class)));
    }

    @Override
    public List<ConnectionStateCount> connectionStates(Actor actor) {
        return dsl.resultQuery("""
                        select coalesce(state, 'unknown'), pg_catalog.count(*)
                        from pg_catalog.pg_stat_activity
                        where datname = pg_catalog.current_database() and backend_type = 'client backend'
                        group by 1
                        order by 1
                        """)
                .fetch(row -> new ConnectionStateCount(row.get(0, String.class), row.get(1, Long.class)));
    }

    @Override
    public SlowStatements slowStatements(Actor actor, int limit) {
        Validator.of("slow statements request")
                .positive("limit", limit)
                .atMost("limit", limit, MAX_SLOW_STATEMENTS)
                .validate();
        boolean installed = dsl.fetchExists(dsl.selectOne()
                .from("pg_catalog.pg_extension").where("extname = {0}", inline("pg_stat_statements")));
        if (!installed) {
            return new SlowStatements(false, "pg_stat_statements is not installed: " + SlowStatements.HOW_TO_INSTALL,
                    List.of());
        }
        try {
            List<SlowStatement> statements = dsl.resultQuery("""
                            select query, calls, total_exec_time, mean_exec_time, max_exec_time
                            from pg_stat_statements
                            where dbid = (select oid from pg_catalog.pg_database where datname = pg_catalog.current_database())
                              and userid = (select oid from pg_catalog.pg_roles where rolname = current_user)
                            order by mean_exec_time desc
                            limit {0}
                            """, org.jooq.impl.DSL.val(limit))
                    .fetch(row -> new SlowStatement(row.get(0, String.class), row.get(1, Long.class),
                            millis(row.get(2, Double.class)), millis(row.get(3, Double.class)),
                            millis(row.get(4, Double.class))));
            return new SlowStatements(true, null, statements);
        } catch (DataAccessException e) {
            return new SlowStatements(false, "pg_stat_statements is installed but cannot be read ("
                    + e.sqlState() + "): " + SlowStatements.HOW_TO_INSTALL, List.of());
        }
    }

    private static Duration millis(Double milliseconds) {
        return Duration.ofNanos(Math.round(milliseconds * 1_000_000));
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
