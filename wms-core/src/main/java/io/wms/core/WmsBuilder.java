package io.wms.core;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

import io.wms.core.auth.LoginThrottle;
import io.wms.core.auth.PasswordPolicy;
import io.wms.core.error.ConfigurationException;
import io.wms.core.internal.WmsSettings;

/**
 * Builds a {@link Wms} with every setting it takes. Obtain one from {@link Wms#builder()}.
 *
 * <p>Exactly one of {@link #config(WmsConfig)} and {@link #dataSource(DataSource)} must be given. The settings of
 * {@link WmsConfig} that also matter with a host's data source ({@link #schema}, {@link #autoMigrate},
 * {@link #logLevel}) override the configuration's; with a host's data source the others keep their defaults and
 * wms does not migrate unless asked. A builder is not thread-safe; the instance it builds is.
 */
public final class WmsBuilder {

    /** The warehouse's time zone unless set: the JVM's default zone. */
    public static final ZoneId DEFAULT_WAREHOUSE_ZONE = ZoneId.systemDefault();

    private WmsConfig config;
    private DataSource dataSource;
    private DataSource migrationDataSource;
    /** The settings of {@link WmsConfig} set here, which win over the configuration's. */
    private final Map<WmsSetting, Object> overrides = new EnumMap<>(WmsSetting.class);
    private Clock clock = Clock.systemUTC();
    private ZoneId warehouseZone = DEFAULT_WAREHOUSE_ZONE;
    private PasswordPolicy passwordPolicy = PasswordPolicy.defaults();
    private LoginThrottle loginThrottle = LoginThrottle.defaults();
    private OperationListener operationListener;
    private HostTransactions hostTransactions = HostTransactions.NONE;

    WmsBuilder() {
    }

