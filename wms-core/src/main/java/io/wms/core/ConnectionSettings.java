package io.wms.core;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.error.ConfigurationException;
import io.wms.core.internal.ConnectionPools;
import io.wms.migration.WmsMigrations;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link WmsConfig} means to pgjdbc and HikariCP: the JDBC URL, the driver's connection properties and the
 * pool wms opens with them.
 */
final class ConnectionSettings {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSettings.class);

    /** An IPv4 address, or an IPv6 one (it has a colon); host names have neither form. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|.*:.*");

    private ConnectionSettings() {
    }

    /** The URL of {@link WmsConfig#jdbcUrl()}: the database name URL-encoded, an IPv6 address in brackets. */
    static String jdbcUrl(WmsConfig config) {
        String host = config.host();
        String hostInUrl = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + hostInUrl + ":" + config.port() + "/"
                + URLEncoder.encode(config.databaseName(), StandardCharsets.UTF_8);
    }

    /** The properties of {@link WmsConfig#connectionProperties()}, in a stable order. */
    static Map<String, String> connectionProperties(WmsConfig config) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(PGProperty.SSL_MODE.getName(), config.sslMode().wireValue());
        config.sslRootCert().ifPresent(path -> properties.put(PGProperty.SSL_ROOT_CERT.getName(), path.toString()));
        config.sslCert().ifPresent(path -> properties.put(PGProperty.SSL_CERT.getName(), path.toString()));
        config.sslKey().ifPresent(path -> properties.put(PGProperty.SSL_KEY.getName(), path.toString()));
        properties.put(PGProperty.CONNECT_TIMEOUT.getName(), Long.toString(config.connectTimeout().toSeconds()));
        properties.put(PGProperty.SOCKET_TIMEOUT.getName(), Long.toString(config.socketTimeout().toSeconds()));
        properties.put(PGProperty.TCP_KEEP_ALIVE.getName(), Boolean.toString(config.tcpKeepAlive()));
        properties.put(PGProperty.APPLICATION_NAME.getName(), WmsConfig.APPLICATION_NAME);
        // The server's DETAIL text ("Failing row contains (...)") carries row values, a user's password hash among
        // them; the typed errors are built from the error's structured fields and do not need it.
        properties.put(PGProperty.LOG_SERVER_ERROR_DETAIL.getName(), Boolean.FALSE.toString());
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Opens a connection pool for the configured database and pings it ({@link ConnectionPools#open}).
     *
     * <p>Every connection's {@code search_path} is the wms schema alone (then {@code pg_temp}, named last so that no
     * temporary table stands in for a wms table), whatever the server's or the role's default: PostgreSQL then
     * searches {@code pg_catalog} first and the wms schema after it, where only its owner creates. On a path with a
     * schema other roles may create in ({@code public} on PostgreSQL 14 and older), a function or an operator
     * planted there that matches a call better than pg_catalog's ({@code =(varchar, varchar)} beside
     * {@code pg_catalog.=(text, text)}) would run with wms's rights in its statements.
     *
     * <p>The pool holds at most {@link WmsConfig#maxConnections()} connections, keeps {@link
     * WmsConfig#idleConnections()} of them ready, closes the others after {@link WmsConfig#idleTimeout()}, replaces
     * each after {@link WmsConfig#connectionMaxLifetime()}, makes a caller wait at most {@link
     * WmsConfig#poolTimeout()} for a free one, reports one held longer than {@link WmsConfig#leakDetection()}, and
     * passes {@link WmsConfig#connectionProperties()} to pgjdbc. A warning is logged when a database on another
     * machine is reached without checking its certificate ({@link #transportWarning}).
     *
     * @throws io.wms.core.error.RetryableException if the database cannot be reached or does not answer
     * @throws io.wms.core.error.DatabaseException  if the database refuses for good
     * @throws ConfigurationException (setting {@code schema}) if {@code schema} is not a wms schema name
     */
    static HikariDataSource open(WmsConfig config, String schema) {
        HikariConfig hikari = hikariConfig(config, schema);
        transportWarning(config).ifPresent(LOG::warn);
        return ConnectionPools.open(hikari, address(config));
    }

    /** The settings of the pool {@link #open} opens, before {@link ConnectionPools#open} names it. */
    static HikariConfig hikariConfig(WmsConfig config, String schema) {
        Objects.requireNonNull(config, "config");
        if (!WmsMigrations.isSchemaName(schema)) {
            throw new ConfigurationException("schema", "not a wms schema name: '" + schema + "'");
        }
        HikariConfig hikari = new HikariConfig();
        // The name is a plain identifier (isSchemaName): quoting it cannot be escaped from.
        hikari.setConnectionInitSql("SET search_path TO \"" + schema + "\", pg_temp");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxConnections());
        hikari.setMinimumIdle(config.idleConnections());
        hikari.setMaxLifetime(config.connectionMaxLifetime().toMillis());
        hikari.setConnectionTimeout(config.poolTimeout().toMillis());
        hikari.setIdleTimeout(config.idleTimeout().toMillis());
        hikari.setLeakDetectionThreshold(config.leakDetection().toMillis());
        config.connectionProperties().forEach(hikari::addDataSourceProperty);
        return hikari;
    }

    /**
     * Says what is wrong with reaching the database over the network without checking who answers: below
     * {@link SslMode#VERIFY_CA}, anyone on the path to a database on another machine can pose as it and read the
     * password and the data. A database on this machine (a loopback host) needs no such check.
     *
     * @return the warning to log; empty when the host is a loopback one or the mode checks the certificate
     */
    static Optional<String> transportWarning(WmsConfig config) {
        if (config.sslMode().compareTo(SslMode.VERIFY_CA) >= 0 || isLoopback(config.host())) {
            return Optional.empty();
        }
        return Optional.of("The database at " + address(config) + " is reached with sslmode=" + config.sslMode()
                + ", which does not check the server's certificate: anyone on the network path can pose as the "
                + "server and read the password and the data. Set " + WmsSetting.SSL_MODE.environmentVariable()
                + "=verify-full (or verify-ca) with " + WmsSetting.SSL_ROOT_CERT.environmentVariable() + ".");
    }

    private static String address(WmsConfig config) {
        return config.host() + ":" + config.port() + "/" + config.databaseName();
    }

    /** Only names that never leave the machine: a literal loopback address, or "localhost", which libpq and pgjdbc
     * resolve locally. Any other name would need a DNS look-up, which must not decide a security warning. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal address is parsed, never looked up.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
