package io.wms.core.error;

import java.util.Objects;

/**
 * One rule that one field of an input breaks.
 *
 * @param field   the field, as named in the command type, for example {@code "email"}; never {@code null}
 * @param rule    the rule, a stable word a program can act on, for example {@code "required"} or
 *                {@code "max_length"}; never {@code null}
 * @param message the rule in words, for a person, for example "must be at most 255 characters"; never {@code null}
 */
public record Violation(String field, String rule, String message) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if any component is {@code null}
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
