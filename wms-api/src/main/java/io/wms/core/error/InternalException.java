package io.wms.core.error;

/**
 * Thrown when an operation failed for a reason wms did not foresee: neither the caller's input, which would be a
 * {@link ValidationException}, nor the database, which would be a {@link DatabaseException} or a
 * {@link RetryableException}. It means a defect in wms; the original failure is the {@linkplain #getCause() cause}.
 *
 * <p>The operation's transaction was rolled back, so the data is as it was. Retrying the same call will most likely
 * fail the same way.
 */
public class InternalException extends WmsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, for example the operation's name; never {@code null}
     * @param cause   the unexpected failure; never {@code null}
     */
    public InternalException(String message, Throwable cause) {
        super(message, cause);
    }
}
