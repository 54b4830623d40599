package io.wms.spring.boot;

import java.time.ZoneId;

import io.wms.core.LogLevel;
import io.wms.core.WmsConfig;
import io.wms.core.auth.PasswordPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code wms.*} properties of the Spring Boot starter. Every one has a default, so an application needs none of
 * them: {@code spring.datasource.*} is enough. Those that stand for a setting of {@link WmsConfig} are named by
 * {@link io.wms.core.WmsSetting#springProperty()}.
 *
 * <p>Not thread-safe while Spring binds it; read only afterwards.
 */
@ConfigurationProperties("wms")
public class WmsProperties {

    /** The database schema of wms's tables and migration history ({@code wms.schema}); default {@code wms}. */
    private String schema = WmsConfig.DEFAULT_SCHEMA;

    /** Whether wms applies its pending migrations when the application starts ({@code wms.auto-migrate}). */
    private boolean autoMigrate = WmsConfig.DEFAULT_AUTO_MIGRATE;

    /** How much of its database work wms logs to {@code io.wms.sql} ({@code wms.log-level}); default {@code warn}. */
    private LogLevel logLevel = WmsConfig.DEFAULT_LOG_LEVEL;

    /** The warehouse's time zone, in which expiry dates end ({@code wms.warehouse-zone}); default the JVM's. */
    private ZoneId warehouseZone;

    /** The password rules ({@code wms.password-policy.cost}, {@code wms.password-policy.minimum-length}). */
    private final Passwords passwordPolicy = new Passwords();

    /**
     * Returns the schema.
     *
     * @return the schema's name; default {@value WmsConfig#DEFAULT_SCHEMA}
     */
    public String getSchema() {
        return schema;
    }

    /**
     * Sets the schema.
     *
     * @param schema a lower-case SQL identifier
     */
    public void setSchema(String schema) {
        this.schema = schema;
    }

    /**
     * Tells whether wms migrates at start.
     *
     * @return {@code true} by default
     */
    public boolean isAutoMigrate() {
        return autoMigrate;
    }

    /**
     * Sets whether wms migrates at start.
     *
     * @param autoMigrate {@code false} when migrations run elsewhere (a deployment step)
     */
    public void setAutoMigrate(boolean autoMigrate) {
        this.autoMigrate = autoMigrate;
    }

    /**
     * Returns how much of its database work wms logs.
     *
     * @return the level; default {@code warn}, failed and slow statements
     */
    public LogLevel getLogLevel() {
        return logLevel;
    }

    /**
     * Sets how much of its database work wms logs.
     *
     * @param logLevel {@code silent}, {@code error}, {@code warn} or {@code info} (every statement, never values)
     */
    public void setLogLevel(LogLevel logLevel) {
        this.logLevel = logLevel;
    }

    /**
     * Returns the warehouse's time zone.
     *
     * @return the zone; {@code null} for the JVM's default
     */
    public ZoneId getWarehouseZone() {
        return warehouseZone;
    }

    /**
     * Sets the warehouse's time zone.
     *
     * @param warehouseZone a zone such as {@code Europe/Berlin}; {@code null} for the JVM's default
     */
    public void setWarehouseZone(ZoneId warehouseZone) {
        this.warehouseZone = warehouseZone;
    }

    /**
     * Returns the password rules.
     *
     * @return the rules; never {@code null}
     */
    public Passwords getPasswordPolicy() {
        return passwordPolicy;
    }

    /** The {@code wms.password-policy.*} properties; defaults of {@link PasswordPolicy#defaults()}. */
    public static class Passwords {

        private int cost = PasswordPolicy.defaults().cost();
        private int minimumLength = PasswordPolicy.defaults().minimumLength();

        /**
         * Returns the bcrypt cost.
         *
         * @return the cost; default 12
         */
        public int getCost() {
            return cost;
        }

        /**
         * Sets the bcrypt cost.
         *
         * @param cost from 10 to 31
         */
        public void setCost(int cost) {
            this.cost = cost;
        }

        /**
         * Returns the shortest password accepted.
         *
         * @return the length in characters; default 8
         */
        public int getMinimumLength() {
            return minimumLength;
        }

        /**
         * Sets the shortest password accepted.
         *
         * @param minimumLength at least 1
         */
        public void setMinimumLength(int minimumLength) {
            this.minimumLength = minimumLength;
        }

        PasswordPolicy toPolicy() {
            return new PasswordPolicy(cost, minimumLength);
        }
    }
}
