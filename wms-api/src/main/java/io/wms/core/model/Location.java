package io.wms.core.model;

import java.time.Instant;

/**
 * A place inside a warehouse that can hold stock: a zone, an aisle, a bin, at any depth of the hierarchy.
 *
 * @param id           the location's id
 * @param warehouseId  the warehouse it is in
 * @param parentId     the location it lies inside, in the same warehouse; {@code null} for a top-level location
 * @param code         its code, unique within its warehouse; never {@code null}
 * @param name         its name; {@code null} if it has none
 * @param active       whether it receives stock; an inactive location holds none
 * @param pickSequence where it comes on a picker's walk, lower first among batches that expire alike; {@code null}
 *                     for after every location that has one
 * @param isDefault    whether it is its warehouse's default location (always active)
 * @param createdAt    when it was created; never {@code null}
 * @param updatedAt    when it last changed; never {@code null}
 * @param version      the row version; grows by one per change
 */
public record Location(long id, long warehouseId, Long parentId, String code, String name, boolean active,
                       Integer pickSequence, boolean isDefault, Instant createdAt, Instant updatedAt, long version) {
}
