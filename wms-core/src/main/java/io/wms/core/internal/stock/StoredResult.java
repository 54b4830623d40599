package io.wms.core.internal.stock;

import java.util.LinkedHashMap;
import java.util.Map;

import io.wms.core.error.WmsException;
import org.jooq.JSONB;
import org.jooq.impl.AbstractConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes one keyed operation's result in {@code idempotency_keys.result}: the jOOQ converter between the
 * column's {@code jsonb} and the result's type.
 *
 * <p>A result is stored as versioned JSON, {@code {"format":1,"result":{...}}}, its components by name (see
 * {@link IdempotencyJson} for how a record of another release is read: unknown components ignored, missing ones at
 * their default). Results that the previous release stored as text are kept by migration V20 as
 * {@code {"format":0,"text":"..."}} and read through their {@linkplain PreviousResultFormat layout}. A format is
 * added only for a change that reading by name cannot absorb (a component renamed or given another meaning); the
 * reader then keeps reading every earlier one.
 *
 * <p>Thread-safe and immutable.
 *
 * @param <T> the result's type
 */
final class StoredResult<T> extends AbstractConverter<JSONB, T> {

    /** The format this release writes. */
    static final int FORMAT = 1;
    /** The format of the results the previous release stored as text. */
    static final int PREVIOUS_RELEASE_FORMAT = 0;

    private static final long serialVersionUID = 1L;

    private final PreviousResultFormat previous;

    /**
     * Creates the converter of one result type.
     *
     * @param type     the result's type, a record
     * @param previous how the previous release wrote results of this operation
     */
    StoredResult(Class<T> type, PreviousResultFormat previous) {
        super(JSONB.class, type);
        this.previous = previous;
    }

    /**
     * Reads a stored result.
     *
     * @param stored the column's value; {@code null} for none
     * @return the result, or {@code null} if none is stored
     * @throws WmsException if the result is of a format this release does not read (one written by a newer release)
     *                      or is not readable JSON
     */
    @Override
    public T from(JSONB stored) {
        if (stored == null) {
            return null;
        }
        try {
            JsonNode root = IdempotencyJson.MAPPER.readTree(stored.data());
            int format = root.path("format").asInt(-1);
            JsonNode result = switch (format) {
                case FORMAT -> root.path("result");
                case PREVIOUS_RELEASE_FORMAT -> previous.read(root.path("text").asString());
                default -> throw new WmsException("An idempotency key's result is stored in format " + format
                        + ", which this release of wms does not read (it reads " + PREVIOUS_RELEASE_FORMAT + " to "
                        + FORMAT + "): it was stored by a newer release", null);
            };
            return IdempotencyJson.MAPPER.treeToValue(result, toType());
        } catch (JacksonException | IllegalArgumentException unreadable) {
            throw new WmsException("An idempotency key's stored result cannot be read as "
                    + toType().getSimpleName() + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /**
     * Writes a result in the current format.
     *
     * @param result the result; {@code null} for none
     * @return the column's value, or {@code null}
     */
    @Override
    public JSONB to(T result) {
        if (result == null) {
            return null;
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("format", FORMAT);
        stored.put("result", result);
        return JSONB.jsonb(IdempotencyJson.MAPPER.writeValueAsString(stored));
    }
}
