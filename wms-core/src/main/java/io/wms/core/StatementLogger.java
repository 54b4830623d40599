package io.wms.core;

import java.time.Duration;

import io.wms.core.LogLevel;
import io.wms.core.internal.SqlStates;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the library's database work at the configured {@link LogLevel} ({@code DB_LOG_LEVEL}), the way the GO-WMS
 * seed's GORM logger does: failed statements at ERROR, slow ones at WARN, every statement at INFO.
 *
 * <p>Statements are logged with their {@code ?} placeholders, never with bind values, so that no password hash or
 * personal data reaches a log. The logger is {@value #LOGGER_NAME}, so a host can route or silence it on its own.
 */
final class StatementLogger implements ExecuteListener {

    /** The slf4j logger all statement logging goes to. */
    static final String LOGGER_NAME = "io.wms.sql";

    /** A statement slower than this is logged at WARN (GORM's default slow threshold). */
    static final Duration SLOW_STATEMENT = Duration.ofMillis(200);

    private static final long serialVersionUID = 1L;
    private static final String STARTED = "io.wms.sql.started";

    private final transient Logger logger;
    private final LogLevel level;

    StatementLogger(LogLevel level) {
        this(level, LoggerFactory.getLogger(LOGGER_NAME));
    }

    StatementLogger(LogLevel level, Logger logger) {
        this.level = level;
        this.logger = logger;
    }

    @Override
    public void executeStart(ExecuteContext context) {
        context.data(STARTED, System.nanoTime());
    }

    @Override
    public void executeEnd(ExecuteContext context) {
        Object started = context.data(STARTED);
        if (!(started instanceof Long startNanos)) {
            return;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        if (elapsed.compareTo(SLOW_STATEMENT) > 0 && level.compareTo(LogLevel.WARN) >= 0) {
            logger.warn("Slow statement ({} ms): {}", elapsed.toMillis(), context.sql());
        } else if (level == LogLevel.INFO) {
            logger.info("{} µs, {} rows: {}", elapsed.toNanos() / 1_000, context.rows(), context.sql());
        }
    }

    @Override
    public void exception(ExecuteContext context) {
        if (level.compareTo(LogLevel.ERROR) < 0 || context.sqlException() == null) {
            return;
        }
        String sqlState = context.sqlException().getSQLState();
        // Constraint violations become typed errors for the caller; they are outcomes, not failures of the library.
        if (SqlStates.isIntegrityConstraintViolation(sqlState)) {
            if (level == LogLevel.INFO) {
                logger.info("Refused by a constraint ({}): {}", sqlState, context.sql());
            }
            return;
        }
        logger.error("Statement failed ({}): {}: {}", sqlState, context.sql(), context.sqlException().getMessage());
    }
}
