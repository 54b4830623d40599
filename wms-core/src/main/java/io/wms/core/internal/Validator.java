package io.wms.core.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.Violation;
import io.wms.core.repository.InputLimits;

/**
 * Collects every rule an input breaks, so that one {@link ValidationException} names all failing fields at once,
 * before any statement is sent.
 */
public final class Validator {

    /** Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the host's concern. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Digits, punctuation and combining marks belong to no script of their own, so they mix with any. */
    private static final Set<Character.UnicodeScript> NEUTRAL_SCRIPTS = EnumSet.of(Character.UnicodeScript.COMMON,
            Character.UnicodeScript.INHERITED, Character.UnicodeScript.UNKNOWN);

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
     * Checks an optional text: when present, at most {@code maxLength} characters, no NUL character and no lone
     * UTF-16 surrogate. PostgreSQL cannot store NUL, and a lone surrogate has no UTF-8 form: the driver would send
     * {@code ?} in its place, so what is stored would not be what was given.
     *
     * @param field     the field name
     * @param value     the value; {@code null} passes
     * @param maxLength the column's length or the cap of {@link InputLimits}
     * @return this validator
     */
    public Validator optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return this;
        }
        if (value.indexOf('\0') >= 0) {
            add(field, Rule.NO_NUL, "must not contain the NUL character");
        }
        int loneSurrogate = firstLoneSurrogate(value);
        if (loneSurrogate >= 0) {
            add(field, Rule.NO_LONE_SURROGATE, "must be valid Unicode text, but holds a lone surrogate "
                    + codePointName(value.charAt(loneSurrogate)) + " at index " + loneSurrogate);
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            add(field, Rule.MAX_LENGTH, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    private static int firstLoneSurrogate(String value) {
        for (int index = 0; index < value.length(); index++) {
            char unit = value.charAt(index);
            if (Character.isHighSurrogate(unit) && index + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(unit)) {
                return index;
            }
        }
        return -1;
    }

    /**
     * Checks a required e-mail address of at most {@code maxLength} characters. Beyond the shape (one {@code @}, a
     * dot in the domain), it refuses what makes two addresses look alike: any space (U+00A0 included), invisible
     * formatting character (U+200B to U+200D, U+2060, U+FEFF and every other of category Cf), control, private-use
     * or unassigned character, and a local part or domain whose letters mix scripts (a Cyrillic {@code а} among
     * Latin letters). Surrounding white space is ignored, as it is when the address is stored.
     *
     * @param field     the field name
     * @param value     the value
     * @param maxLength the column's length
     * @return this validator
     */
    public Validator email(String field, String value, int maxLength) {
        int before = violations.size();
        requiredText(field, value, maxLength);
        if (violations.size() != before) {
            return this;
        }
        String address = value.strip();
        int invisible = address.codePoints().filter(Validator::isInvisible).findFirst().orElse(-1);
        if (invisible >= 0) {
            return add(field, Rule.VISIBLE, "must not contain spaces, invisible or control characters, found "
                    + codePointName(invisible));
        }
        if (!EMAIL.matcher(address).matches()) {
            return add(field, Rule.EMAIL, "must be an e-mail address such as name@example.com");
        }
        int at = address.indexOf('@');
        singleScript(field, "local part", address.substring(0, at));
        return singleScript(field, "domain", address.substring(at + 1));
    }

    private Validator singleScript(String field, String part, String text) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        text.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(script -> !NEUTRAL_SCRIPTS.contains(script))
                .forEach(scripts::add);
        return scripts.size() <= 1 ? this : add(field, Rule.ONE_SCRIPT, "must not mix scripts in its " + part
                + ", found " + scripts.stream().map(script -> script.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static boolean isInvisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static String codePointName(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
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
     * Checks that a day, when present, lies within {@link InputLimits#MIN_DATE} and {@link InputLimits#MAX_DATE}.
     *
     * @param field the field name
     * @param value the value; {@code null} passes
     * @return this validator
     */
    public Validator date(String field, LocalDate value) {
        return value == null || inRange(value, InputLimits.MIN_DATE, InputLimits.MAX_DATE) ? this
                : add(field, Rule.DATE_RANGE, "must be from " + InputLimits.MIN_DATE + " to " + InputLimits.MAX_DATE
                        + ", got " + value);
    }

    /**
     * Checks that an instant, when present, lies within {@link InputLimits#MIN_INSTANT} and
     * {@link InputLimits#MAX_INSTANT}.
     *
     * @param field the field name
     * @param value the value; {@code null} passes
     * @return this validator
     */
    public Validator instant(String field, Instant value) {
        return value == null || inRange(value, InputLimits.MIN_INSTANT, InputLimits.MAX_INSTANT) ? this
                : add(field, Rule.INSTANT_RANGE, "must be from " + InputLimits.MIN_INSTANT + " to "
                        + InputLimits.MAX_INSTANT + ", got " + value);
    }

    /**
     * Checks two days, each present one within the supported range ({@link #date}), and in order when both are
     * present and in range.
     *
     * @param earlierField the field that must not be later
     * @param earlier      its value; {@code null} passes
     * @param laterField   the field that must not be earlier
     * @param later        its value; {@code null} passes
     * @return this validator
     */
    public Validator datesInOrder(String earlierField, LocalDate earlier, String laterField, LocalDate later) {
        return inOrder(earlierField, earlier, laterField, later, this::date);
    }

    /**
     * Checks two instants, each present one within the supported range ({@link #instant}), and in order when both
     * are present and in range.
     *
     * @param earlierField the field that must not be later
     * @param earlier      its value; {@code null} passes
     * @param laterField   the field that must not be earlier
     * @param later        its value; {@code null} passes
     * @return this validator
     */
    public Validator instantsInOrder(String earlierField, Instant earlier, String laterField, Instant later) {
        return inOrder(earlierField, earlier, laterField, later, this::instant);
    }

    private <T extends Comparable<? super T>> Validator inOrder(String earlierField, T earlier, String laterField,
                                                               T later, BiFunction<String, T, Validator> rangeCheck) {
        int before = violations.size();
        rangeCheck.apply(earlierField, earlier);
        rangeCheck.apply(laterField, later);
        if (violations.size() == before && earlier != null && later != null && later.compareTo(earlier) < 0) {
            add(laterField, Rule.DATE_ORDER, "must not be before " + earlierField + " (" + earlier + "), got " + later);
        }
        return this;
    }

    private static <T extends Comparable<? super T>> boolean inRange(T value, T min, T max) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
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
