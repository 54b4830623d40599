package io.wms.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.wms.core.error.ConfigurationException;
import io.wms.core.internal.GoDuration;
import io.wms.migration.WmsMigrations;

/**
 * The table of {@link WmsConfig}'s settings, one constant a setting: its name in code (the accessor of
 * {@code WmsConfig} and the setter of {@link WmsConfig.Builder}), its environment variable, the property that plays
 * its part under the Spring Boot starter, its default, how its variable is read and which values it takes.
 * {@link WmsConfig#fromEnv()}, {@link WmsConfig.Builder#build()}, their checks and messages, and
 * {@link WmsConfig#toString()} all work from this table.
 *
 * <p>Under the starter, wms runs on the application's {@code DataSource}: a {@code spring.datasource.*} property
 * configures Spring Boot's pool (host, port and database are parts of {@code spring.datasource.url}), and a
 * {@code wms.*} property is the starter's own.
 *
 * <p>Immutable and thread-safe.
 */
public enum WmsSetting {

    /** The server's host name or IP address: {@link WmsConfig#host()}; an IPv6 address without brackets. */
    HOST("host", "DB_HOST", "spring.datasource.url", WmsConfig.DEFAULT_HOST, "db.internal", Kind.TEXT,
            WmsSetting::isHost, "a host name or IP address (IPv6 without brackets)"),
    /** The server's TCP port: {@link WmsConfig#port()}. */
    PORT("port", "DB_PORT", "spring.datasource.url", WmsConfig.DEFAULT_PORT, "6543", Kind.WHOLE_NUMBER,
            (port, all) -> (int) port >= 1 && (int) port <= 65_535, "a port number from 1 to 65535"),
    /** The user wms logs in as: {@link WmsConfig#username()}. */
    USERNAME("username", "DB_USER", "spring.datasource.username", WmsConfig.DEFAULT_USERNAME, "wms_app", Kind.TEXT,
            WmsSetting::isNotBlank, "a user name"),
    /** The user's password: {@link WmsConfig#password()}; read exactly as written, never shown. */
    PASSWORD("password", "DB_PASSWORD", "spring.datasource.password", WmsConfig.DEFAULT_PASSWORD, "s3cret",
            Kind.SECRET, WmsSetting::isPresent, "a password, or an empty one for none"),
    /** The database on the server: {@link WmsConfig#databaseName()}. */
    DATABASE_NAME("databaseName", "DB_NAME", "spring.datasource.url", WmsConfig.DEFAULT_DATABASE_NAME, "inventory",
            Kind.TEXT, WmsSetting::isNotBlank, "a database name"),
    /**
     * Whether and how the connection is encrypted and the server checked: {@link WmsConfig#sslMode()}. The
     * default, {@link SslMode#PREFER}, is libpq's and pgjdbc's own (the Go seed's {@code disable} was weaker): it
     * encrypts when the server offers TLS but does not check who the server is, and {@link Wms} logs a warning at
     * start when a host other than this machine is reached below {@link SslMode#VERIFY_CA}.
     */
    SSL_MODE("sslMode", "DB_SSLMODE", Names.PROPERTIES + "sslmode", WmsConfig.DEFAULT_SSL_MODE, "verify-full",
            Kind.SSL_MODE, WmsSetting::isPresent, "one of disable, allow, prefer, require, verify-ca, verify-full"),
    /**
     * The file of the certificate authorities trusted to sign the server's certificate:
     * {@link WmsConfig#sslRootCert()}; unset, pgjdbc looks in its default place.
     */
    SSL_ROOT_CERT("sslRootCert", "DB_SSLROOTCERT", Names.PROPERTIES + "sslrootcert", null, "/etc/wms/root.crt",
            Kind.PATH, WmsSetting::any, "a file path"),
    /** The client certificate, for servers that check clients by certificate: {@link WmsConfig#sslCert()}. */
    SSL_CERT("sslCert", "DB_SSLCERT", Names.PROPERTIES + "sslcert", null, "/etc/wms/client.crt", Kind.PATH,
            WmsSetting::any, "a file path"),
    /** The client certificate's private key, in a form pgjdbc reads: {@link WmsConfig#sslKey()}. */
    SSL_KEY("sslKey", "DB_SSLKEY", Names.PROPERTIES + "sslkey", null, "/etc/wms/client.pk8", Kind.PATH,
            WmsSetting::any, "a file path"),
    /** The most connections the pool opens at once: {@link WmsConfig#maxConnections()}. */
    MAX_CONNECTIONS("maxConnections", "DB_MAX_CONNECTIONS", Names.POOL + "maximum-pool-size",
            WmsConfig.DEFAULT_MAX_CONNECTIONS, "50", Kind.WHOLE_NUMBER, (max, all) -> (int) max >= 1,
            "a whole number of at least 1"),
    /**
     * The idle connections the pool keeps ready: {@link WmsConfig#idleConnections()}, HikariCP's
     * {@code minimumIdle}, a floor. The Go seed's {@code DB_IDLE_CONNECTIONS} set Go's {@code SetMaxIdleConns}, a
     * ceiling; HikariCP has none, and closes idle connections above this floor after {@link #IDLE_TIMEOUT}.
     */
    IDLE_CONNECTIONS("idleConnections", "DB_IDLE_CONNECTIONS", Names.POOL + "minimum-idle",
            WmsConfig.DEFAULT_IDLE_CONNECTIONS, "2", Kind.WHOLE_NUMBER,
            (idle, all) -> (int) idle >= 0 && (int) idle <= (int) all.get(WmsSetting.MAX_CONNECTIONS),
            "a whole number from 0 to the maximum number of connections", MAX_CONNECTIONS),
    /**
     * How long a connection lives before the pool replaces it:
     * {@link WmsConfig#connectionMaxLifetime()}, HikariCP's {@code maxLifetime}.
     */
    CONNECTION_MAX_LIFETIME("connectionMaxLifetime", "DB_CONN_MAX_LIFETIME", Names.POOL + "max-lifetime",
            WmsConfig.DEFAULT_CONNECTION_MAX_LIFETIME, "30m", Kind.DURATION,
            (lifetime, all) -> isZeroOrAtLeast(lifetime, WmsConfig.MIN_CONNECTION_MAX_LIFETIME),
            "a duration of at least 30s such as 30m or 1h, or 0 for no limit (HikariCP ignores shorter ones)"),
    /**
     * How much of its database work wms logs to the slf4j logger {@code io.wms.sql}:
     * {@link WmsConfig#logLevel()}. The default, failed and slow statements, is what the seed advises for production;
     * {@link LogLevel#INFO} (every statement) is for development.
     */
    LOG_LEVEL("logLevel", "DB_LOG_LEVEL", "wms.log-level", WmsConfig.DEFAULT_LOG_LEVEL, "silent", Kind.LOG_LEVEL,
            WmsSetting::isPresent, "one of silent, error, warn, info"),
    /**
     * The schema of wms's tables, functions and migration history: {@link WmsConfig#schema()}. wms creates it
     * when it migrates and names it in every statement; the pool wms opens sets each connection's
     * {@code search_path} to it alone, so that no function or operator another role planted in a schema such as
     * {@code public} is called instead of pg_catalog's.
     */
    SCHEMA("schema", "DB_SCHEMA", "wms.schema", WmsConfig.DEFAULT_SCHEMA, "north", Kind.TEXT,
            (schema, all) -> WmsMigrations.isSchemaName((String) schema), "a lower-case SQL identifier of at most 63 "
                    + "letters, digits and underscores, not starting with a digit or pg_"),
    /** Whether wms applies its pending migrations when it starts: {@link WmsConfig#autoMigrate()}. */
    AUTO_MIGRATE("autoMigrate", "DB_AUTO_MIGRATE", "wms.auto-migrate", WmsConfig.DEFAULT_AUTO_MIGRATE, "false",
            Kind.BOOLEAN, WmsSetting::any, "true or false (or 1/0, yes/no)"),
    /**
     * How long opening a connection may take: {@link WmsConfig#connectTimeout()}, in whole seconds because
     * pgjdbc counts in seconds.
     */
    CONNECT_TIMEOUT("connectTimeout", "DB_CONNECT_TIMEOUT", Names.PROPERTIES + "connectTimeout",
            WmsConfig.DEFAULT_CONNECT_TIMEOUT, "30s", Kind.DURATION, WmsSetting::isWholeSeconds,
            "a duration in whole seconds such as 10s, or 0 for no limit"),
    /**
     * How long a read from the server may block: {@link WmsConfig#socketTimeout()}. The default, one
     * minute, is far beyond any statement of the library on a healthy server (the whole-warehouse inventory report
     * takes about a second on a million batches) and short enough that a connection whose server vanished without a
     * word frees its thread within a minute instead of hanging until TCP gives up (about 15 minutes on Linux).
     */
    SOCKET_TIMEOUT("socketTimeout", "DB_SOCKET_TIMEOUT", Names.PROPERTIES + "socketTimeout",
            WmsConfig.DEFAULT_SOCKET_TIMEOUT, "5m", Kind.DURATION, WmsSetting::isWholeSeconds,
            "a duration in whole seconds such as 300s, or 0 for no limit"),
    /** Whether connections use TCP keepalive: {@link WmsConfig#tcpKeepAlive()}. */
    TCP_KEEP_ALIVE("tcpKeepAlive", "DB_TCP_KEEPALIVE", Names.PROPERTIES + "tcpKeepAlive",
            WmsConfig.DEFAULT_TCP_KEEP_ALIVE, "false", Kind.BOOLEAN, WmsSetting::any, "true or false (or 1/0, yes/no)"),
    /**
     * How long an operation waits for a free connection of a full pool before it fails with a
     * {@link io.wms.core.error.RetryableException}: {@link WmsConfig#poolTimeout()}, HikariCP's
     * {@code connectionTimeout}; not {@link #CONNECT_TIMEOUT}, the time the driver may take to open one.
     */
    POOL_TIMEOUT("poolTimeout", "DB_POOL_TIMEOUT", Names.POOL + "connection-timeout", WmsConfig.DEFAULT_POOL_TIMEOUT,
            "5s", Kind.DURATION, (timeout, all) -> ((Duration) timeout).compareTo(WmsConfig.MIN_POOL_TIMEOUT) >= 0,
            "a duration of at least 250ms such as 5s or 30s"),
    /**
     * How long a connection above {@link #IDLE_CONNECTIONS} may sit idle before the pool closes it:
     * {@link WmsConfig#idleTimeout()}, HikariCP's {@code idleTimeout}.
     */
    IDLE_TIMEOUT("idleTimeout", "DB_IDLE_TIMEOUT", Names.POOL + "idle-timeout", WmsConfig.DEFAULT_IDLE_TIMEOUT, "5m",
            Kind.DURATION, (timeout, all) -> isZeroOrAtLeast(timeout, WmsConfig.MIN_IDLE_TIMEOUT),
            "a duration of at least 10s such as 10m, or 0 to never close idle connections"),
    /**
     * How long a connection may be out of the pool before HikariCP logs a possible leak, with the stack
     * trace of the code that took it: {@link WmsConfig#leakDetection()}, HikariCP's {@code leakDetectionThreshold}.
     * Only a warning; the connection is not taken back.
     */
    LEAK_DETECTION("leakDetection", "DB_LEAK_DETECTION", Names.POOL + "leak-detection-threshold",
            WmsConfig.DEFAULT_LEAK_DETECTION, "1m", Kind.DURATION, WmsSetting::isBelowLifetime,
            "a duration of at least 2s and below the connection's maximum lifetime, such as 1m, or 0 for off");

