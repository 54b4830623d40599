package io.wms.core.error;

/**
 * Thrown when an operation names a row that does not exist (or is soft-deleted where a live row is needed).
 */
public class NotFoundException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final Object key;

    /**
     * Creates the exception with the standard message, for example "category 42 does not exist", or "the referenced
     * category does not exist" when the key is not known.
     *
     * @param entity the kind of row, in the warehouse's words, for example {@code "category"}; never {@code null}
     * @param key    the id or name that was looked for; may be {@code null} when it is not known
     */
    public NotFoundException(String entity, Object key) {
        super(key == null ? "the referenced " + entity + " does not exist" : entity + " " + key + " does not exist");
        this.entity = entity;
        this.key = key;
    }

    /**
     * Returns the kind of row that was not found.
     *
     * @return for example {@code "category"}; never {@code null}
     */
    public String entity() {
        return entity;
    }

    /**
     * Returns the id or name that was looked for.
     *
     * @return the key; may be {@code null}
     */
    public Object key() {
        return key;
    }
}
