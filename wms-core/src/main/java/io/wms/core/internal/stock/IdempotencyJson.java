package io.wms.core.internal.stock;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the idempotency records: the stored results and the canonical form of the requests.
 *
 * <p>It reads a record written by another release of wms: components it does not know are ignored, and components
 * the stored JSON lacks (added since) take their default: {@code 0} or {@code false} for a primitive, an empty list
 * for a list, {@code null} for anything else. Dates and instants are ISO-8601 text, enums their names. It reads and
 * makes the results through their public accessors and canonical constructors, which it may make accessible on the
 * module path because their packages are exported: no package needs opening.
 *
 * <p>Thread-safe: configured once, then only read.
 */
final class IdempotencyJson {

    /** The mapper; immutable. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withConfigOverride(List.class,
                    list -> list.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
            .build();

    private IdempotencyJson() {
    }
}