    private final String method;
    private final String environmentVariable;
    private final String springProperty;
    private final Object defaultValue;
    private final String example;
    private final Kind kind;
    private final Check check;
    private final String expected;
    /** Another setting the check compares with, named with its value in the message, or {@code null}. */
    private final WmsSetting comparedWith;

    WmsSetting(String method, String environmentVariable, String springProperty, Object defaultValue, String example,
               Kind kind, Check check, String expected) {
        this(method, environmentVariable, springProperty, defaultValue, example, kind, check, expected, null);
    }

    WmsSetting(String method, String environmentVariable, String springProperty, Object defaultValue, String example,
               Kind kind, Check check, String expected, WmsSetting comparedWith) {
        this.method = method;
        this.environmentVariable = environmentVariable;
        this.springProperty = springProperty;
        this.defaultValue = defaultValue;
        this.example = example;
        this.kind = kind;
        this.check = check;
        this.expected = expected;
        this.comparedWith = comparedWith;
    }

    /**
     * Returns the setting's name in code: the accessor of {@link WmsConfig}, the setter of
     * {@link WmsConfig.Builder}, and the {@link ConfigurationException#setting()} of a bad value built in code.
     *
     * @return for example {@code "maxConnections"}; never {@code null}
     */
    public String method() {
        return method;
    }

