package io.wms.jooq.converters;

import io.wms.core.model.TrackAction;

/**
 * Reads and writes {@code product_batch_tracks.action} ({@code 'received'}, {@code 'picked'}, ...) as a
 * {@link TrackAction}. Thread-safe and stateless.
 */
public final class TrackActionConverter extends WordConverter<TrackAction> {

    private static final long serialVersionUID = 1L;

    /** Creates the converter; the generated table classes hold one per column. */
    public TrackActionConverter() {
        super(TrackAction.class);
    }
}
