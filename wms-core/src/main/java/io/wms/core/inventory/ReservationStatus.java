package io.wms.core.inventory;

import java.util.Arrays;

/**
 * Where a reservation stands. Only an open reservation holds units; the others are its record.
 */
public enum ReservationStatus {
    /** Holds its units until it is picked, cancelled or swept. */
    OPEN("open"),
    /** Its units were picked. */
    CONSUMED("consumed"),
    /** Cancelled by a caller; its units were released. */
    CANCELLED("cancelled"),
    /** Released by the sweep: past its expiry, or holding stock that may no longer be picked. */
    EXPIRED("expired");

    private final String databaseValue;

    ReservationStatus(String databaseValue) {
        this.databaseValue = databaseValue;
    }

    /**
     * Returns the value stored in {@code reservations.status}.
     *
     * @return the lower-case word; never {@code null}
     */
    public String databaseValue() {
        return databaseValue;
    }

    /**
     * Finds the status a stored value names.
     *
     * @param value the value of {@code reservations.status}; never {@code null}
     * @return the status
     * @throws IllegalArgumentException if the value names no status
     */
    public static ReservationStatus fromDatabaseValue(String value) {
        return Arrays.stream(values()).filter(status -> status.databaseValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reservation status " + value));
    }
}
