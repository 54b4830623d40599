package io.wms.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import io.wms.core.error.ConfigurationException;
import io.wms.migration.WmsMigrations;

/**
 * Holds everything the library needs to reach and use its PostgreSQL database: where it is, how to log in, how
 * large the connection pool is, and whether to migrate the schema at start. Each setting is a row of
 * {@link WmsSetting}, with its environment variable, its Spring Boot property, its default and its rule.
 *
 * <p>Read it from the Go seed's environment variables, with the seed's defaults ({@code WmsConfig.fromEnv()}), or
 * build it in code from the same defaults:
 * <pre>{@code
 * WmsConfig config = WmsConfig.builder().host("db.internal").password(secret)
 *         .sslMode(SslMode.VERIFY_FULL).sslRootCert(Path.of("/etc/wms/root.crt")).build();
 * }</pre>
 *
 * <p>A bad value fails at once, when the configuration is read or built, with a {@link ConfigurationException}
 * whose {@linkplain ConfigurationException#setting() setting} is the environment variable (for example
 * {@code DB_PORT}) or the builder method (for example {@code port}), which is also the accessor's name. The message
 * says what was expected and what was given: {@code DB_PORT: expected a port number from 1 to 65535, got 'abc'}.
 *
 * <p>The password never appears in {@link #toString()}, {@link #jdbcUrl()}, {@link #connectionProperties()} or
 * any exception message. Instances are immutable and thread-safe.
 */
public final class WmsConfig {

    /** The default of {@link #host()}: {@value}. */
    public static final String DEFAULT_HOST = "localhost";
    /** The default of {@link #port()}: {@value}, PostgreSQL's own. */
    public static final int DEFAULT_PORT = 5432;
    /** The default of {@link #username()}: {@value}. */
    public static final String DEFAULT_USERNAME = "postgres";
    /** The default of {@link #password()}: empty, for servers that ask for none. */
    public static final String DEFAULT_PASSWORD = "";
    /** The default of {@link #databaseName()}: {@value}, the Go seed's database. */
    public static final String DEFAULT_DATABASE_NAME = "go_wms";
    /** The default of {@link #sslMode()}: {@link SslMode#PREFER}, as in libpq and pgjdbc (see {@link WmsSetting}). */
    public static final SslMode DEFAULT_SSL_MODE = SslMode.PREFER;
    /** The default of {@link #maxConnections()}: {@value}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 25;
    /** The default of {@link #idleConnections()}: {@value}. */
    public static final int DEFAULT_IDLE_CONNECTIONS = 5;
    /** The default of {@link #connectionMaxLifetime()}: one hour. */
    public static final Duration DEFAULT_CONNECTION_MAX_LIFETIME = Duration.ofHours(1);
    /** The default of {@link #logLevel()}: {@link LogLevel#WARN}, failed and slow statements, for production. */
    public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.WARN;
    /** The default of {@link #schema()}: {@value}. */
    public static final String DEFAULT_SCHEMA = WmsMigrations.DEFAULT_SCHEMA;
    /** The default of {@link #autoMigrate()}: {@value}. */
    public static final boolean DEFAULT_AUTO_MIGRATE = true;
    /** The default of {@link #connectTimeout()}: ten seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default of {@link #socketTimeout()}: one minute (see {@link WmsSetting#SOCKET_TIMEOUT} for why). */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofMinutes(1);
    /** The default of {@link #tcpKeepAlive()}: {@value}. */
    public static final boolean DEFAULT_TCP_KEEP_ALIVE = true;
    /** The default of {@link #poolTimeout()}: thirty seconds, HikariCP's own. */
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(30);
    /** The default of {@link #idleTimeout()}: ten minutes, HikariCP's own. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** The default of {@link #leakDetection()}: zero, off, as in HikariCP. */
    public static final Duration DEFAULT_LEAK_DETECTION = Duration.ZERO;

