package io.wms.core.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.wms.core.model.ReservationStatus;

/**
 * Units of a product held in a warehouse for a reference, batch by batch and location by location.
 *
 * @param id          the reservation's id
 * @param warehouseId the warehouse
 * @param productId   the product
 * @param reference   what the units are promised to; never {@code null}
 * @param quantity    the units held, the sum of the lines
 * @param dueDate     the day they are needed; {@code null} for the day it was made
 * @param expiresAt   when the sweep releases it if still open; {@code null} for never
 * @param status      where it stands; never {@code null}
 * @param lines       the units per batch and location, first-expired first; never {@code null}
 */
public record Reservation(long id, long warehouseId, long productId, String reference, int quantity,
                          LocalDate dueDate, Instant expiresAt, ReservationStatus status, List<ReservedUnits> lines) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if {@code lines} is {@code null}
     */
    public Reservation {
        lines = List.copyOf(lines);
    }
}
