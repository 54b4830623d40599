package io.wms.core.error;

/**
 * Thrown when a row cannot be removed because other rows still refer to it, for example a user named by
 * ledger rows that must keep their history.
 *
 * <p>Nothing was written.
 */
public class ReferencedException extends WmsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is still referenced, and from where; never {@code null}
     * @param cause   the underlying database failure; may be {@code null}
     */
    public ReferencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
