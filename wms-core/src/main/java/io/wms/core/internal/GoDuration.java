package io.wms.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Reads durations written the way Go's {@code time.ParseDuration} reads them, such as {@code 90s}, {@code 30m},
 * {@code 1h30m}, {@code 500ms} or {@code 1.5h}, so that the environment of the Go seed works unchanged.
 *
 * <p>A duration is one or more numbers, each with an optional decimal fraction and a unit: {@code ns}, {@code us}
 * (or {@code µs}), {@code ms}, {@code s}, {@code m} or {@code h}. A lone {@code 0} needs no unit. A leading
 * {@code +} is allowed, as in Go; negative durations are refused, because no setting of this library can use one.
 * Like Go, the result is whole nanoseconds (finer fractions are dropped) and at most about 292 years.
 */
public final class GoDuration {

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /**
     * Parses a Go-style duration.
     *
     * @param text the duration, for example {@code "1h30m"}; surrounding whitespace is not allowed
     * @return the duration; never negative
     * @throws IllegalArgumentException if {@code text} is {@code null}, empty, negative, has a number without a
     *                                  unit or an unknown unit, or is too long to count in nanoseconds; the message
     *                                  says which
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a duration is needed, such as 90s, 30m or 1h30m; got nothing");
        }
        if (text.startsWith("-")) {
            throw invalid(text, "negative durations are not allowed");
        }
        String rest = text.startsWith("+") ? text.substring(1) : text;
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid(text, "no number");
        }
        BigDecimal totalNanos = BigDecimal.ZERO;
        int position = 0;
        while (position < rest.length()) {
            int numberEnd = endOfNumber(rest, position);
            String number = rest.substring(position, numberEnd);
            if (number.isEmpty() || number.equals(".")) {
                throw invalid(text, "expected a number at '" + rest.substring(position) + "'");
            }
            int unitEnd = endOfUnit(rest, numberEnd);
            String unit = rest.substring(numberEnd, unitEnd);
            if (unit.isEmpty()) {
                throw invalid(text, "'" + number + "' has no unit (use ns, us, ms, s, m or h)");
            }
            Long nanosPerUnit = NANOS_PER_UNIT.get(unit);
            if (nanosPerUnit == null) {
                throw invalid(text, "unknown unit '" + unit + "' (use ns, us, ms, s, m or h)");
            }
            totalNanos = totalNanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(nanosPerUnit)));
            position = unitEnd;
        }
        BigInteger wholeNanos = totalNanos.toBigInteger();
        if (wholeNanos.compareTo(MAX_NANOS) > 0) {
            throw invalid(text, "too long (at most about 292 years)");
        }
        return Duration.ofNanos(wholeNanos.longValueExact());
    }

    private static int endOfNumber(String text, int start) {
        int position = start;
        boolean seenPoint = false;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else if (c < '0' || c > '9') {
                break;
            }
            position++;
        }
        return position;
    }

    private static int endOfUnit(String text, int start) {
        int position = start;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.' || (c >= '0' && c <= '9')) {
                break;
            }
            position++;
        }
        return position;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException("not a duration: '" + text + "': " + reason);
    }
}
