package io.wms.core.error;

/**
 * Thrown when the schema cannot be migrated or validated: a migration failed, an applied migration was changed
 * after it ran, or the database could not be reached.
 */
public class MigrationException extends WmsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed; never {@code null}
     * @param cause   the underlying Flyway or driver failure; may be {@code null}
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