    /**
     * Connects through a pool built from this configuration, which the instance owns and closes.
     *
     * @param config the configuration; never {@code null}
     * @return this builder
     */
    public WmsBuilder config(WmsConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /**
     * Connects through the host's data source, which the host keeps owning.
     *
     * @param dataSource the data source; never {@code null}
     * @return this builder
     */
    public WmsBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /**
     * Runs migrations through a separate data source, for example as the schema owner while the application runs as
     * a role without DDL rights. Default: the main data source.
     *
     * @param migrationDataSource the data source for migrations; never {@code null}
     * @return this builder
     */
    public WmsBuilder migrationDataSource(DataSource migrationDataSource) {
        this.migrationDataSource = Objects.requireNonNull(migrationDataSource, "migrationDataSource");
        return this;
    }

    /**
     * Names the database schema that holds wms's tables and migration history ({@link WmsSetting#SCHEMA}). Default:
     * the configuration's {@link WmsConfig#schema()}, or {@value WmsConfig#DEFAULT_SCHEMA} with a host's data
     * source.
     *
     * @param schema a lower-case SQL identifier, as {@link WmsConfig.Builder#schema} takes; never {@code null}
     * @return this builder
     * @throws ConfigurationException (setting {@code schema}) if the name is not such an identifier
     */
    public WmsBuilder schema(String schema) {
        overrides.put(WmsSetting.SCHEMA, WmsSetting.SCHEMA.checkedAlone(schema));
        return this;
    }

    /**
     * Applies pending migrations when the instance is built ({@link WmsSetting#AUTO_MIGRATE}). Default: the
     * configuration's {@link WmsConfig#autoMigrate()}, or {@code false} with a host's data source.
     *
     * @param autoMigrate whether to migrate at start
     * @return this builder
     */
    public WmsBuilder autoMigrate(boolean autoMigrate) {
        overrides.put(WmsSetting.AUTO_MIGRATE, autoMigrate);
        return this;
    }

    /**
     * Sets the clock that tells the time for expiry decisions and sweeps, so tests can control it. Default: the
     * system clock in UTC.
     *
     * @param clock the clock; never {@code null}
     * @return this builder
     */
    public WmsBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sets the warehouse's time zone, in which a batch's expiry date ends. Default:
     * {@link #DEFAULT_WAREHOUSE_ZONE}, the JVM's default zone.
     *
     * @param warehouseZone the zone; never {@code null}
     * @return this builder
     */
    public WmsBuilder warehouseZone(ZoneId warehouseZone) {
        this.warehouseZone = Objects.requireNonNull(warehouseZone, "warehouseZone");
        return this;
    }

    /**
     * Sets how passwords are checked and hashed: the bcrypt cost and the shortest password. Default:
     * {@link PasswordPolicy#defaults()}.
     *
     * @param passwordPolicy the policy; never {@code null}
     * @return this builder
     */
    public WmsBuilder passwordPolicy(PasswordPolicy passwordPolicy) {
        this.passwordPolicy = Objects.requireNonNull(passwordPolicy, "passwordPolicy");
        return this;
    }

    /**
     * Sets how failed logins are slowed down: per e-mail and per source, locks that grow with each failure. Default:
     * {@link LoginThrottle#defaults()}, on; {@link LoginThrottle#off()} for a host that throttles logins itself.
     *
     * @param loginThrottle the policy; never {@code null}
     * @return this builder
     */
    public WmsBuilder loginThrottle(LoginThrottle loginThrottle) {
        this.loginThrottle = Objects.requireNonNull(loginThrottle, "loginThrottle");
        return this;
    }

    /**
     * Sets how much of its database work the library logs, to the slf4j logger {@code io.wms.sql}: failed statements
     * from {@link LogLevel#ERROR}, slow ones (over 200 ms) from {@link LogLevel#WARN}, every statement at
     * {@link LogLevel#INFO}; never bind values ({@link WmsSetting#LOG_LEVEL}). Default: the configuration's
     * {@link WmsConfig#logLevel()}, or {@link WmsConfig#DEFAULT_LOG_LEVEL} with a host's data source.
     *
     * @param logLevel the level; never {@code null}
     * @return this builder
     */
    public WmsBuilder logLevel(LogLevel logLevel) {
        overrides.put(WmsSetting.LOG_LEVEL, Objects.requireNonNull(logLevel, "logLevel"));
        return this;
    }

    /**
     * Tells a listener of every operation the instance runs, for metrics or tracing, for example
     * {@link io.wms.core.metrics.WmsMetrics}. Default: none, and then operations are not wrapped at all.
     *
     * @param operationListener the listener; never {@code null}
     * @return this builder
     */
    public WmsBuilder operationListener(OperationListener operationListener) {
        this.operationListener = Objects.requireNonNull(operationListener, "operationListener");
        return this;
    }

    /**
     * Tells wms of the host's transaction manager, so that inside one of its transactions every operation joins it
     * (under a savepoint) and the listener hears of the work once that transaction commits. Default:
     * {@link HostTransactions#NONE}: outside {@link Wms#inHostTransaction} every operation is a transaction of wms's
     * own, committed by wms even where the data source hands out connections with auto-commit off. The Spring Boot
     * starter sets one for Spring-managed transactions.
     *
     * @param hostTransactions the host's transaction manager; never {@code null}
     * @return this builder
     */
    public WmsBuilder hostTransactions(HostTransactions hostTransactions) {
        this.hostTransactions = Objects.requireNonNull(hostTransactions, "hostTransactions");
        return this;
    }

    /**
     * Builds the instance: opens the pool (when configured), checks the database answers, and migrates if asked.
     *
     * @return the open instance; close it at shutdown
     * @throws ConfigurationException               if neither or both of config and data source were given
     * @throws io.wms.core.error.RetryableException if the database cannot be reached
     * @throws io.wms.core.error.MigrationException  if migrating fails
     */
    public Wms build() {
        if ((config == null) == (dataSource == null)) {
            throw new ConfigurationException("dataSource",
                    "give exactly one of config(WmsConfig) and dataSource(DataSource)");
        }
        WmsConfig.Builder effective = config != null ? config.toBuilder() : WmsConfig.builder().autoMigrate(false);
        overrides.forEach(effective::set);
        WmsConfig used = effective.build();
        WmsSettings settings = new WmsSettings(clock, warehouseZone, passwordPolicy, loginThrottle);
        return config != null
                ? JooqWms.open(used, migrationDataSource, used.schema(), used.autoMigrate(), settings,
                        operationListener, used.logLevel())
                : JooqWms.wrap(dataSource, migrationDataSource, used.schema(), used.autoMigrate(), settings,
                        operationListener, used.logLevel(), hostTransactions);
    }
}
