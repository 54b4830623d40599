package io.wms.core.model;

/**
 * Where a reservation stands. Only an open reservation holds units; the others are its record.
 */
public enum ReservationStatus {
    /** Holds its units until it is picked, cancelled or swept. */
    OPEN,
    /** Its units were picked. */
    CONSUMED,
    /** Cancelled by a caller; its units were released. */
    CANCELLED,
    /** Released by the sweep: past its expiry, or holding stock that may no longer be picked. */
    EXPIRED
}
