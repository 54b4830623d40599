package io.wms.core.error;

/**
 * The root of every exception the wms library throws.
 *
 * <p>All wms exceptions are unchecked. A caller that wants to handle every failure of the library in one place
 * catches this type; a caller that acts on a particular outcome catches the subtype named for it (for example a
 * duplicate name, missing stock or a refused permission). Driver and jOOQ exceptions never escape the library:
 * they are translated into a subtype of this class, with the original kept as the {@linkplain #getCause() cause}.
 *
 * <p>The root and every subtype live in this one package of the lowest module, {@code wms-api}, so that every module
 * shares them and a caller finds them all in one place.
 */
public class WmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what failed.
     *
     * @param message what failed, for a person to read; never {@code null}
     */
    public WmsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message that says what failed and the exception that caused it.
     *
     * @param message what failed, for a person to read; never {@code null}
     * @param cause   the underlying failure; may be {@code null}
     */
    public WmsException(String message, Throwable cause) {
        super(message, cause);
    }
}
