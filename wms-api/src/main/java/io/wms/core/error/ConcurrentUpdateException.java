package io.wms.core.error;

/**
 * Thrown when a row changed between reading it and writing it: the caller's version is stale.
 *
 * <p>Nothing was written. Read the row again, decide again, and retry.
 */
public class ConcurrentUpdateException extends WmsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with the standard message.
     *
     * @param entity          the kind of row, for example {@code "product"}; never {@code null}
     * @param id              the row's id
     * @param expectedVersion the version the caller had read
     */
    public ConcurrentUpdateException(String entity, long id, long expectedVersion) {
        super(entity + " " + id + " was changed by someone else since version " + expectedVersion
                + " was read; read it again and retry");
    }
}
