package io.wms.jooq.converters;

import org.jooq.impl.AbstractConverter;

/**
 * Reads and writes a varchar column of lower-case words as a model enum: the column keeps its words and its CHECK
 * constraint, so hosts' own SQL sees the same values as the library.
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
     * Names the constant a stored word stands for.
     *
     * @param word a word the column holds; never {@code null}
     * @return the constant
     * @throws IllegalArgumentException if the word names no constant
     */
    protected abstract E constant(String word);

    /**
     * Names the word a constant is stored as.
     *
     * @param value the constant; never {@code null}
     * @return its word
     */
    protected abstract String word(E value);

    /**
     * Reads a stored word.
     *
     * @param stored the column's value; {@code null} gives {@code null}
     * @return the constant
     * @throws IllegalArgumentException if the word names no constant, which the column's CHECK constraint rules out
     */
    @Override
    public final E from(String stored) {
        return stored == null ? null : constant(stored);
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