    /** The shortest {@link #poolTimeout()} HikariCP accepts. */
    public static final Duration MIN_POOL_TIMEOUT = Duration.ofMillis(250);
    /** The shortest {@link #idleTimeout()} other than zero that HikariCP accepts. */
    public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** The shortest {@link #leakDetection()} other than zero that HikariCP accepts. */
    public static final Duration MIN_LEAK_DETECTION = Duration.ofSeconds(2);
    /** The shortest {@link #connectionMaxLifetime()} other than zero: HikariCP ignores shorter ones. */
    public static final Duration MIN_CONNECTION_MAX_LIFETIME = Duration.ofSeconds(30);
    /** The name the library's connections show in {@code pg_stat_activity.application_name}: {@value}. */
    public static final String APPLICATION_NAME = "wms";

    /** Every setting's value, checked; never changed after construction. */
    private final Map<WmsSetting, Object> values;

    private WmsConfig(Map<WmsSetting, Object> values) {
        this.values = values;
    }

    /**
     * Reads the configuration from this process's environment variables, as {@link #fromEnv(Map)} does.
     *
     * @return the configuration; never {@code null}
     * @throws ConfigurationException if a variable holds a bad value; its setting is the variable's name
     */
    public static WmsConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the configuration from the given environment variables ({@link WmsSetting#environmentVariable()}), for
     * example a fake environment in a test. A variable that is missing or empty takes its default, as in the Go
     * seed. Surrounding whitespace is ignored, except in {@code DB_PASSWORD}, which is taken exactly as given.
     *
     * @param environment variable names to values; never {@code null}
     * @return the configuration; never {@code null}
     * @throws ConfigurationException if a variable holds a bad value; its setting is the variable's name
     */
    public static WmsConfig fromEnv(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return new WmsConfig(WmsSetting.fromEnvironment(environment));
    }

    /** {@return a new builder with every setting at its default} */
    public static Builder builder() {
        return new Builder(WmsSetting.defaults());
    }

    /** {@return a new builder with every setting as in this configuration, to make a changed copy} */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /** {@return the host name or IP address of the PostgreSQL server} */
    public String host() {
        return value(WmsSetting.HOST);
    }

    /** {@return the TCP port of the PostgreSQL server, from 1 to 65535} */
    public int port() {
        return value(WmsSetting.PORT);
    }

    /** {@return the user the library logs in as; never blank} */
    public String username() {
        return value(WmsSetting.USERNAME);
    }

    /** {@return the password of {@link #username()}, empty for none; keep it out of logs and messages} */
    public String password() {
        return value(WmsSetting.PASSWORD);
    }

    /** {@return the name of the database on the server; never blank} */
    public String databaseName() {
        return value(WmsSetting.DATABASE_NAME);
    }

    /** {@return whether and how the connection is encrypted and the server checked} */
    public SslMode sslMode() {
        return value(WmsSetting.SSL_MODE);
    }

    /** {@return the file of the certificate authorities trusted to sign the server's certificate, or empty} */
    public Optional<Path> sslRootCert() {
        return Optional.ofNullable(value(WmsSetting.SSL_ROOT_CERT));
    }

    /** {@return the file of the client certificate, or empty} */
    public Optional<Path> sslCert() {
        return Optional.ofNullable(value(WmsSetting.SSL_CERT));
    }

    /** {@return the file of the private key of {@link #sslCert()}, or empty} */
    public Optional<Path> sslKey() {
        return Optional.ofNullable(value(WmsSetting.SSL_KEY));
    }

    /** {@return the most connections the pool opens at once, at least 1} */
    public int maxConnections() {
        return value(WmsSetting.MAX_CONNECTIONS);
    }

    /** {@return how many idle connections the pool keeps ready (a floor), from 0 to {@link #maxConnections()}} */
    public int idleConnections() {
        return value(WmsSetting.IDLE_CONNECTIONS);
    }

    /** {@return how long a connection may live before the pool replaces it, or zero for ever} */
    public Duration connectionMaxLifetime() {
        return value(WmsSetting.CONNECTION_MAX_LIFETIME);
    }

    /** {@return how much the library logs about its database work} */
    public LogLevel logLevel() {
        return value(WmsSetting.LOG_LEVEL);
    }

    /** {@return the database schema of wms's tables, functions and migration history} */
    public String schema() {
        return value(WmsSetting.SCHEMA);
    }

    /** {@return whether the library brings the database schema up to date when it starts} */
    public boolean autoMigrate() {
        return value(WmsSetting.AUTO_MIGRATE);
    }

    /** {@return how long opening a connection may take, in whole seconds, or zero for no limit} */
    public Duration connectTimeout() {
        return value(WmsSetting.CONNECT_TIMEOUT);
    }

    /** {@return how long a read from the server may block, in whole seconds, or zero for no limit} */
    public Duration socketTimeout() {
        return value(WmsSetting.SOCKET_TIMEOUT);
    }

    /** {@return whether connections use TCP keepalive, so that a silently dropped connection is noticed} */
    public boolean tcpKeepAlive() {
        return value(WmsSetting.TCP_KEEP_ALIVE);
    }

    /** {@return how long an operation waits for a free connection of a full pool} */
    public Duration poolTimeout() {
        return value(WmsSetting.POOL_TIMEOUT);
    }

    /** {@return how long a connection above {@link #idleConnections()} may sit idle, or zero for ever} */
    public Duration idleTimeout() {
        return value(WmsSetting.IDLE_TIMEOUT);
    }

    /** {@return how long a connection may be out of the pool before a possible leak is logged, or zero for off} */
    public Duration leakDetection() {
        return value(WmsSetting.LEAK_DETECTION);
    }

    /**
     * {@return the pgjdbc URL of the database, {@code jdbc:postgresql://host:port/databaseName}} The database name
     * is URL-encoded and an IPv6 address put in brackets. The URL holds neither the user nor the password nor any
     * other property: pass {@link #connectionProperties()} alongside it.
     */
    public String jdbcUrl() {
        return ConnectionSettings.jdbcUrl(this);
    }

    /**
     * {@return the pgjdbc connection properties to pass with {@link #jdbcUrl()}, unmodifiable, in a stable order}
     * They are {@code sslmode}, {@code sslrootcert}, {@code sslcert} and {@code sslkey} (when set),
     * {@code connectTimeout}, {@code socketTimeout}, {@code tcpKeepAlive}, {@code ApplicationName}, and
     * {@code logServerErrorDetail=false}, which keeps the server's DETAIL text (row values such as a password hash)
     * out of exception messages and logs. Neither the user nor the password is among them: they are safe to log.
     */
    public Map<String, String> connectionProperties() {
        return ConnectionSettings.connectionProperties(this);
    }

    /**
     * Tells whether another object is a configuration with the same settings, password included.
     *
     * @param other the object to compare with; may be {@code null}
     * @return {@code true} if every setting is equal
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof WmsConfig that && values.equals(that.values);
    }

    /** {@return a hash code consistent with {@link #equals(Object)}} */
    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** {@return every setting by name, for logs, with the password masked as {@code ****}} */
    @Override
    public String toString() {
        StringJoiner settings = new StringJoiner(", ", "WmsConfig[", "]");
        values.forEach((setting, value) -> settings.add(setting.method() + "=" + setting.describe(value)));
        return settings.toString();
    }

    @SuppressWarnings("unchecked")
    private <T> T value(WmsSetting setting) {
        return (T) values.get(setting);
    }

    /**
     * Collects settings for a {@link WmsConfig}, starting from the defaults. Setters only record their value;
     * {@link #build()} checks them all and reports a bad one with a {@link ConfigurationException} whose setting is
     * the setter's name, for example {@code maxConnections}. Not thread-safe; the configurations it builds are.
     */
    public static final class Builder {

        private final Map<WmsSetting, Object> values;

        private Builder(Map<WmsSetting, Object> values) {
            this.values = new EnumMap<>(values);
        }

        /**
         * Sets the host name or IP address of the server; default {@value WmsConfig#DEFAULT_HOST}.
         * @param host a host name, an IPv4 address or an IPv6 address without brackets
         * @return this builder
         */
        public Builder host(String host) {
            return set(WmsSetting.HOST, host);
        }

        /**
         * Sets the TCP port of the server; default {@value WmsConfig#DEFAULT_PORT}.
         * @param port from 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            return set(WmsSetting.PORT, port);
        }

        /**
         * Sets the user to log in as; default {@value WmsConfig#DEFAULT_USERNAME}.
         * @param username not blank
         * @return this builder
         */
        public Builder username(String username) {
            return set(WmsSetting.USERNAME, username);
        }

        /**
         * Sets the password of the user; default empty (none).
         * @param password the password, empty for none; not {@code null}
         * @return this builder
         */
        public Builder password(String password) {
            return set(WmsSetting.PASSWORD, password);
        }

        /**
         * Sets the name of the database on the server; default {@value WmsConfig#DEFAULT_DATABASE_NAME}.
         * @param databaseName not blank
         * @return this builder
         */
        public Builder databaseName(String databaseName) {
            return set(WmsSetting.DATABASE_NAME, databaseName);
        }

        /**
         * Sets whether and how the connection is encrypted and the server checked; default {@link SslMode#PREFER}.
         * @param sslMode not {@code null}
         * @return this builder
         */
        public Builder sslMode(SslMode sslMode) {
            return set(WmsSetting.SSL_MODE, sslMode);
        }

        /**
         * Sets the file of the authorities trusted to sign the server's certificate; default none (pgjdbc's place).
         * @param sslRootCert the file; {@code null} for none
         * @return this builder
         */
        public Builder sslRootCert(Path sslRootCert) {
            return set(WmsSetting.SSL_ROOT_CERT, sslRootCert);
        }

        /**
         * Sets the file with the client certificate; default none.
         * @param sslCert the file; {@code null} for none
         * @return this builder
         */
        public Builder sslCert(Path sslCert) {
            return set(WmsSetting.SSL_CERT, sslCert);
        }

        /**
         * Sets the file of the client certificate's key, in a form pgjdbc reads; default none.
         * @param sslKey the file; {@code null} for none
         * @return this builder
         */
        public Builder sslKey(Path sslKey) {
            return set(WmsSetting.SSL_KEY, sslKey);
        }

        /**
         * Sets the most connections the pool opens at once; default {@value WmsConfig#DEFAULT_MAX_CONNECTIONS}.
         * @param maxConnections at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            return set(WmsSetting.MAX_CONNECTIONS, maxConnections);
        }

        /**
         * Sets the idle connections the pool keeps ready, a floor; default {@value WmsConfig#DEFAULT_IDLE_CONNECTIONS}.
         * @param idleConnections from 0 to the maximum number of connections
         * @return this builder
         */
        public Builder idleConnections(int idleConnections) {
            return set(WmsSetting.IDLE_CONNECTIONS, idleConnections);
        }

        /**
         * Sets how long a connection may live before the pool replaces it; default one hour.
         * @param connectionMaxLifetime at least {@link WmsConfig#MIN_CONNECTION_MAX_LIFETIME}, or zero for no limit
         * @return this builder
         */
        public Builder connectionMaxLifetime(Duration connectionMaxLifetime) {
            return set(WmsSetting.CONNECTION_MAX_LIFETIME, connectionMaxLifetime);
        }

        /**
         * Sets how much the library logs about its database work; default {@link LogLevel#WARN}.
         * @param logLevel not {@code null}
         * @return this builder
         */
        public Builder logLevel(LogLevel logLevel) {
            return set(WmsSetting.LOG_LEVEL, logLevel);
        }

        /**
         * Sets the schema of wms's tables and migration history; default {@value WmsConfig#DEFAULT_SCHEMA}.
         * @param schema a lower-case SQL identifier: letters, digits and underscores, at most 63, not starting with
         *               a digit or {@code pg_}
         * @return this builder
         */
        public Builder schema(String schema) {
            return set(WmsSetting.SCHEMA, schema);
        }

        /**
         * Sets whether wms migrates the schema when it starts; default {@value WmsConfig#DEFAULT_AUTO_MIGRATE}.
         * @param autoMigrate {@code true} to migrate at start
         * @return this builder
         */
        public Builder autoMigrate(boolean autoMigrate) {
            return set(WmsSetting.AUTO_MIGRATE, autoMigrate);
        }

        /**
         * Sets how long opening a connection may take; default ten seconds.
         * @param connectTimeout whole seconds, because pgjdbc counts in seconds; zero for no limit
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            return set(WmsSetting.CONNECT_TIMEOUT, connectTimeout);
        }

        /**
         * Sets how long a read from the server may wait, which must exceed the longest query; default one minute.
         * @param socketTimeout whole seconds, because pgjdbc counts in seconds; zero for no limit
         * @return this builder
         */
        public Builder socketTimeout(Duration socketTimeout) {
            return set(WmsSetting.SOCKET_TIMEOUT, socketTimeout);
        }

        /**
         * Sets whether connections use TCP keepalive; default {@value WmsConfig#DEFAULT_TCP_KEEP_ALIVE}.
         * @param tcpKeepAlive {@code true} to use keepalive
         * @return this builder
         */
        public Builder tcpKeepAlive(boolean tcpKeepAlive) {
            return set(WmsSetting.TCP_KEEP_ALIVE, tcpKeepAlive);
        }

        /**
         * Sets how long an operation waits for a free connection of a full pool; default thirty seconds.
         * @param poolTimeout at least {@link WmsConfig#MIN_POOL_TIMEOUT}
         * @return this builder
         */
        public Builder poolTimeout(Duration poolTimeout) {
            return set(WmsSetting.POOL_TIMEOUT, poolTimeout);
        }

        /**
         * Sets how long a connection above the idle floor may sit idle; default ten minutes.
         * @param idleTimeout at least {@link WmsConfig#MIN_IDLE_TIMEOUT}, or zero to never close idle connections
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            return set(WmsSetting.IDLE_TIMEOUT, idleTimeout);
        }

        /**
         * Sets how long a connection may be out of the pool before a possible leak is logged; default zero (off).
         * @param leakDetection at least {@link WmsConfig#MIN_LEAK_DETECTION} and below a non-zero lifetime, or zero
         * @return this builder
         */
        public Builder leakDetection(Duration leakDetection) {
            return set(WmsSetting.LEAK_DETECTION, leakDetection);
        }

        /**
         * Checks every setting and builds the configuration.
         *
         * @return the configuration; never {@code null}
         * @throws ConfigurationException if a setting is bad; its setting is the setter's name
         */
        public WmsConfig build() {
            return new WmsConfig(WmsSetting.fromCode(values));
        }

        Builder set(WmsSetting setting, Object value) {
            values.put(setting, value);
            return this;
        }
    }
}
