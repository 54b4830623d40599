package io.wms.core.error;

/**
 * Thrown when a row would break a uniqueness rule, for example "a category named 'Food' already exists".
 *
 * <p>Nothing was written: the statement that met the duplicate was rolled back.
 */
public class DuplicateException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String field;
    private final Object value;

    /**
     * Creates the exception with the standard message.
     *
     * @param entity the kind of row, for example {@code "category"}; never {@code null}
     * @param field  the field that must be unique, for example {@code "name"}; never {@code null}
     * @param value  the value that is already taken; may be {@code null} when the database did not say
     * @param cause  the underlying database failure; may be {@code null}
     */
    public DuplicateException(String entity, String field, Object value, Throwable cause) {
        super(message(entity, field, value), cause);
        this.entity = entity;
        this.field = field;
        this.value = value;
    }

    private static String message(String entity, String field, Object value) {
        String article = "aeiou".indexOf(Character.toLowerCase(entity.charAt(0))) >= 0 ? "an " : "a ";
        if (value == null) {
            return article + entity + " with the same " + field + " already exists";
        }
        String quoted = "'" + value + "'";
        return article + entity + ("name".equals(field) ? " named " + quoted : " with " + field + " " + quoted)
                + " already exists";
    }

    /**
     * Returns the kind of row.
     *
     * @return for example {@code "category"}; never {@code null}
     */
    public String entity() {
        return entity;
    }

    /**
     * Returns the field whose value is taken.
     *
     * @return for example {@code "name"}; never {@code null}
     */
    public String field() {
        return field;
    }

    /**
     * Returns the value that is taken.
     *
     * @return the value; may be {@code null} when not known
     */
    public Object value() {
        return value;
    }
}
