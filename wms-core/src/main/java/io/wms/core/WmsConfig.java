package io.wms.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.wms.core.error.ConfigurationException;
import io.wms.migration.WmsMigrations;
import org.postgresql.PGProperty;

/**
 * Holds everything the library needs to reach and use its PostgreSQL database: where it is, how to log in, how
 * large the connection pool is, and whether to migrate the schema at start.
 *
 * <p>Read it from the environment the Go seed uses, with the same variables and defaults:
 * <pre>{@code
 * WmsConfig config = WmsConfig.fromEnv();
 * }</pre>
 * or build it in code, starting from the same defaults:
 * <pre>{@code
 * WmsConfig config = WmsConfig.builder()
 *         .host("db.internal")
 *         .password(secret)
 *         .sslMode(SslMode.VERIFY_FULL)
 *         .sslRootCert(Path.of("/etc/wms/root.crt"))
 *         .build();
 * }</pre>
 *
 * <p>A bad value fails at once, when the configuration is read or built, with a {@link ConfigurationException}.
 * Its {@linkplain ConfigurationException#setting() setting} is the environment variable when the value came from
 * the environment (for example {@code DB_PORT}) and the builder method when it came from the {@link Builder} (for
 * example {@code port}); the accessor of this class has the same name as the builder method. The message says what
 * was expected and what was given, for example {@code DB_PORT: expected a port number from 1 to 65535, got 'abc'}.
 *
 * <p>The password never appears in {@link #toString()}, in {@link #jdbcUrl()}, in {@link #connectionProperties()}
 * or in any exception message.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WmsConfig {

    /** The environment variable for {@link #host()}. */
    public static final String ENV_HOST = "DB_HOST";
    /** The environment variable for {@link #port()}. */
    public static final String ENV_PORT = "DB_PORT";
    /** The environment variable for {@link #username()}. */
    public static final String ENV_USERNAME = "DB_USER";
    /** The environment variable for {@link #password()}. */
    public static final String ENV_PASSWORD = "DB_PASSWORD";
    /** The environment variable for {@link #databaseName()}. */
    public static final String ENV_DATABASE_NAME = "DB_NAME";
    /** The environment variable for {@link #sslMode()}. */
    public static final String ENV_SSL_MODE = "DB_SSLMODE";
    /** The environment variable for {@link #sslRootCert()}. */
    public static final String ENV_SSL_ROOT_CERT = "DB_SSLROOTCERT";
    /** The environment variable for {@link #sslCert()}. */
    public static final String ENV_SSL_CERT = "DB_SSLCERT";
    /** The environment variable for {@link #sslKey()}. */
    public static final String ENV_SSL_KEY = "DB_SSLKEY";
    /** The environment variable for {@link #maxConnections()}. */
    public static final String ENV_MAX_CONNECTIONS = "DB_MAX_CONNECTIONS";
    /** The environment variable for {@link #idleConnections()}. */
    public static final String ENV_IDLE_CONNECTIONS = "DB_IDLE_CONNECTIONS";
    /** The environment variable for {@link #connectionMaxLifetime()}. */
    public static final String ENV_CONNECTION_MAX_LIFETIME = "DB_CONN_MAX_LIFETIME";
    /** The environment variable for {@link #logLevel()}. */
    public static final String ENV_LOG_LEVEL = "DB_LOG_LEVEL";
    /** The environment variable for {@link #schema()}. */
    public static final String ENV_SCHEMA = "DB_SCHEMA";
    /** The environment variable for {@link #autoMigrate()}. */
    public static final String ENV_AUTO_MIGRATE = "DB_AUTO_MIGRATE";
    /** The environment variable for {@link #connectTimeout()}. */
    public static final String ENV_CONNECT_TIMEOUT = "DB_CONNECT_TIMEOUT";
    /** The environment variable for {@link #socketTimeout()}. */
    public static final String ENV_SOCKET_TIMEOUT = "DB_SOCKET_TIMEOUT";
    /** The environment variable for {@link #poolTimeout()}. */
    public static final String ENV_POOL_TIMEOUT = "DB_POOL_TIMEOUT";
    /** The environment variable for {@link #idleTimeout()}. */
    public static final String ENV_IDLE_TIMEOUT = "DB_IDLE_TIMEOUT";
    /** The environment variable for {@link #leakDetection()}. */
    public static final String ENV_LEAK_DETECTION = "DB_LEAK_DETECTION";

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
    /**
     * The default of {@link #sslMode()}: {@link SslMode#PREFER}, the default of libpq and of pgjdbc themselves
     * (the Go seed's {@code disable} was weaker than both). It encrypts when the server offers TLS but does not check
     * who the server is; {@link Wms} logs a warning at start when a host other than this machine is reached below
     * {@link SslMode#VERIFY_CA}.
     */
    public static final SslMode DEFAULT_SSL_MODE = SslMode.PREFER;
    /** The default of {@link #maxConnections()}: {@value}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 25;
    /** The default of {@link #idleConnections()}: {@value}. */
    public static final int DEFAULT_IDLE_CONNECTIONS = 5;
    /** The default of {@link #connectionMaxLifetime()}: one hour. */
    public static final Duration DEFAULT_CONNECTION_MAX_LIFETIME = Duration.ofHours(1);
    /**
     * The default of {@link #logLevel()}: {@link LogLevel#WARN}, failed and slow statements only, as the seed itself
     * advises for production; {@link LogLevel#INFO} (every statement) is for development.
     */
    public static final LogLevel DEFAULT_LOG_LEVEL = LogLevel.WARN;
    /**
     * The default of {@link #schema()}: {@value}, the database schema that holds wms's tables and its migration
     * history.
     */
    public static final String DEFAULT_SCHEMA = WmsMigrations.DEFAULT_SCHEMA;
    /** The default of {@link #autoMigrate()}: {@value}. */
    public static final boolean DEFAULT_AUTO_MIGRATE = true;
    /** The default of {@link #connectTimeout()}: ten seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The default of {@link #socketTimeout()}: one minute, far beyond any statement of the library on a healthy server
     * (the whole-warehouse inventory report takes about a second on a million batches), and short enough that a
     * connection whose server vanished without a word frees its thread within a minute instead of hanging until TCP
     * gives up (about 15 minutes on Linux).
     */
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

    /**
     * The shortest {@link #connectionMaxLifetime()} other than zero: HikariCP ignores anything shorter and falls
     * back to its own default.
     */
    public static final Duration MIN_CONNECTION_MAX_LIFETIME = Duration.ofSeconds(30);

    /** The name the library's connections show in {@code pg_stat_activity.application_name}: {@value}. */
    public static final String APPLICATION_NAME = "wms";

    private static final String MASKED_PASSWORD = "****";

    /**
     * A host name or IPv4 address, or an IPv6 address (at least two colons) without brackets; nothing that would
     * change the meaning of the JDBC URL, such as {@code /}, {@code ,} or {@code @}.
     */
    private static final Pattern HOST_PATTERN =
            Pattern.compile("[A-Za-z0-9._-]+|[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String databaseName;
    private final SslMode sslMode;
    private final Path sslRootCert;
    private final Path sslCert;
    private final Path sslKey;
    private final int maxConnections;
    private final int idleConnections;
    private final Duration connectionMaxLifetime;
    private final LogLevel logLevel;
    private final String schema;
    private final boolean autoMigrate;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final boolean tcpKeepAlive;
    private final Duration poolTimeout;
    private final Duration idleTimeout;
    private final Duration leakDetection;
    private final Map<String, String> connectionProperties;

    private WmsConfig(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.username = builder.username;
        this.password = builder.password;
        this.databaseName = builder.databaseName;
        this.sslMode = builder.sslMode;
        this.sslRootCert = builder.sslRootCert;
        this.sslCert = builder.sslCert;
        this.sslKey = builder.sslKey;
        this.maxConnections = builder.maxConnections;
        this.idleConnections = builder.idleConnections;
        this.connectionMaxLifetime = builder.connectionMaxLifetime;
        this.logLevel = builder.logLevel;
        this.schema = builder.schema;
        this.autoMigrate = builder.autoMigrate;
        this.connectTimeout = builder.connectTimeout;
        this.socketTimeout = builder.socketTimeout;
        this.tcpKeepAlive = builder.tcpKeepAlive;
        this.poolTimeout = builder.poolTimeout;
        this.idleTimeout = builder.idleTimeout;
        this.leakDetection = builder.leakDetection;
        this.connectionProperties = buildConnectionProperties();
    }

    /**
     * Reads the configuration from this process's environment variables.
     *
     * @return the configuration; never {@code null}
     * @throws ConfigurationException if a variable holds a bad value; its setting is the variable's name
     * @see #fromEnv(Map)
     */
    public static WmsConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads the configuration from the given environment variables, for example a fake environment in a test.
     *
     * <p>The variables are the {@code ENV_} constants of this class. A variable that is missing or empty takes its
     * default, as in the Go seed. Surrounding whitespace is ignored, except in {@value #ENV_PASSWORD}, which is
     * taken exactly as given.
     *
     * @param environment variable names to values; never {@code null}
     * @return the configuration; never {@code null}
     * @throws ConfigurationException if a variable holds a bad value; its setting is the variable's name
     */
    public static WmsConfig fromEnv(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        EnvironmentReader reader = new EnvironmentReader(environment);
        Builder builder = builder();
        reader.text(Setting.HOST).ifPresent(builder::host);
        reader.integer(Setting.PORT).ifPresent(builder::port);
        reader.text(Setting.USERNAME).ifPresent(builder::username);
        reader.password().ifPresent(builder::password);
        reader.text(Setting.DATABASE_NAME).ifPresent(builder::databaseName);
        reader.sslMode().ifPresent(builder::sslMode);
        reader.path(Setting.SSL_ROOT_CERT).ifPresent(builder::sslRootCert);
        reader.path(Setting.SSL_CERT).ifPresent(builder::sslCert);
        reader.path(Setting.SSL_KEY).ifPresent(builder::sslKey);
        reader.integer(Setting.MAX_CONNECTIONS).ifPresent(builder::maxConnections);
        reader.integer(Setting.IDLE_CONNECTIONS).ifPresent(builder::idleConnections);
        reader.duration(Setting.CONNECTION_MAX_LIFETIME).ifPresent(builder::connectionMaxLifetime);
        reader.logLevel().ifPresent(builder::logLevel);
        reader.text(Setting.SCHEMA).ifPresent(builder::schema);
        reader.bool(Setting.AUTO_MIGRATE).ifPresent(builder::autoMigrate);
        reader.duration(Setting.CONNECT_TIMEOUT).ifPresent(builder::connectTimeout);
        reader.duration(Setting.SOCKET_TIMEOUT).ifPresent(builder::socketTimeout);
        reader.duration(Setting.POOL_TIMEOUT).ifPresent(builder::poolTimeout);
        reader.duration(Setting.IDLE_TIMEOUT).ifPresent(builder::idleTimeout);
        reader.duration(Setting.LEAK_DETECTION).ifPresent(builder::leakDetection);
        return builder.build(reader);
    }

    /**
     * Starts a builder with every setting at its default.
     *
     * @return a new builder; never {@code null}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder with every setting as in this configuration, to make a changed copy.
     *
     * @return a new builder; never {@code null}
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the host name or IP address of the PostgreSQL server.
     *
     * @return for example {@code "localhost"}; never {@code null}
     */
    public String host() {
        return host;
    }

    /**
     * Returns the TCP port of the PostgreSQL server.
     *
     * @return a port from 1 to 65535
     */
    public int port() {
        return port;
    }

    /**
     * Returns the user the library logs in as.
     *
     * @return the user name; never {@code null} or blank
     */
    public String username() {
        return username;
    }

    /**
     * Returns the password of {@link #username()}; keep it out of logs and messages.
     *
     * @return the password; empty for none, never {@code null}
     */
    public String password() {
        return password;
    }

    /**
     * Returns the name of the database on the server.
     *
     * @return for example {@code "go_wms"}; never {@code null} or blank
     */
    public String databaseName() {
        return databaseName;
    }

    /**
     * Returns whether and how the connection is encrypted and the server checked.
     *
     * @return the mode; never {@code null}
     */
    public SslMode sslMode() {
        return sslMode;
    }

    /**
     * Returns the file with the certificate authorities that may have signed the server's certificate.
     *
     * @return the path; empty when not set, in which case pgjdbc looks in its default place
     */
    public Optional<Path> sslRootCert() {
        return Optional.ofNullable(sslRootCert);
    }

    /**
     * Returns the file with the client certificate, for servers that authenticate clients by certificate.
     *
     * @return the path; empty when not set
     */
    public Optional<Path> sslCert() {
        return Optional.ofNullable(sslCert);
    }

    /**
     * Returns the file with the private key of {@link #sslCert()}.
     *
     * @return the path; empty when not set
     */
    public Optional<Path> sslKey() {
        return Optional.ofNullable(sslKey);
    }

    /**
     * Returns the most connections the pool opens at once.
     *
     * @return at least 1
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * Returns how many idle connections the pool keeps open, ready for use: HikariCP's {@code minimumIdle}, a floor.
     * The Go seed's {@code DB_IDLE_CONNECTIONS} set Go's {@code SetMaxIdleConns}, a ceiling on idle connections;
     * HikariCP has no such ceiling, and closes idle connections above this floor after {@link #idleTimeout()}.
     *
     * @return from 0 to {@link #maxConnections()}
     */
    public int idleConnections() {
        return idleConnections;
    }

    /**
     * Returns how long a connection may live before the pool replaces it.
     *
     * @return at least {@link #MIN_CONNECTION_MAX_LIFETIME}, or zero for no limit
     */
    public Duration connectionMaxLifetime() {
        return connectionMaxLifetime;
    }

    /**
     * Returns how much the library logs about its database work.
     *
     * @return the level; never {@code null}
     */
    public LogLevel logLevel() {
        return logLevel;
    }

    /**
     * Returns the database schema that holds wms's tables, functions and migration history; wms creates it when it
     * migrates and names it in every statement. The pool wms opens sets each connection's {@code search_path} to this
     * schema alone, so that no function or operator another role planted in a schema such as {@code public} is
     * called instead of pg_catalog's.
     *
     * @return the schema's name, by default {@value #DEFAULT_SCHEMA}; never {@code null}
     */
    public String schema() {
        return schema;
    }

    /**
     * Tells whether the library brings the database schema up to date when it starts.
     *
     * @return {@code true} to migrate at start
     */
    public boolean autoMigrate() {
        return autoMigrate;
    }

    /**
     * Returns how long opening a connection may take before it fails.
     *
     * @return whole seconds, or zero for no limit
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns how long a read from the server may wait before the connection is given up.
     *
     * @return whole seconds, or zero for no limit
     */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /**
     * Tells whether connections use TCP keepalive, so that a silently dropped connection is noticed.
     *
     * @return {@code true} to use keepalive
     */
    public boolean tcpKeepAlive() {
        return tcpKeepAlive;
    }

    /**
     * Returns how long an operation waits for a free connection of the pool, when all are in use, before it fails
     * with a {@link io.wms.core.error.RetryableException}: HikariCP's {@code connectionTimeout}. Not to be confused
     * with {@link #connectTimeout()}, the time the driver may take to open a new connection.
     *
     * @return at least {@link #MIN_POOL_TIMEOUT}
     */
    public Duration poolTimeout() {
        return poolTimeout;
    }

    /**
     * Returns how long a connection above {@link #idleConnections()} may sit idle before the pool closes it:
     * HikariCP's {@code idleTimeout}.
     *
     * @return at least {@link #MIN_IDLE_TIMEOUT}, or zero to never close idle connections
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * Returns how long a connection may be out of the pool before HikariCP logs a possible leak, with the stack
     * trace of the code that took it: HikariCP's {@code leakDetectionThreshold}. Only a warning; the connection is not
     * taken back.
     *
     * @return at least {@link #MIN_LEAK_DETECTION} and below {@link #connectionMaxLifetime()}, or zero for off
     */
    public Duration leakDetection() {
        return leakDetection;
    }

    /**
     * Returns the pgjdbc URL of the database: {@code jdbc:postgresql://host:port/databaseName}.
     *
     * <p>The database name is URL-encoded and an IPv6 address is put in brackets. The URL holds neither the user
     * nor the password nor any other property: pass {@link #connectionProperties()} alongside it.
     *
     * @return the URL; never {@code null}
     */
    public String jdbcUrl() {
        String hostInUrl = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostInUrl + ":" + port + "/"
                + URLEncoder.encode(databaseName, StandardCharsets.UTF_8);
    }

    /**
     * Returns the pgjdbc connection properties to pass with {@link #jdbcUrl()}: {@code sslmode}, {@code
     * sslrootcert}, {@code sslcert} and {@code sslkey} (when set), {@code connectTimeout}, {@code socketTimeout},
     * {@code tcpKeepAlive}, {@code ApplicationName}, and {@code logServerErrorDetail=false}, which keeps the
     * server's DETAIL text (row values such as a password hash) out of exception messages and logs.
     *
     * <p>The user and the password are not among them, so that the properties are safe to log; give them to the
     * driver or the pool separately.
     *
     * @return property names to values, in a stable order; unmodifiable, never {@code null}
     */
    public Map<String, String> connectionProperties() {
        return connectionProperties;
    }

    private Map<String, String> buildConnectionProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PGProperty.SSL_MODE.getName(), sslMode.wireValue());
        if (sslRootCert != null) {
            properties.put(PGProperty.SSL_ROOT_CERT.getName(), sslRootCert.toString());
        }
        if (sslCert != null) {
            properties.put(PGProperty.SSL_CERT.getName(), sslCert.toString());
        }
        if (sslKey != null) {
            properties.put(PGProperty.SSL_KEY.getName(), sslKey.toString());
        }
        properties.put(PGProperty.CONNECT_TIMEOUT.getName(), Long.toString(connectTimeout.toSeconds()));
        properties.put(PGProperty.SOCKET_TIMEOUT.getName(), Long.toString(socketTimeout.toSeconds()));
        properties.put(PGProperty.TCP_KEEP_ALIVE.getName(), Boolean.toString(tcpKeepAlive));
        properties.put(PGProperty.APPLICATION_NAME.getName(), APPLICATION_NAME);
        // The server's DETAIL text ("Failing row contains (...)") carries row values, a user's password hash among
        // them; the typed errors are built from the error's structured fields and do not need it.
        properties.put(PGProperty.LOG_SERVER_ERROR_DETAIL.getName(), Boolean.FALSE.toString());
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Tells whether another object is a configuration with the same settings, password included.
     *
     * @param other the object to compare with; may be {@code null}
     * @return {@code true} if every setting is equal
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof WmsConfig that)) {
            return false;
        }
        return port == that.port
                && maxConnections == that.maxConnections
                && idleConnections == that.idleConnections
                && autoMigrate == that.autoMigrate
                && tcpKeepAlive == that.tcpKeepAlive
                && host.equals(that.host)
                && username.equals(that.username)
                && password.equals(that.password)
                && databaseName.equals(that.databaseName)
                && schema.equals(that.schema)
                && sslMode == that.sslMode
                && Objects.equals(sslRootCert, that.sslRootCert)
                && Objects.equals(sslCert, that.sslCert)
                && Objects.equals(sslKey, that.sslKey)
                && connectionMaxLifetime.equals(that.connectionMaxLifetime)
                && logLevel == that.logLevel
                && connectTimeout.equals(that.connectTimeout)
                && socketTimeout.equals(that.socketTimeout)
                && poolTimeout.equals(that.poolTimeout)
                && idleTimeout.equals(that.idleTimeout)
                && leakDetection.equals(that.leakDetection);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, password, databaseName, sslMode, sslRootCert, sslCert, sslKey,
                maxConnections, idleConnections, connectionMaxLifetime, logLevel, schema, autoMigrate, connectTimeout,
                socketTimeout, tcpKeepAlive, poolTimeout, idleTimeout, leakDetection);
    }

    /**
     * Describes the configuration for logs, with the password masked as {@code ****}.
     *
     * @return every setting by name; never contains the password
     */
    @Override
    public String toString() {
        return "WmsConfig[host=" + host
                + ", port=" + port
                + ", username=" + username
                + ", password=" + MASKED_PASSWORD
                + ", databaseName=" + databaseName
                + ", sslMode=" + sslMode
                + ", sslRootCert=" + orNone(sslRootCert)
                + ", sslCert=" + orNone(sslCert)
                + ", sslKey=" + orNone(sslKey)
                + ", maxConnections=" + maxConnections
                + ", idleConnections=" + idleConnections
                + ", connectionMaxLifetime=" + connectionMaxLifetime
                + ", logLevel=" + logLevel
                + ", schema=" + schema
                + ", autoMigrate=" + autoMigrate
                + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout
                + ", tcpKeepAlive=" + tcpKeepAlive
                + ", poolTimeout=" + poolTimeout
                + ", idleTimeout=" + idleTimeout
                + ", leakDetection=" + leakDetection
                + "]";
    }

    private static String orNone(Path path) {
        return path == null ? "none" : path.toString();
    }

    /**
     * Collects settings for a {@link WmsConfig}, starting from the defaults; {@link #build()} checks them all.
     *
     * <p>Setters only record their value: a bad one is reported by {@link #build()} with a
     * {@link ConfigurationException} whose setting is the setter's name, for example {@code maxConnections}.
     *
     * <p>A builder is not thread-safe; the configurations it builds are.
     */
    public static final class Builder {

        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String username = DEFAULT_USERNAME;
        private String password = DEFAULT_PASSWORD;
        private String databaseName = DEFAULT_DATABASE_NAME;
        private SslMode sslMode = DEFAULT_SSL_MODE;
        private Path sslRootCert;
        private Path sslCert;
        private Path sslKey;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private int idleConnections = DEFAULT_IDLE_CONNECTIONS;
        private Duration connectionMaxLifetime = DEFAULT_CONNECTION_MAX_LIFETIME;
        private LogLevel logLevel = DEFAULT_LOG_LEVEL;
        private String schema = DEFAULT_SCHEMA;
        private boolean autoMigrate = DEFAULT_AUTO_MIGRATE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration socketTimeout = DEFAULT_SOCKET_TIMEOUT;
        private boolean tcpKeepAlive = DEFAULT_TCP_KEEP_ALIVE;
        private Duration poolTimeout = DEFAULT_POOL_TIMEOUT;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private Duration leakDetection = DEFAULT_LEAK_DETECTION;

        private Builder() {
        }

        private Builder(WmsConfig config) {
            host = config.host;
            port = config.port;
            username = config.username;
            password = config.password;
            databaseName = config.databaseName;
            sslMode = config.sslMode;
            sslRootCert = config.sslRootCert;
            sslCert = config.sslCert;
            sslKey = config.sslKey;
            maxConnections = config.maxConnections;
            idleConnections = config.idleConnections;
            connectionMaxLifetime = config.connectionMaxLifetime;
            logLevel = config.logLevel;
            schema = config.schema;
            autoMigrate = config.autoMigrate;
            connectTimeout = config.connectTimeout;
            socketTimeout = config.socketTimeout;
            tcpKeepAlive = config.tcpKeepAlive;
            poolTimeout = config.poolTimeout;
            idleTimeout = config.idleTimeout;
            leakDetection = config.leakDetection;
        }

        /**
         * Sets the host name or IP address of the PostgreSQL server; default {@value WmsConfig#DEFAULT_HOST},
         * environment variable {@value WmsConfig#ENV_HOST}.
         *
         * @param host a host name, an IPv4 address or an IPv6 address without brackets
         * @return this builder
         */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /**
         * Sets the TCP port of the PostgreSQL server; default {@value WmsConfig#DEFAULT_PORT}, environment variable
         * {@value WmsConfig#ENV_PORT}.
         *
         * @param port from 1 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Sets the user to log in as; default {@value WmsConfig#DEFAULT_USERNAME}, environment variable
         * {@value WmsConfig#ENV_USERNAME}.
         *
         * @param username not blank
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the password of the user; default empty (none), environment variable
         * {@value WmsConfig#ENV_PASSWORD}.
         *
         * @param password the password, empty for none; not {@code null}
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Sets the name of the database on the server; default {@value WmsConfig#DEFAULT_DATABASE_NAME},
         * environment variable {@value WmsConfig#ENV_DATABASE_NAME}.
         *
         * @param databaseName not blank
         * @return this builder
         */
        public Builder databaseName(String databaseName) {
            this.databaseName = databaseName;
            return this;
        }

        /**
         * Sets whether and how the connection is encrypted and the server checked; default
         * {@link SslMode#PREFER}, environment variable {@value WmsConfig#ENV_SSL_MODE}.
         *
         * @param sslMode not {@code null}
         * @return this builder
         */
        public Builder sslMode(SslMode sslMode) {
            this.sslMode = sslMode;
            return this;
        }

        /**
         * Sets the file with the certificate authorities trusted to sign the server's certificate; default none
         * (pgjdbc then looks in its default place), environment variable {@value WmsConfig#ENV_SSL_ROOT_CERT}.
         *
         * @param sslRootCert the file; {@code null} for none
         * @return this builder
         */
        public Builder sslRootCert(Path sslRootCert) {
            this.sslRootCert = sslRootCert;
            return this;
        }

        /**
         * Sets the file with the client certificate; default none, environment variable
         * {@value WmsConfig#ENV_SSL_CERT}.
         *
         * @param sslCert the file; {@code null} for none
         * @return this builder
         */
        public Builder sslCert(Path sslCert) {
            this.sslCert = sslCert;
            return this;
        }

        /**
         * Sets the file with the client certificate's private key, in a form pgjdbc reads (see its {@code sslkey}
         * property); default none, environment variable {@value WmsConfig#ENV_SSL_KEY}.
         *
         * @param sslKey the file; {@code null} for none
         * @return this builder
         */
        public Builder sslKey(Path sslKey) {
            this.sslKey = sslKey;
            return this;
        }

        /**
         * Sets the most connections the pool opens at once; default {@value WmsConfig#DEFAULT_MAX_CONNECTIONS},
         * environment variable {@value WmsConfig#ENV_MAX_CONNECTIONS}.
         *
         * @param maxConnections at least 1
         * @return this builder
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * Sets how many idle connections the pool keeps open, a floor (HikariCP's {@code minimumIdle}, not Go's
         * maximum idle; see {@link WmsConfig#idleConnections()}); default {@value WmsConfig#DEFAULT_IDLE_CONNECTIONS},
         * environment variable {@value WmsConfig#ENV_IDLE_CONNECTIONS}.
         *
         * @param idleConnections from 0 to the maximum number of connections
         * @return this builder
         */
        public Builder idleConnections(int idleConnections) {
            this.idleConnections = idleConnections;
            return this;
        }

        /**
         * Sets how long a connection may live before the pool replaces it; default one hour, environment variable
         * {@value WmsConfig#ENV_CONNECTION_MAX_LIFETIME} (a Go duration such as {@code 1h}).
         *
         * @param connectionMaxLifetime at least {@link WmsConfig#MIN_CONNECTION_MAX_LIFETIME}, or zero for no limit
         * @return this builder
         */
        public Builder connectionMaxLifetime(Duration connectionMaxLifetime) {
            this.connectionMaxLifetime = connectionMaxLifetime;
            return this;
        }

        /**
         * Sets how much the library logs about its database work; default {@link LogLevel#WARN} (failed and slow
         * statements), environment variable {@value WmsConfig#ENV_LOG_LEVEL}.
         *
         * @param logLevel not {@code null}
         * @return this builder
         */
        public Builder logLevel(LogLevel logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        /**
         * Sets the database schema that holds wms's tables and migration history; default
         * {@value WmsConfig#DEFAULT_SCHEMA}, environment variable {@value WmsConfig#ENV_SCHEMA}. Name {@code public}
         * for an installation made before wms had a schema of its own.
         *
         * @param schema a lower-case SQL identifier: letters, digits and underscores, at most 63, not starting with
         *               a digit or {@code pg_}
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Sets whether the library brings the schema up to date when it starts; default
         * {@value WmsConfig#DEFAULT_AUTO_MIGRATE}, environment variable {@value WmsConfig#ENV_AUTO_MIGRATE}.
         *
         * @param autoMigrate {@code true} to migrate at start
         * @return this builder
         */
        public Builder autoMigrate(boolean autoMigrate) {
            this.autoMigrate = autoMigrate;
            return this;
        }

        /**
         * Sets how long opening a connection may take; default ten seconds, environment variable
         * {@value WmsConfig#ENV_CONNECT_TIMEOUT} (a Go duration such as {@code 10s}).
         *
         * @param connectTimeout whole seconds, because pgjdbc counts in seconds; zero for no limit
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets how long a read from the server may wait, which must exceed the longest query; default one minute
         * ({@link WmsConfig#DEFAULT_SOCKET_TIMEOUT}), environment variable {@value WmsConfig#ENV_SOCKET_TIMEOUT} (a Go
         * duration such as {@code 5m}).
         *
         * @param socketTimeout whole seconds, because pgjdbc counts in seconds; zero for no limit
         * @return this builder
         */
        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        /**
         * Sets whether connections use TCP keepalive; default {@value WmsConfig#DEFAULT_TCP_KEEP_ALIVE}, no
         * environment variable (the Go seed has none).
         *
         * @param tcpKeepAlive {@code true} to use keepalive
         * @return this builder
         */
        public Builder tcpKeepAlive(boolean tcpKeepAlive) {
            this.tcpKeepAlive = tcpKeepAlive;
            return this;
        }

        /**
         * Sets how long an operation waits for a free connection of a full pool (HikariCP's
         * {@code connectionTimeout}); default thirty seconds, environment variable
         * {@value WmsConfig#ENV_POOL_TIMEOUT} (a Go duration such as {@code 5s}).
         *
         * @param poolTimeout at least {@link WmsConfig#MIN_POOL_TIMEOUT}
         * @return this builder
         */
        public Builder poolTimeout(Duration poolTimeout) {
            this.poolTimeout = poolTimeout;
            return this;
        }

        /**
         * Sets how long a connection above the idle floor may sit idle before the pool closes it (HikariCP's
         * {@code idleTimeout}); default ten minutes, environment variable {@value WmsConfig#ENV_IDLE_TIMEOUT}.
         *
         * @param idleTimeout at least {@link WmsConfig#MIN_IDLE_TIMEOUT}, or zero to never close idle connections
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        /**
         * Sets how long a connection may be out of the pool before a possible leak is logged (HikariCP's
         * {@code leakDetectionThreshold}); default zero (off), environment variable
         * {@value WmsConfig#ENV_LEAK_DETECTION}.
         *
         * @param leakDetection at least {@link WmsConfig#MIN_LEAK_DETECTION} and below the connection's maximum
         *                      lifetime (when that is not zero), or zero for off
         * @return this builder
         */
        public Builder leakDetection(Duration leakDetection) {
            this.leakDetection = leakDetection;
            return this;
        }

        /**
         * Checks every setting and builds the configuration.
         *
         * @return the configuration; never {@code null}
         * @throws ConfigurationException if a setting is bad; its setting is the builder method's name, for
         *                                example {@code maxConnections}
         */
        public WmsConfig build() {
            return build(new BuilderValueSource());
        }

        private WmsConfig build(ValueSource source) {
            Validator validator = new Validator(source);
            validator.check(Setting.HOST, host, host != null && HOST_PATTERN.matcher(host).matches());
            validator.check(Setting.PORT, port, port >= 1 && port <= 65_535);
            validator.check(Setting.USERNAME, username, username != null && !username.isBlank());
            validator.checkPresent(Setting.PASSWORD, password);
            validator.check(Setting.DATABASE_NAME, databaseName, databaseName != null && !databaseName.isBlank());
            validator.checkPresent(Setting.SSL_MODE, sslMode);
            validator.check(Setting.MAX_CONNECTIONS, maxConnections, maxConnections >= 1);
            validator.checkIdleConnections(idleConnections, maxConnections);
            validator.check(Setting.CONNECTION_MAX_LIFETIME, connectionMaxLifetime,
                    connectionMaxLifetime != null && (connectionMaxLifetime.isZero()
                            || connectionMaxLifetime.compareTo(MIN_CONNECTION_MAX_LIFETIME) >= 0));
            validator.checkPresent(Setting.LOG_LEVEL, logLevel);
            validator.check(Setting.SCHEMA, schema, WmsMigrations.isSchemaName(schema));
            validator.check(Setting.CONNECT_TIMEOUT, connectTimeout, isWholeSeconds(connectTimeout));
            validator.check(Setting.SOCKET_TIMEOUT, socketTimeout, isWholeSeconds(socketTimeout));
            validator.check(Setting.POOL_TIMEOUT, poolTimeout,
                    poolTimeout != null && poolTimeout.compareTo(MIN_POOL_TIMEOUT) >= 0);
            validator.check(Setting.IDLE_TIMEOUT, idleTimeout, isZeroOrAtLeast(idleTimeout, MIN_IDLE_TIMEOUT));
            validator.check(Setting.LEAK_DETECTION, leakDetection,
                    isZeroOrAtLeast(leakDetection, MIN_LEAK_DETECTION) && (connectionMaxLifetime.isZero()
                            || leakDetection.compareTo(connectionMaxLifetime) < 0));
            return new WmsConfig(this);
        }

        private static boolean isZeroOrAtLeast(Duration duration, Duration minimum) {
            return duration != null && (duration.isZero() || duration.compareTo(minimum) >= 0);
        }

        private static boolean isWholeSeconds(Duration duration) {
            return duration != null
                    && !duration.isNegative()
                    && duration.getNano() == 0
                    && duration.getSeconds() <= Integer.MAX_VALUE;
        }
    }

    /** Every checked setting, with both of its names and what a good value looks like. */
    private enum Setting {
        HOST(ENV_HOST, "host", "a host name or IP address (IPv6 without brackets)"),
        PORT(ENV_PORT, "port", "a port number from 1 to 65535"),
        USERNAME(ENV_USERNAME, "username", "a user name"),
        PASSWORD(ENV_PASSWORD, "password", "a password, or an empty one for none"),
        DATABASE_NAME(ENV_DATABASE_NAME, "databaseName", "a database name"),
        SSL_MODE(ENV_SSL_MODE, "sslMode", "one of disable, allow, prefer, require, verify-ca, verify-full"),
        SSL_ROOT_CERT(ENV_SSL_ROOT_CERT, "sslRootCert", "a file path"),
        SSL_CERT(ENV_SSL_CERT, "sslCert", "a file path"),
        SSL_KEY(ENV_SSL_KEY, "sslKey", "a file path"),
        MAX_CONNECTIONS(ENV_MAX_CONNECTIONS, "maxConnections", "a whole number of at least 1"),
        IDLE_CONNECTIONS(ENV_IDLE_CONNECTIONS, "idleConnections",
                "a whole number from 0 to the maximum number of connections"),
        CONNECTION_MAX_LIFETIME(ENV_CONNECTION_MAX_LIFETIME, "connectionMaxLifetime",
                "a duration of at least 30s such as 30m or 1h, or 0 for no limit (HikariCP ignores shorter ones)"),
        LOG_LEVEL(ENV_LOG_LEVEL, "logLevel", "one of silent, error, warn, info"),
        SCHEMA(ENV_SCHEMA, "schema",
                "a lower-case SQL identifier of at most 63 letters, digits and underscores, not starting with a digit "
                        + "or pg_"),
        AUTO_MIGRATE(ENV_AUTO_MIGRATE, "autoMigrate", "true or false (or 1/0, yes/no)"),
        CONNECT_TIMEOUT(ENV_CONNECT_TIMEOUT, "connectTimeout",
                "a duration in whole seconds such as 10s, or 0 for no limit"),
        SOCKET_TIMEOUT(ENV_SOCKET_TIMEOUT, "socketTimeout",
                "a duration in whole seconds such as 300s, or 0 for no limit"),
        POOL_TIMEOUT(ENV_POOL_TIMEOUT, "poolTimeout", "a duration of at least 250ms such as 5s or 30s"),
        IDLE_TIMEOUT(ENV_IDLE_TIMEOUT, "idleTimeout",
                "a duration of at least 10s such as 10m, or 0 to never close idle connections"),
        LEAK_DETECTION(ENV_LEAK_DETECTION, "leakDetection",
                "a duration of at least 2s and below the connection's maximum lifetime, such as 1m, or 0 for off");

        private final String environmentVariable;
        private final String builderName;
        private final String expected;

        Setting(String environmentVariable, String builderName, String expected) {
            this.environmentVariable = environmentVariable;
            this.builderName = builderName;
            this.expected = expected;
        }
    }

    /**
     * Names a setting and shows a bad value the way the person who gave it wrote it, so that one set of checks
     * serves both the environment and the builder.
     */
    private interface ValueSource {

        String nameOf(Setting setting);

        String show(Setting setting, Object value);
    }

    private static final class BuilderValueSource implements ValueSource {

        @Override
        public String nameOf(Setting setting) {
            return setting.builderName;
        }

        @Override
        public String show(Setting setting, Object value) {
            return value == null ? "none" : "'" + value + "'";
        }
    }

    private static final class Validator {

        private final ValueSource source;

        Validator(ValueSource source) {
            this.source = source;
        }

        void check(Setting setting, Object value, boolean good) {
            if (!good) {
                throw failure(setting, setting.expected, value);
            }
        }

        void checkPresent(Setting setting, Object value) {
            check(setting, value, value != null);
        }

        void checkIdleConnections(int idleConnections, int maxConnections) {
            if (idleConnections < 0 || idleConnections > maxConnections) {
                String expected = Setting.IDLE_CONNECTIONS.expected
                        + " (" + source.nameOf(Setting.MAX_CONNECTIONS) + " is " + maxConnections + ")";
                throw failure(Setting.IDLE_CONNECTIONS, expected, idleConnections);
            }
        }

        private ConfigurationException failure(Setting setting, String expected, Object value) {
            // The password's only failure is being absent, so its value is never shown.
            String shown = setting == Setting.PASSWORD ? "none" : source.show(setting, value);
            return new ConfigurationException(source.nameOf(setting), "expected " + expected + ", got " + shown);
        }
    }

    /**
     * Reads and parses environment variables, remembering what each one said so that a value the checks refuse is
     * shown as written.
     */
    private static final class EnvironmentReader implements ValueSource {

        private final Map<String, String> environment;
        private final Map<Setting, String> written = new EnumMap<>(Setting.class);

        EnvironmentReader(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public String nameOf(Setting setting) {
            return setting.environmentVariable;
        }

        @Override
        public String show(Setting setting, Object value) {
            String text = written.get(setting);
            return text != null ? "'" + text + "'" : "'" + value + "' (the default)";
        }

        Optional<String> text(Setting setting) {
            String value = environment.get(setting.environmentVariable);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            String trimmed = value.strip();
            written.put(setting, trimmed);
            return Optional.of(trimmed);
        }

        Optional<String> password() {
            String value = environment.get(ENV_PASSWORD);
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        Optional<Integer> integer(Setting setting) {
            return text(setting).map(text -> {
                // Integer.parseInt would also take non-ASCII digits and a leading '+'; only plain numbers are meant.
                if (!text.matches("-?[0-9]{1,9}")) {
                    throw unparsable(setting, text);
                }
                return Integer.parseInt(text);
            });
        }

        Optional<Duration> duration(Setting setting) {
            return text(setting).map(text -> {
                try {
                    return GoDuration.parse(text);
                } catch (IllegalArgumentException e) {
                    throw unparsable(setting, text);
                }
            });
        }

        Optional<Boolean> bool(Setting setting) {
            return text(setting).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes" -> Boolean.TRUE;
                case "false", "0", "no" -> Boolean.FALSE;
                default -> throw unparsable(setting, text);
            });
        }

        Optional<Path> path(Setting setting) {
            return text(setting).map(text -> {
                try {
                    return Path.of(text);
                } catch (InvalidPathException e) {
                    throw unparsable(setting, text);
                }
            });
        }

        Optional<SslMode> sslMode() {
            return text(Setting.SSL_MODE).map(text -> {
                try {
                    return SslMode.parse(text);
                } catch (IllegalArgumentException e) {
                    throw unparsable(Setting.SSL_MODE, text);
                }
            });
        }

        Optional<LogLevel> logLevel() {
            return text(Setting.LOG_LEVEL).map(text -> {
                try {
                    return LogLevel.parse(text);
                } catch (IllegalArgumentException e) {
                    throw unparsable(Setting.LOG_LEVEL, text);
                }
            });
        }

        private static ConfigurationException unparsable(Setting setting, String text) {
            return new ConfigurationException(setting.environmentVariable,
                    "expected " + setting.expected + ", got '" + text + "'");
        }
    }
}
