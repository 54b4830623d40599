package io.wms.core.repository;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The bounds every input of wms is held to, beyond the width of its column: how long free text may be, and which
 * days and instants are accepted. A value outside them is refused with a
 * {@link io.wms.core.error.ValidationException} naming the field and the rule, before any statement is sent.
 *
 * <p>The date range is the one every calendar in play agrees on: PostgreSQL, {@code java.time} and ISO 8601 all
 * count years 1 to 9999 the same way (proleptic Gregorian, four digits), so a day is stored exactly as it was given.
 * Outside it they disagree: PostgreSQL has no year 0 and writes years before 1 as BC, and years beyond 9999 need a
 * sign in ISO 8601.
 */
public final class InputLimits {

    /** The longest description of a category, brand, product or role, in characters (code points). */
    public static final int MAX_DESCRIPTION_LENGTH = 2_000;

    /**
     * The longest note or reason of a stock movement or status change, in characters (code points). A keyed
     * operation stores its request, note included, a second time with its idempotency key.
     */
    public static final int MAX_NOTE_LENGTH = 1_000;

    /** The earliest day accepted: 1 January of year 1. */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

    /** The latest day accepted: 31 December 9999. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    /** The earliest instant accepted: the start of {@link #MIN_DATE} in UTC. */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest instant accepted: the last microsecond of {@link #MAX_DATE} in UTC, PostgreSQL's precision. */
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private InputLimits() {
    }
}
