package io.wms.core.inventory;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.repository.KeysetPage;

/**
 * Reorder points per product and warehouse (min/max), and the report of what to order.
 *
 * <p>Every method checks the actor's permission first and throws
 * {@link io.wms.core.error.PermissionDeniedException} without it. Thread-safe.
 */
public interface ReorderPoints {

    /**
     * Sets a product's reorder point in a warehouse, replacing the one it had. Needs {@code MANAGE_CATALOG}.
     *
     * @param actor who sets it; never {@code null}
     * @param point the point; never {@code null}
     * @return the point as stored
     * @throws io.wms.core.error.ValidationException if the minimum is negative or the maximum not above it
     * @throws io.wms.core.error.NotFoundException   if the product (or a deleted one) or the warehouse is missing
     */
    @Writes(Permission.MANAGE_CATALOG)
    ReorderPoint set(Actor actor, ReorderPoint point);

    /**
     * Finds a product's reorder point in a warehouse. Needs {@code READ_CATALOG}.
     *
     * @param actor       who reads; never {@code null}
     * @param warehouseId the warehouse
     * @param productId   the product
     * @return the point; empty if none is set
     */
    @Reads(Permission.READ_CATALOG)
    Optional<ReorderPoint> find(Actor actor, long warehouseId, long productId);

    /**
     * Removes a product's reorder point in a warehouse. Needs {@code MANAGE_CATALOG}.
     *
     * @param actor       who removes it; never {@code null}
     * @param warehouseId the warehouse
     * @param productId   the product
     * @return {@code true} if there was one
     */
    @Writes(Permission.MANAGE_CATALOG)
    boolean clear(Actor actor, long warehouseId, long productId);

    /**
     * Lists the first page of what to order for a warehouse: live products with a reorder point there whose
     * available units (usable on hand at active locations less reserved) are at or below it, with the quantity that
     * brings each back to its maximum, by product id, in one statement. Needs {@code READ_CATALOG}.
     *
     * @param actor       who reads; never {@code null}
     * @param warehouseId the warehouse
     * @param limit       the most lines on the page, 1 to {@link io.wms.core.repository.PageRequest#MAX_LIMIT}
     * @return the page; empty for a warehouse that is missing or needs nothing
     * @throws io.wms.core.error.ValidationException if the limit is out of range
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ReorderSuggestion> reorderReport(Actor actor, long warehouseId, int limit);

    /**
     * Lists the page after a cursor of what to order for a warehouse, as {@link #reorderReport(Actor, long, int)}
     * does.
     *
     * @param actor       who reads; never {@code null}
     * @param warehouseId the warehouse
     * @param limit       the most lines on the page
     * @param cursor      the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page
     * @throws io.wms.core.error.ValidationException if the limit is out of range or the cursor is not this listing's
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ReorderSuggestion> reorderReport(Actor actor, long warehouseId, int limit, String cursor);
}