    /**
     * Returns the environment variable {@link WmsConfig#fromEnv()} reads the setting from, also the
     * {@link ConfigurationException#setting()} of a bad value read from there.
     *
     * @return for example {@code "DB_MAX_CONNECTIONS"}; never {@code null}
     */
    public String environmentVariable() {
        return environmentVariable;
    }

    /**
     * Returns the Spring Boot property that plays the setting's part when the starter builds wms on the
     * application's data source: Spring Boot's own {@code spring.datasource.*} for the connection and its pool, the
     * starter's {@code wms.*} for the rest.
     *
     * @return for example {@code "spring.datasource.hikari.maximum-pool-size"}; never {@code null}
     */
    public String springProperty() {
        return springProperty;
    }

    /**
     * Returns the value the setting takes when nothing sets it, one of the {@code DEFAULT_} constants of
     * {@link WmsConfig}.
     *
     * @return the default; empty for a setting that is unset by default (the certificate files)
     */
    public Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns a good value other than the default, written as in the environment, for documentation and tests.
     *
     * @return for example {@code "50"}; never {@code null}
     */
    public String example() {
        return example;
    }

    /** Every setting at its default; a new map the caller may change. */
    static Map<WmsSetting, Object> defaults() {
        Map<WmsSetting, Object> values = new EnumMap<>(WmsSetting.class);
        for (WmsSetting setting : values()) {
            values.put(setting, setting.defaultValue);
        }
        return values;
    }

