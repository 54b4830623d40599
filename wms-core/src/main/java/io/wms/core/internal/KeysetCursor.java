package io.wms.core.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import io.wms.core.repository.InputLimits;

/**
 * The opaque cursor of a keyset page: the last row's sort value and id, and the kind of listing it belongs to, so
 * that a cursor cannot be replayed against a listing in another order.
 *
 * <p>Each part is Base64url-encoded on its own, which keeps any character of a sort value (a product name may hold
 * dots, quotes or newlines) from breaking the format.
 *
 * @param kind  the listing and order, for example {@code "product:NAME:ASC"}
 * @param value the last row's sort value as text; empty when the order is by id alone
 * @param id    the last row's id
 */
public record KeysetCursor(String kind, String value, long id) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Renders the cursor as the string handed to callers.
     *
     * @return the opaque cursor
     */
    public String encode() {
        return encoded(kind) + "." + encoded(value) + "." + encoded(Long.toString(id));
    }

    /**
     * Reads a cursor a caller handed back.
     *
     * @param cursor       the string
     * @param expectedKind the listing and order the cursor must belong to
     * @return the cursor, or empty if it is malformed or belongs to another listing or order
     */
    public static Optional<KeysetCursor> decode(String cursor, String expectedKind) {
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String kind = decoded(parts[0]);
            long id = Long.parseLong(decoded(parts[2]));
            return kind.equals(expectedKind) ? Optional.of(new KeysetCursor(kind, decoded(parts[1]), id))
                    : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Reads the sort value as an instant, for listings ordered by time. Only instants wms could have written are
     * read: a forged cursor carrying one outside {@link InputLimits#MIN_INSTANT} to {@link InputLimits#MAX_INSTANT}
     * (such as {@link Instant#MAX}, which no timestamp column can hold) is as malformed as one that is not an instant.
     *
     * @return the instant, or empty if the value is not one or lies outside the supported range
     */
    public Optional<Instant> valueAsInstant() {
        try {
            Instant instant = Instant.parse(value);
            return instant.isBefore(InputLimits.MIN_INSTANT) || instant.isAfter(InputLimits.MAX_INSTANT)
                    ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    private static String encoded(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decoded(String encoded) {
        return new String(DECODER.decode(encoded), StandardCharsets.UTF_8);
    }
}
