package io.wms.core.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;

/**
 * Collects every rule an input breaks, so that one {@link ValidationException} names all failing fields at once,
 * before any statement is sent.
 */
public final class Validator {

    /** Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the host's concern. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final String subject;
    private final List<Violation> violations = new ArrayList<>();

    private Validator(String subject) {
        this.subject = subject;
    }

    /**
     * Starts validating an input.
     *
     * @param subject what is validated, for messages, for example {@code "new category"}
     * @return a validator with no violations yet
     */
    public static Validator of(String subject) {
        return new Validator(subject);
    }

    /**
     * Checks a required text: present, not blank, at most {@code maxLength} characters, no NUL character.
     *
     * @param field     the field name
     * @param value     the value
     * @param maxLength the column's length
     * @return this validator
     */
    public Validator requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return add(field, Rule.REQUIRED, "is required");
        }
        return optionalText(field, value, maxLength);
    }

    /**
     * Checks an optional text: when present, at most {@code maxLength} characters and no NUL character.
     *
     * @param field     the field name
     * @param value     the value; {@code null} passes
     * @param maxLength the column's length; {@link Integer#MAX_VALUE} for unbounded text
     * @return this validator
     */
    public Validator optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.indexOf('\0') >= 0) {
            add(field, Rule.NO_NUL, "must not contain the NUL character");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            add(field, Rule.MAX_LENGTH, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    /**
     * Checks a required e-mail address of at most {@code maxLength} characters.
     *
     * @param field     the field name
     * @param value     the value
     * @param maxLength the column's length
     * @return this validator
     */
    public Validator email(String field, String value, int maxLength) {
        int before = violations.size();
        requiredText(field, value, maxLength);
        if (violations.size() == before && !EMAIL.matcher(value.strip()).matches()) {
            add(field, Rule.EMAIL, "must be an e-mail address such as name@example.com");
        }
        return this;
    }

    /**
     * Checks that a required value is present.
     *
     * @param field the field name
     * @param value the value
     * @return this validator
     */
    public Validator required(String field, Object value) {
        return value == null ? add(field, Rule.REQUIRED, "is required") : this;
    }

    /**
     * Checks that a number is positive.
     *
     * @param field the field name
     * @param value the value
     * @return this validator
     */
    public Validator positive(String field, long value) {
        return value > 0 ? this : add(field, Rule.POSITIVE, "must be greater than 0, got " + value);
    }

    /**
     * Checks that a number is not negative.
     *
     * @param field the field name
     * @param value the value
     * @return this validator
     */
    public Validator notNegative(String field, long value) {
        return value >= 0 ? this : add(field, Rule.NOT_NEGATIVE, "must not be negative, got " + value);
    }

    /**
     * Checks that a number is at most a limit.
     *
     * @param field the field name
     * @param value the value
     * @param max   the largest allowed value
     * @return this validator
     */
    public Validator atMost(String field, long value, long max) {
        return value <= max ? this : add(field, Rule.MAX, "must be at most " + max + ", got " + value);
    }

    /**
     * Checks that two dates are in order, when both are present.
     *
     * @param earlierField the field that must not be later
     * @param earlier      its value; {@code null} passes
     * @param laterField   the field that must not be earlier
     * @param later        its value; {@code null} passes
     * @return this validator
     */
    public Validator datesInOrder(String earlierField, LocalDate earlier, String laterField, LocalDate later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            add(laterField, Rule.DATE_ORDER, "must not be before " + earlierField + " (" + earlier + "), got " + later);
        }
        return this;
    }

    /**
     * Adds a violation found by the caller's own check.
     *
     * @param field   the field name
     * @param rule    the rule
     * @param message the rule in words
     * @return this validator
     */
    public Validator add(String field, Rule rule, String message) {
        violations.add(new Violation(field, rule, message));
        return this;
    }

    /**
     * Throws if any rule was broken.
     *
     * @throws ValidationException naming every violation collected
     */
    public void validate() {
        if (!violations.isEmpty()) {
            throw new ValidationException(subject, violations);
        }
    }
}