    /**
     * Reads every setting from its environment variable (missing or blank: the default; surrounding whitespace
     * ignored except in the password) and checks them; a bad value is named by its variable and shown as written.
     */
    static Map<WmsSetting, Object> fromEnvironment(Map<String, String> environment) {
        Map<WmsSetting, Object> values = defaults();
        Map<WmsSetting, String> written = new EnumMap<>(WmsSetting.class);
        for (WmsSetting setting : values()) {
            String raw = environment.get(setting.environmentVariable);
            String text = raw == null || setting.kind == Kind.SECRET ? raw : raw.strip();
            if (text != null && !text.isEmpty()) {
                written.put(setting, text);
                values.put(setting, setting.parse(text));
            }
        }
        return checked(values, setting -> setting.environmentVariable, (setting, value) -> written.containsKey(setting)
                ? "'" + written.get(setting) + "'" : "'" + value + "' (the default)");
    }

    /** Checks every setting given in code; a bad value is named by its setter. */
    static Map<WmsSetting, Object> fromCode(Map<WmsSetting, Object> values) {
        return checked(new EnumMap<>(values), setting -> setting.method,
                (setting, value) -> value == null ? "none" : "'" + value + "'");
    }

    /** Returns the value given in code for this setting alone, checked against the defaults of the others. */
    Object checkedAlone(Object value) {
        Map<WmsSetting, Object> values = defaults();
        values.put(this, value);
        return fromCode(values).get(this);
    }

    /** Shows a value in {@link WmsConfig#toString()}: never the password. */
    String describe(Object value) {
        return kind == Kind.SECRET ? "****" : value == null ? "none" : value.toString();
    }

