package io.wms.core.error;

/**
 * Thrown when an operation failed for a passing reason and may succeed if simply tried again: a serialization
 * failure or deadlock that persisted through the library's own bounded retries, a lost connection, a server that
 * is restarting or shutting down.
 *
 * <p>The operation was rolled back as a whole: nothing of it is applied. Operations that take an idempotency key
 * are safe to retry with the same key even when it is unclear whether the first attempt committed.
 */
public class RetryableException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message  what failed; never {@code null}
     * @param sqlState the SQLSTATE the database reported; may be {@code null} (for example no connection)
     * @param cause    the underlying failure; may be {@code null}
     */
    public RetryableException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /**
     * Returns the SQLSTATE the database reported, for logs and metrics.
     *
     * @return for example {@code "40001"}; {@code null} when there was none
     */
    public String sqlState() {
        return sqlState;
    }
}
