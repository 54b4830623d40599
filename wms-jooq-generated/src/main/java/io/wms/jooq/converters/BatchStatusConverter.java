package io.wms.jooq.converters;

import io.wms.core.model.BatchStatus;

/**
 * Reads and writes {@code product_batches.status} ({@code 'active'}, {@code 'quarantined'}, ...) as a
 * {@link BatchStatus}. Thread-safe and stateless.
 */
public final class BatchStatusConverter extends WordConverter<BatchStatus> {

    private static final long serialVersionUID = 1L;

    /** Creates the converter; the generated table classes hold one per column. */
    public BatchStatusConverter() {
        super(BatchStatus.class);
    }
}
