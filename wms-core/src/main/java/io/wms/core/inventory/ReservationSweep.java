package io.wms.core.inventory;

import java.time.Instant;
import java.util.List;

/**
 * What one run of {@link ReservationService#sweepExpiredReservations} released.
 *
 * @param sweptAt  the instant of the instance's clock the sweep compared expiries with
 * @param released the reservations it marked expired, by id, ascending; never {@code null}
 */
public record ReservationSweep(Instant sweptAt, List<Long> released) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if {@code released} is {@code null}
     */
    public ReservationSweep {
        released = List.copyOf(released);
    }
}
