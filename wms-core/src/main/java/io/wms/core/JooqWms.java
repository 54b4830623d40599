package io.wms.core;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.auth.AuthService;
import io.wms.core.internal.StatementLog;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.WmsSettings;
import io.wms.core.inventory.CycleCountService;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.ReorderPoints;
import io.wms.core.inventory.ReservationService;
import io.wms.core.inventory.StockReports;
import io.wms.core.monitoring.Monitoring;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.LocationRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.RoleRepository;
import io.wms.core.repository.UserRepository;
import io.wms.core.repository.WarehouseRepository;
import io.wms.core.seed.Seeding;
import io.wms.jooq.Public;
import io.wms.migration.MigrationResult;
import io.wms.migration.WmsMigrations;
import org.jooq.Configuration;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/**
 * The {@link Wms} implementation: the pool (or the host's data source), one jOOQ configuration, and the services
 * built once on it.
 */
final class JooqWms implements Wms {

    /** The schema the jOOQ classes were generated from. */
    private static final String GENERATED_SCHEMA = Public.PUBLIC.getName();

    private final HikariDataSource ownedPool;
    private final WmsMigrations migrations;
    private final WiredOperations operations;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JooqWms(DataSource dataSource, HikariDataSource ownedPool, DataSource migrationDataSource, String schema,
                    WmsSettings settings, OperationListener listener, Configuration jooqConfiguration,
                    StatementLog log, HostTransactions host) {
        this.ownedPool = ownedPool;
        this.migrations = WmsMigrations.on(migrationDataSource == null ? dataSource : migrationDataSource, schema);
        Transactions transactions = new Transactions(dataSource, jooqConfiguration, log, host::isActive,
                host::afterCommit);
        this.operations = new WiredOperations(transactions, settings, dataSource, schema, listener);
    }

    /** Opens an instance on a pool built from a configuration; the instance owns the pool. */
    static JooqWms open(WmsConfig config, DataSource migrationDataSource, String schema, boolean migrate,
                        WmsSettings settings, OperationListener listener, LogLevel logLevel) {
        HikariDataSource pool = ConnectionSettings.open(config, schema);
        try {
            StatementLog log = StatementLog.at(StatementLogger.detail(logLevel));
            return start(new JooqWms(pool, pool, migrationDataSource, schema, settings, listener,
                    jooqConfiguration(schema, log), log, HostTransactions.NONE), migrate, listener);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Opens an instance on the host's data source, which the host keeps owning. */
    static JooqWms wrap(DataSource dataSource, DataSource migrationDataSource, String schema, boolean migrate,
                        WmsSettings settings, OperationListener listener, LogLevel logLevel,
                        HostTransactions host) {
        StatementLog log = StatementLog.at(StatementLogger.detail(logLevel));
        return start(new JooqWms(dataSource, null, migrationDataSource, schema, settings, listener,
                jooqConfiguration(schema, log), log, host), migrate, listener);
    }

    /**
     * Opens an instance on a data source that a test observes, logging nothing: how the library's own tests count
     * round trips and read plans at the JDBC level, on exactly the statements and services a host gets.
     */
    static JooqWms observed(DataSource dataSource, WmsSettings settings) {
        return new JooqWms(dataSource, null, null, WmsMigrations.DEFAULT_SCHEMA, settings, null,
                jooqConfiguration(WmsMigrations.DEFAULT_SCHEMA, StatementLog.SILENT), StatementLog.SILENT,
                HostTransactions.NONE);
    }

    private static JooqWms start(JooqWms wms, boolean migrate, OperationListener listener) {
        if (migrate) {
            wms.migrate();
        }
        if (listener != null) {
            listener.opened(wms);
        }
        return wms;
    }

    private static Configuration jooqConfiguration(String schema, StatementLog log) {
        Configuration configuration = new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                // Native java.time binding lets pgjdbc decode binary timestamps instead of formatting and re-parsing text.
                .set(new Settings().withExecuteLogging(false)
                        // The classes are generated from a schema named public; every statement names the
                        // configured schema instead, so one build serves any schema and no search_path is relied on.
                        .withRenderSchema(true)
                        .withRenderMapping(new RenderMapping().withSchemata(
                                new MappedSchema().withInput(GENERATED_SCHEMA).withOutput(schema)))
                        .withBindOffsetDateTimeType(true).withBindOffsetTimeType(true));
        return log.isSilent() ? configuration
                : configuration.set(new DefaultExecuteListenerProvider(new StatementLogger(log)));
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
        return operations.monitoring();
    }

    @Override
    public CategoryRepository categories() {
        return operations.categories();
    }

    @Override
    public BrandRepository brands() {
        return operations.brands();
    }

    @Override
    public ProductRepository products() {
        return operations.products();
    }

    @Override
    public ProductBatchRepository batches() {
        return operations.batches();
    }

    @Override
    public WarehouseRepository warehouses() {
        return operations.warehouses();
    }

    @Override
    public LocationRepository locations() {
        return operations.locations();
    }

    @Override
    public ProductBatchTrackRepository ledger() {
        return operations.ledger();
    }

    @Override
    public InventoryService inventory() {
        return operations.inventory();
    }

    @Override
    public CycleCountService cycleCounts() {
        return operations.cycleCounts();
    }

    @Override
    public ReservationService reservations() {
        return operations.reservations();
    }

    @Override
    public ReorderPoints reorderPoints() {
        return operations.reorderPoints();
    }

    @Override
    public StockReports stockReports() {
        return operations.stockReports();
    }

    @Override
    public UserRepository users() {
        return operations.users();
    }

    @Override
    public RoleRepository roles() {
        return operations.roles();
    }

    @Override
    public AuthService auth() {
        return operations.auth();
    }

    @Override
    public Seeding seeding() {
        return operations.seeding();
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        return operations.inTransaction(work);
    }

    @Override
    public void useTransaction(TransactionalAction action) {
        operations.useTransaction(action);
    }

    @Override
    public <T> T inHostTransaction(Connection connection, TransactionalWork<T> work) {
        return operations.inHostTransaction(connection, Runnable::run, work);
    }

    @Override
    public <T> T inHostTransaction(Connection connection, Consumer<Runnable> afterCommit, TransactionalWork<T> work) {
        return operations.inHostTransaction(connection, afterCommit, work);
    }

    @Override
    public void useHostTransaction(Connection connection, TransactionalAction action) {
        operations.useHostTransaction(connection, action);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownedPool != null) {
            ownedPool.close();
        }
    }
}
