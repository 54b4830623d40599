package io.wms.core;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.wms.core.WmsConfig;
import io.wms.core.error.ConfigurationException;
import io.wms.core.error.DatabaseException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.WmsException;
import io.wms.core.internal.PoolMetrics;
import io.wms.core.internal.SqlStates;
import io.wms.migration.WmsMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the HikariCP connection pool the library works with, and proves at once that the database answers.
 *
 * <p>Internal: not part of the wms API.
 */
public final class ConnectionPools {

    /** The pool's name in HikariCP's thread names, logs and metrics. */
    public static final String POOL_NAME = "wms";

    /** How long the database may take to answer the start-up ping. */
    private static final int PING_TIMEOUT_SECONDS = 5;

    /**
     * HikariCP's smallest positive initialization timeout: one attempt to connect before the pool is handed out,
     * failing the start instead of leaving the pool to retry in the background while callers wait.
     */
    private static final long ONE_CONNECTION_ATTEMPT_MILLIS = 1;

    private static final String MASK = "****";

    /** How pgjdbc words a server certificate that does not name the host connected to; it gives no cause. */
    private static final String HOST_NOT_NAMED_BY_CERTIFICATE = "could not be verified by hostnameverifier";

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPools.class);

    /** An IPv4 address, or an IPv6 one (it has a colon); host names have neither form. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|.*:.*");

    private ConnectionPools() {
    }

    /**
     * Opens a connection pool for the configured database and schema ({@link WmsConfig#schema()}) and pings it; the
     * same as {@link #open(WmsConfig, String)} with that schema.
     *
     * @param config the configuration; never {@code null}
     * @return the pool, connected; the caller closes it
     * @throws RetryableException if the database cannot be reached or does not answer
     * @throws DatabaseException  if the database refuses for good
     */
    public static HikariDataSource open(WmsConfig config) {
        Objects.requireNonNull(config, "config");
        return open(config, config.schema());
    }

    /**
     * Opens a connection pool for the configured database and pings it.
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
     * @param config the configuration; never {@code null}
     * @param schema the wms schema, a name {@link io.wms.migration.WmsMigrations#isSchemaName} accepts; never
     *               {@code null}
     * @return the pool, connected; the caller closes it
     * @throws RetryableException if the database cannot be reached or does not answer; the message names the host,
     *                            port, database and user and never contains the password, and the pool is closed
     * @throws DatabaseException  if the database refuses for good, for example a wrong password (28P01), a missing
     *                            database (3D000), or TLS that cannot succeed as configured: a server certificate
     *                            not signed by the trusted authority or not naming the host, or a missing client
     *                            certificate or key file; the message is masked in the same way
     * @throws ConfigurationException (setting {@code schema}) if {@code schema} is not a wms schema name
     */
    public static HikariDataSource open(WmsConfig config, String schema) {
        Objects.requireNonNull(config, "config");
        if (!WmsMigrations.isSchemaName(schema)) {
            throw new ConfigurationException("schema", "not a wms schema name: '" + schema + "'");
        }
        transportWarning(config).ifPresent(LOG::warn);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikariConfig(config, schema));
        } catch (HikariPool.PoolInitializationException e) {
            // HikariCP has already shut down what it had started when it throws this.
            throw connectionFailure(config, e.getCause() != null ? e.getCause() : e);
        }
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
                throw new SQLException("the server did not answer within " + PING_TIMEOUT_SECONDS + " seconds");
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw connectionFailure(config, e);
        }
        LOG.info("Connected to PostgreSQL at {} as {} (pool of at most {} connections)",
                address(config), config.username(), config.maxConnections());
        return pool;
    }

    private static HikariConfig hikariConfig(WmsConfig config, String schema) {
        HikariConfig hikari = new HikariConfig();
        // The name is a plain identifier (isSchemaName): quoting it cannot be escaped from.
        hikari.setConnectionInitSql("SET search_path TO \"" + schema + "\", pg_temp");
        hikari.setPoolName(POOL_NAME);
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxConnections());
        hikari.setMinimumIdle(config.idleConnections());
        hikari.setMaxLifetime(config.connectionMaxLifetime().toMillis());
        hikari.setConnectionTimeout(config.poolTimeout().toMillis());
        hikari.setIdleTimeout(config.idleTimeout().toMillis());
        hikari.setLeakDetectionThreshold(config.leakDetection().toMillis());
        hikari.setInitializationFailTimeout(ONE_CONNECTION_ATTEMPT_MILLIS);
        hikari.setMetricsTrackerFactory(new PoolMetrics());
        config.connectionProperties().forEach(hikari::addDataSourceProperty);
        return hikari;
    }

    /**
     * Says what is wrong with reaching the database over the network without checking who answers: below
     * {@link SslMode#VERIFY_CA}, anyone on the path to a database on another machine can pose as it and read the
     * password and the data. A database on this machine (a loopback host) needs no such check.
     *
     * @param config the configuration; never {@code null}
     * @return the warning to log; empty when the host is a loopback one or the mode checks the certificate
     */
    static Optional<String> transportWarning(WmsConfig config) {
        if (config.sslMode().compareTo(SslMode.VERIFY_CA) >= 0 || isLoopback(config.host())) {
            return Optional.empty();
        }
        return Optional.of("The database at " + address(config) + " is reached with sslmode=" + config.sslMode()
                + ", which does not check the server's certificate: anyone on the network path can pose as the "
                + "server and read the password and the data. Set " + WmsConfig.ENV_SSL_MODE
                + "=verify-full (or verify-ca) with " + WmsConfig.ENV_SSL_ROOT_CERT + ".");
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

    private static WmsException connectionFailure(WmsConfig config, Throwable failure) {
        String password = config.password();
        String message = "Cannot connect to PostgreSQL at " + address(config) + " as " + config.username() + ": "
                + mask(String.valueOf(failure.getMessage()), password);
        String sqlState = failure instanceof SQLException sqlException ? sqlException.getSQLState() : null;
        Throwable cause = withoutPassword(failure, password);
        // A wrong password, a missing database or an untrusted certificate will not fix itself: only a network or
        // server failure is retryable.
        if (sqlState != null && !SqlStates.isRetryable(sqlState) || isTlsRefusal(failure)) {
            return new DatabaseException(message, sqlState, cause);
        }
        return new RetryableException(message, sqlState, cause);
    }

    /**
     * Tells whether TLS failed for a reason only a change of certificates or settings fixes; pgjdbc reports these
     * with the SQLSTATE of a lost network (08006), so the state alone would call them retryable.
     */
    private static boolean isTlsRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            boolean untrustedCertificate = t instanceof GeneralSecurityException;
            boolean missingFile = t instanceof FileNotFoundException || t instanceof NoSuchFileException;
            boolean hostNotNamed = String.valueOf(t.getMessage()).contains(HOST_NOT_NAMED_BY_CERTIFICATE);
            if (untrustedCertificate || missingFile || hostNotNamed) {
                return true;
            }
        }
        return false;
    }

    private static String address(WmsConfig config) {
        return config.host() + ":" + config.port() + "/" + config.databaseName();
    }

    /**
     * Returns the failure itself when no message in its cause chain holds the password, which is the usual case,
     * and otherwise a copy of the chain with the password masked, because callers log causes in full.
     */
    private static Throwable withoutPassword(Throwable failure, String password) {
        if (password.isEmpty() || !chainMentions(failure, password)) {
            return failure;
        }
        return maskedCopy(failure, password);
    }

    private static boolean chainMentions(Throwable failure, String password) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(password)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable maskedCopy(Throwable failure, String password) {
        Throwable cause = failure.getCause();
        Throwable maskedCause = cause == null || cause == failure ? null : maskedCopy(cause, password);
        MaskedFailure copy = new MaskedFailure(
                failure.getClass().getName() + ": " + mask(String.valueOf(failure.getMessage()), password),
                maskedCause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String mask(String text, String password) {
        return password.isEmpty() ? text : text.replace(password, MASK);
    }

    /** Stands in for a driver exception whose message held the password; its message names the original type. */
    private static final class MaskedFailure extends Exception {

        private static final long serialVersionUID = 1L;

        MaskedFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
