package io.wms.core.model;

import java.time.Instant;

/**
 * A warehouse: the building whose locations hold stock.
 *
 * @param id        the warehouse's id
 * @param code      its code, unique among warehouses; never {@code null}
 * @param name      its name; never {@code null}
 * @param isDefault whether it is the default warehouse, whose default location holds the stock of calls that name no
 *                  location (exactly one warehouse is)
 * @param createdAt when it was created; never {@code null}
 * @param updatedAt when it last changed; never {@code null}
 * @param version   the row version; grows by one per change
 */
public record Warehouse(long id, String code, String name, boolean isDefault, Instant createdAt, Instant updatedAt,
                        long version) {
}
