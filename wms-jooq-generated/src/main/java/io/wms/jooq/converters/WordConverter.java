package io.wms.jooq.converters;

import java.util.Locale;

import org.jooq.impl.AbstractConverter;

/**
 * Reads and writes a varchar column of lower-case words as a model enum: the column keeps its words and its CHECK
 * constraint, so hosts' own SQL sees the same values as the library. A constant is stored as its name in lower case
 * ({@code STATUS_CHANGED} as {@code 'status_changed'}); this class is the one place that says so.
 *
 * <p>Thread-safe and stateless.
 *
 * @param <E> the enum
 */
public abstract class WordConverter<E extends Enum<E>> extends AbstractConverter<String, E> {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the converter.
     *
     * @param type the enum
     */
    protected WordConverter(Class<E> type) {
        super(String.class, type);
    }

    /**
     * Returns the word a constant is stored as, for messages and text that quote a stored value.
     *
     * @param constant the constant; never {@code null}
     * @return its name in lower case, for example {@code "quarantined"}
     * @throws NullPointerException if {@code constant} is {@code null}
     */
    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a stored word.
     *
     * @param stored the column's value; {@code null} gives {@code null}
     * @return the constant
     * @throws IllegalArgumentException if the word names no constant, which the column's CHECK constraint rules out
     */
    @Override
    public final E from(String stored) {
        return stored == null ? null : Enum.valueOf(toType(), stored.toUpperCase(Locale.ROOT));
    }

    /**
     * Writes a constant as the column stores it.
     *
     * @param value the constant; {@code null} gives {@code null}
     * @return its lower-case word
     */
    @Override
    public final String to(E value) {
        return value == null ? null : word(value);
    }
}
