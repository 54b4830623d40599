package io.wms.core;

import io.wms.core.internal.StatementLog;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Hands every statement jOOQ runs for the library to the {@link StatementLog}, with its duration, its row count or
 * its failure; the statements sent on plain JDBC log themselves there too.
 */
final class StatementLogger implements ExecuteListener {

    private static final long serialVersionUID = 1L;
    private static final String STARTED = "io.wms.sql.started";

    private final transient StatementLog log;

    StatementLogger(StatementLog log) {
        this.log = log;
    }

    /**
     * Says what a log level logs of the library's statements.
     *
     * @param level the configured level
     * @return its detail
     */
    static StatementLog.Detail detail(LogLevel level) {
        return switch (level) {
            case SILENT -> StatementLog.Detail.NONE;
            case ERROR -> StatementLog.Detail.FAILURES;
            case WARN -> StatementLog.Detail.SLOW;
            case INFO -> StatementLog.Detail.EVERY;
        };
    }


    @Override
    public void executeStart(ExecuteContext context) {
        context.data(STARTED, System.nanoTime());
    }

    @Override
    public void executeEnd(ExecuteContext context) {
        if (context.data(STARTED) instanceof Long startNanos) {
            log.executed(context.sql(), System.nanoTime() - startNanos, context.rows());
        }
    }

    @Override
    public void exception(ExecuteContext context) {
        if (context.sqlException() != null) {
            log.failed(context.sql(), context.sqlException());
        }
    }
}