    private Object parse(String text) {
        try {
            return kind.parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(environmentVariable, "expected " + expected + ", got '" + text + "'");
        }
    }

    private static Map<WmsSetting, Object> checked(Map<WmsSetting, Object> values, Function<WmsSetting, String> name,
                                                   BiFunction<WmsSetting, Object, String> show) {
        for (WmsSetting setting : values()) {
            Object value = values.get(setting);
            if (!setting.check.accepts(value, values)) {
                String comparison = setting.comparedWith == null ? ""
                        : " (" + name.apply(setting.comparedWith) + " is " + values.get(setting.comparedWith) + ")";
                // The password's only failure is being absent, so its value is never shown.
                String shown = setting.kind == Kind.SECRET ? "none" : show.apply(setting, value);
                throw new ConfigurationException(name.apply(setting),
                        "expected " + setting.expected + comparison + ", got " + shown);
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private static boolean any(Object value, Map<WmsSetting, Object> all) {
        return true;
    }

    private static boolean isPresent(Object value, Map<WmsSetting, Object> all) {
        return value != null;
    }

    private static boolean isNotBlank(Object value, Map<WmsSetting, Object> all) {
        return value instanceof String text && !text.isBlank();
    }

    private static boolean isHost(Object value, Map<WmsSetting, Object> all) {
        return value instanceof String host && Names.HOST.matcher(host).matches();
    }

    private static boolean isZeroOrAtLeast(Object value, Duration minimum) {
        return value instanceof Duration duration && (duration.isZero() || duration.compareTo(minimum) >= 0);
    }

    private static boolean isWholeSeconds(Object value, Map<WmsSetting, Object> all) {
        return value instanceof Duration duration && !duration.isNegative() && duration.getNano() == 0
                && duration.getSeconds() <= Integer.MAX_VALUE;
    }

    private static boolean isBelowLifetime(Object value, Map<WmsSetting, Object> all) {
        Duration lifetime = (Duration) all.get(CONNECTION_MAX_LIFETIME);
        return isZeroOrAtLeast(value, WmsConfig.MIN_LEAK_DETECTION)
                && (lifetime.isZero() || ((Duration) value).compareTo(lifetime) < 0);
    }

    private static Boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean: " + text);
        };
    }

    private static Integer wholeNumber(String text) {
        // Integer.parseInt would also take non-ASCII digits and a leading '+'; only plain numbers are meant.
        if (!text.matches("-?[0-9]{1,9}")) {
            throw new IllegalArgumentException("not a whole number: " + text);
        }
        return Integer.parseInt(text);
    }

    /** How an environment variable's text becomes a value; each parser throws IllegalArgumentException. */
    private enum Kind {
        TEXT(text -> text),
        SECRET(text -> text),
        WHOLE_NUMBER(WmsSetting::wholeNumber),
        BOOLEAN(WmsSetting::bool),
        DURATION(GoDuration::parse),
        PATH(Path::of),
        SSL_MODE(SslMode::parse),
        LOG_LEVEL(LogLevel::parse);

        private final Function<String, Object> parser;

        Kind(Function<String, Object> parser) {
            this.parser = parser;
        }
    }

    /** Whether a value is good, given every setting's value (some rules compare two settings). */
    @FunctionalInterface
    private interface Check {
        boolean accepts(Object value, Map<WmsSetting, Object> all);
    }

    /** Spring Boot's prefixes and the host rule, apart so that the constants above may use them. */
    private static final class Names {

        /** Spring Boot's properties of its HikariCP pool. */
        static final String POOL = "spring.datasource.hikari.";
        /** Spring Boot's pgjdbc connection properties, by pgjdbc's own names. */
        static final String PROPERTIES = POOL + "data-source-properties.";
        /**
         * A host name or IPv4 address, or an IPv6 address (at least two colons) without brackets; nothing that
         * would change the meaning of the JDBC URL, such as {@code /}, {@code ,} or {@code @}.
         */
        static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|[0-9A-Fa-f.]*:[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    }
}
