package io.wms.core.internal;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the library's statements in as much {@link Detail} as the configured log level asks ({@code DB_LOG_LEVEL}),
 * the way the GO-WMS seed's GORM logger does: failed statements at ERROR, slow ones at WARN, every statement at INFO.
 * Statements built by jOOQ reach it through a jOOQ listener, the hot statements sent on plain JDBC
 * ({@link RenderedStatement}) directly, so both are logged alike.
 *
 * <p>Statements are logged with their {@code ?} placeholders, never with bind values, so that no password hash or
 * personal data reaches a log. The logger is {@value #LOGGER_NAME}, so a host can route or silence it on its own.
 *
 * <p>Thread-safe and immutable.
 */
public final class StatementLog {

    /** The slf4j logger all statement logging goes to. */
    public static final String LOGGER_NAME = "io.wms.sql";

    /** A statement slower than this is logged at WARN (GORM's default slow threshold). */
    public static final Duration SLOW_STATEMENT = Duration.ofMillis(200);

    /** Logs nothing, and costs nothing to ask. */
    public static final StatementLog SILENT = new StatementLog(Detail.NONE, LoggerFactory.getLogger(LOGGER_NAME));

    /** What is logged; each detail includes the ones before it. */
    public enum Detail {
        /** Nothing. */
        NONE,
        /** Failed statements, at ERROR. */
        FAILURES,
        /** Also slow statements, at WARN. */
        SLOW,
        /** Also every other statement, at INFO. */
        EVERY
    }

    private final Detail level;
    private final Logger logger;
    private final long slowNanos;

    /**
     * Creates a log in some detail, writing to a logger, that calls a statement slow past {@link #SLOW_STATEMENT}.
     *
     * @param level  what to log; never {@code null}
     * @param logger where to; never {@code null}
     */
    public StatementLog(Detail level, Logger logger) {
        this(level, logger, SLOW_STATEMENT);
    }

    /**
     * Creates a log in some detail, writing to a logger, with its own threshold of slowness.
     *
     * @param level  what to log; never {@code null}
     * @param logger where to; never {@code null}
     * @param slow   a statement that takes longer is logged at WARN; never {@code null}
     */
    public StatementLog(Detail level, Logger logger, Duration slow) {
        this.level = level;
        this.logger = logger;
        this.slowNanos = slow.toNanos();
    }

    /**
     * Creates a log in some detail, writing to {@value #LOGGER_NAME}.
     *
     * @param level what to log; never {@code null}
     * @return the log; {@link #SILENT} for {@link Detail#NONE}
     */
    public static StatementLog at(Detail level) {
        return level == Detail.NONE ? SILENT : new StatementLog(level, LoggerFactory.getLogger(LOGGER_NAME));
    }

    /**
     * Says whether this log writes nothing at all.
     *
     * @return {@code true} at {@link Detail#NONE}
     */
    public boolean isSilent() {
        return level == Detail.NONE;
    }

    /**
     * Logs a statement that completed: at WARN when it was slow, else at INFO.
     *
     * @param sql          the statement, with its placeholders
     * @param elapsedNanos how long it took
     * @param rows         the rows it returned or changed, or -1 when unknown
     */
    public void executed(String sql, long elapsedNanos, int rows) {
        if (elapsedNanos > slowNanos && level.compareTo(Detail.SLOW) >= 0) {
            logger.warn("Slow statement ({} ms): {}", elapsedNanos / 1_000_000, sql);
        } else if (level == Detail.EVERY) {
            logger.info("{} µs, {} rows: {}", elapsedNanos / 1_000, rows, sql);
        }
    }

    /**
     * Logs a statement that failed: at ERROR, except a refusal by a constraint, which becomes a typed error for the
     * caller, and a conflict (a serialization failure or deadlock), which is retried: both outcomes, not failures of
     * the library, logged at INFO only.
     *
     * @param sql     the statement, with its placeholders
     * @param failure the driver's exception
     */
    public void failed(String sql, SQLException failure) {
        if (level == Detail.NONE) {
            return;
        }
        String sqlState = failure.getSQLState();
        if (SqlStates.isIntegrityConstraintViolation(sqlState)) {
            if (level == Detail.EVERY) {
                logger.info("Refused by a constraint ({}): {}", sqlState, sql);
            }
            return;
        }
        if (SqlStates.isConflict(sqlState)) {
            // Retried by wms, or handed back as a RetryableException for the caller to retry: an outcome of
            // concurrency, not a failure of the library.
            if (level == Detail.EVERY) {
                logger.info("Conflict ({}), to be retried: {}", sqlState, sql);
            }
            return;
        }
        logger.error("Statement failed ({}): {}: {}", sqlState, sql, failure.getMessage());
    }
}
