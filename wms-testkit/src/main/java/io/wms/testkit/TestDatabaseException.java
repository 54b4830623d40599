package io.wms.testkit;

import io.wms.core.error.WmsException;

/**
 * Thrown when the testkit cannot provide a database: the server is unreachable or does not start, or a database
 * cannot be created or dropped.
 */
public class TestDatabaseException extends WmsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; never {@code null}
     * @param cause   the underlying failure; may be {@code null}
     */
    public TestDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
