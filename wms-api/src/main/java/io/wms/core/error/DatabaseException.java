package io.wms.core.error;

/**
 * Thrown when the database refuses an operation for a reason that retrying will not change and that is not the
 * caller's input: missing privileges, a schema that does not match this library, an unexpected server error.
 *
 * <p>The operation was rolled back. The message carries the database's own words and SQLSTATE.
 */
public class DatabaseException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param message  what failed; never {@code null}
     * @param sqlState the SQLSTATE the database reported; may be {@code null}
     * @param cause    the underlying failure; may be {@code null}
     */
    public DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /**
     * Returns the SQLSTATE the database reported.
     *
     * @return the SQLSTATE; {@code null} when there was none
     */
    public String sqlState() {
        return sqlState;
    }
}
