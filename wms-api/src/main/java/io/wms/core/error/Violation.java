package io.wms.core.error;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule that one field of an input breaks.
 *
 * @param field   the field, as named in the command type, for example {@code "email"}; never {@code null}
 * @param rule    the rule, a stable word a program can act on: the {@link Rule#word() word} of one of the
 *                {@link Rule}s, for example {@code "required"} or {@code "max_length"}; never {@code null}
 * @param message the rule in words, for a person, for example "must be at most 255 characters"; never {@code null}
 */
public record Violation(String field, String rule, String message) {

    /**
     * Every rule wms reports, by the word that {@link Violation#rule()} carries. The words are a contract: a program
     * may act on them, so they never change; new rules may be added.
     */
    public enum Rule {
        /** A value is missing or blank. */
        REQUIRED,
        /** A text is longer than its column allows. */
        MAX_LENGTH,
        /** A text is shorter than its policy demands (passwords). */
        MIN_LENGTH,
        /** A text takes more bytes than allowed (passwords, for bcrypt). */
        MAX_BYTES,
        /** A text contains the NUL character, which PostgreSQL cannot store. */
        NO_NUL,
        /** A text contains a character PostgreSQL cannot store in the database's encoding. */
        ENCODING,
        /** An e-mail address is not one. */
        EMAIL,
        /** A number is 0 or negative. */
        POSITIVE,
        /** A number is negative. */
        NOT_NEGATIVE,
        /** A number is 0. */
        NOT_ZERO,
        /** A number is below its least value. */
        MIN,
        /** A number is above its greatest value. */
        MAX,
        /** A value is out of its column's range. */
        RANGE,
        /** A later date is before an earlier one. */
        DATE_ORDER,
        /** A paging cursor does not belong to the listing. */
        CURSOR,
        /** A value is not one of a closed set (a status, a ledger action). */
        KNOWN,
        /** Two values must be both set or both empty. */
        PAIR,
        /** A value breaks a database constraint that has no rule of its own. */
        CONSTRAINT,
        /** A built-in row (a role) cannot be changed that way. */
        BUILT_IN,
        /** An idempotency key was already used for a different request. */
        REUSED,
        /** A lot's dates differ from those of the batch it would be received into. */
        SAME_LOT,
        /** Stock is expired, or would be received already expired. */
        EXPIRED,
        /** A batch may not receive stock in its status. */
        NOT_RECEIVABLE,
        /** A batch may not be picked from in its status, or is expired. */
        NOT_PICKABLE,
        /** A recalled batch may not be corrected. */
        RECALLED,
        /** Pickable stock may not be disposed of or returned. */
        PICKABLE,
        /** A text holds a character a person cannot see: a space, a control or an invisible character. */
        VISIBLE,
        /** A text mixes letters of more than one script, as look-alike spoofing does. */
        ONE_SCRIPT,
        /** A date is outside the range wms stores. */
        DATE_RANGE,
        /** An instant is outside the range wms stores. */
        INSTANT_RANGE,
        /** A text holds a lone UTF-16 surrogate, which is no character. */
        NO_LONE_SURROGATE,
        /** More values are given in one call than one call accepts. */
        MAX_PER_BATCH,
        /** A host's connection must be in a transaction (auto-commit off) for wms to join it. */
        IN_TRANSACTION,
        /** A location is inactive: it receives no stock. */
        INACTIVE,
        /** A location still holds stock, and may not be deactivated. */
        NOT_EMPTY,
        /** A location would lie inside itself in the hierarchy. */
        CYCLE,
        /** A batch's quantity would differ from the sum of its units over its locations. */
        SUM_OF_LOCATIONS,
        /** Two values must differ (a transfer's source and destination). */
        DIFFERENT,
        /** Units are held by open reservations: only a pick of those reservations may take them. */
        RESERVED,
        /** A cycle count or a reservation is no longer open (posted, consumed, cancelled or expired). */
        NOT_OPEN,
        /** A batch or location lies outside a cycle count's scope. */
        OUT_OF_SCOPE;

        private final String word = name().toLowerCase(Locale.ROOT);

        /**
         * Returns the word {@link Violation#rule()} carries for this rule.
         *
         * @return the lower-case word, for example {@code "max_length"}; never {@code null}
         */
        public String word() {
            return word;
        }

        /**
         * Finds the rule a word names.
         *
         * @param word a rule's word, for example {@code "required"}; may be {@code null}
         * @return the rule; empty if the word names none
         */
        public static Optional<Rule> of(String word) {
            return Arrays.stream(values()).filter(rule -> rule.word.equals(word)).findFirst();
        }
    }

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

    /**
     * Creates the record for one of wms's rules.
     *
     * @param field   the field; never {@code null}
     * @param rule    the rule; never {@code null}
     * @param message the rule in words; never {@code null}
     * @throws NullPointerException if any argument is {@code null}
     */
    public Violation(String field, Rule rule, String message) {
        this(field, Objects.requireNonNull(rule, "rule").word(), message);
    }

    /**
     * Tells whether this violation breaks a rule.
     *
     * @param candidate the rule; never {@code null}
     * @return {@code true} if {@link #rule()} is the candidate's word
     */
    public boolean breaks(Rule candidate) {
        return rule.equals(candidate.word());
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}
