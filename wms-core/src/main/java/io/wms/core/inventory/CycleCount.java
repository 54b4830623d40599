package io.wms.core.inventory;

import java.time.Instant;

import io.wms.core.model.CountStatus;

/**
 * A cycle count's header.
 *
 * @param id            the count
 * @param warehouseId   the warehouse counted in
 * @param locationId    the location counted; {@code null} for a product count
 * @param productId     the product counted; {@code null} for a location count
 * @param blind         whether counters see no expected quantities
 * @param status        where the count stands; never {@code null}
 * @param startedByName who started it
 * @param startedAt     when it started, and its lines were snapshotted
 * @param closedByName  who posted or cancelled it; {@code null} while open
 * @param closedAt      when it was posted or cancelled; {@code null} while open
 */
public record CycleCount(long id, long warehouseId, Long locationId, Long productId, boolean blind,
                         CountStatus status, String startedByName, Instant startedAt, String closedByName,
                         Instant closedAt) {
}
