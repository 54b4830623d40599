package io.wms.jooq.converters;

import io.wms.core.model.ReservationStatus;

/**
 * Reads and writes {@code reservations.status} ({@code 'open'}, {@code 'consumed'}, ...) as a
 * {@link ReservationStatus}. Thread-safe and stateless.
 */
public final class ReservationStatusConverter extends WordConverter<ReservationStatus> {

    private static final long serialVersionUID = 1L;

    /** Creates the converter; the generated table classes hold one per column. */
    public ReservationStatusConverter() {
        super(ReservationStatus.class);
    }
}
