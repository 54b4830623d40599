package io.wms.core.internal;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.wms.core.error.DatabaseException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.WmsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a HikariCP connection pool and proves at once that the database answers, with failures that never show the
 * password.
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

    private ConnectionPools() {
    }

    /**
     * Opens a pool named {@value #POOL_NAME} on the given settings, counting waits with {@link PoolMetrics}, and
     * pings the database.
     *
     * @param hikari  the pool's settings, user and password included; never {@code null}. Its name, metrics and
     *                initialization timeout are set here.
     * @param address where the database is, {@code host:port/database}, for messages; never {@code null}
     * @return the pool, connected; the caller closes it
     * @throws RetryableException if the database cannot be reached or does not answer; the message names the
     *                            address and user and never contains the password, and the pool is closed
     * @throws DatabaseException  if the database refuses for good, for example a wrong password (28P01), a missing
     *                            database (3D000), or TLS that cannot succeed as configured: a server certificate
     *                            not signed by the trusted authority or not naming the host, or a missing client
     *                            certificate or key file; the message is masked in the same way
     */
    public static HikariDataSource open(HikariConfig hikari, String address) {
        Objects.requireNonNull(hikari, "hikari");
        Objects.requireNonNull(address, "address");
        hikari.setPoolName(POOL_NAME);
        hikari.setInitializationFailTimeout(ONE_CONNECTION_ATTEMPT_MILLIS);
        hikari.setMetricsTrackerFactory(new PoolMetrics());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            // HikariCP has already shut down what it had started when it throws this.
            throw connectionFailure(hikari, address, e.getCause() != null ? e.getCause() : e);
        }
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(PING_TIMEOUT_SECONDS)) {
                throw new SQLException("the server did not answer within " + PING_TIMEOUT_SECONDS + " seconds");
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw connectionFailure(hikari, address, e);
        }
        LOG.info("Connected to PostgreSQL at {} as {} (pool of at most {} connections)",
                address, hikari.getUsername(), hikari.getMaximumPoolSize());
        return pool;
    }

    private static WmsException connectionFailure(HikariConfig hikari, String address, Throwable failure) {
        String password = Objects.requireNonNullElse(hikari.getPassword(), "");
        String message = "Cannot connect to PostgreSQL at " + address + " as " + hikari.getUsername() + ": "
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
