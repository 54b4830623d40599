package io.wms.jooq.converters;

import io.wms.core.model.CountStatus;

/**
 * Reads and writes {@code cycle_counts.status} ({@code 'open'}, {@code 'posted'}, ...) as a
 * {@link CountStatus}. Thread-safe and stateless.
 */
public final class CountStatusConverter extends WordConverter<CountStatus> {

    private static final long serialVersionUID = 1L;

    /** Creates the converter; the generated table classes hold one per column. */
    public CountStatusConverter() {
        super(CountStatus.class);
    }
}
