package io.wms.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.LogLevel;
import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.monitoring.Monitoring;
import io.wms.migration.MigrationResult;
import io.wms.migration.WmsMigrations;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.conf.Settings;

/**
 * The {@link Wms} implementation: a jOOQ configuration over the data source, and the operations bound to it.
 */
public final class DefaultWms extends BoundOperations implements Wms {

    static {
        // jOOQ greets on first use; an embedded library must not print to the host's console.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final WmsMigrations migrations;
    private final Monitoring monitoring;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DefaultWms(DataSource dataSource, HikariDataSource ownedPool, DataSource migrationDataSource,
                       WmsSettings settings) {
        super(DSL.using(jooqConfiguration(dataSource, settings.logLevel())), settings);
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.migrations = WmsMigrations.on(migrationDataSource == null ? dataSource : migrationDataSource);
        this.monitoring = ApiGuard.guard(Monitoring.class, new JooqMonitoring(dsl(), dataSource));
    }

    /**
     * Opens an instance on a pool built from a configuration; the instance owns the pool.
     *
     * @param config              the configuration
     * @param migrationDataSource a separate data source for migrations; {@code null} for the pool
     * @param migrate             whether to migrate now
     * @param settings            the library settings
     * @return the instance
     */
    public static DefaultWms open(WmsConfig config, DataSource migrationDataSource, boolean migrate,
                                  WmsSettings settings) {
        HikariDataSource pool = ConnectionPools.open(config);
        try {
            return start(new DefaultWms(pool, pool, migrationDataSource, settings), migrate);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens an instance on the host's data source, which the host keeps owning.
     *
     * @param dataSource          the host's data source
     * @param migrationDataSource a separate data source for migrations; {@code null} for the main one
     * @param migrate             whether to migrate now
     * @param settings            the library settings
     * @return the instance
     */
    public static DefaultWms wrap(DataSource dataSource, DataSource migrationDataSource, boolean migrate,
                                  WmsSettings settings) {
        return start(new DefaultWms(dataSource, null, migrationDataSource, settings), migrate);
    }

    private static DefaultWms start(DefaultWms wms, boolean migrate) {
        if (migrate) {
            wms.migrate();
        }
        return wms;
    }

    private static Configuration jooqConfiguration(DataSource dataSource, LogLevel logLevel) {
        Configuration configuration = new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.POSTGRES)
                // Native java.time binding lets pgjdbc decode binary timestamps instead of formatting and re-parsing text.
                .set(new Settings().withExecuteLogging(false).withRenderSchema(false)
                        .withBindOffsetDateTimeType(true).withBindOffsetTimeType(true));
        return logLevel == LogLevel.SILENT ? configuration
                : configuration.set(new DefaultExecuteListenerProvider(new StatementLogger(logLevel)));
    }

    @Override
    public MigrationResult migrate() {
        return migrations.migrate();
    }

    @Override
    public WmsMigrations migrations() {
        return migrations;
    }

    @Override
    public Monitoring monitoring() {
        return monitoring;
    }

    /**
     * Returns the jOOQ context of the pool, for the library's own tests and benchmarks.
     *
     * @return the auto-commit jOOQ context
     */
    public DSLContext jooq() {
        return dsl();
    }

    /**
     * Returns the data source this instance runs on.
     *
     * @return the pool or the host's data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            ownedPool.close();
        }
    }
}
