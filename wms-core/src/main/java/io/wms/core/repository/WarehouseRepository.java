package io.wms.core.repository;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.Warehouse;

/**
 * Warehouses: the buildings whose locations hold stock. The migration creates the default warehouse ({@code MAIN});
 * every warehouse has one default location ({@code DEFAULT}), created with it. Reads need {@code READ_CATALOG},
 * writes {@code MANAGE_LOCATIONS}.
 */
public interface WarehouseRepository {

    /**
     * Creates a warehouse and its default location, whose code is {@code DEFAULT}.
     *
     * @param actor     who creates it; needs {@code MANAGE_LOCATIONS}
     * @param warehouse its code and name
     * @return the created warehouse
     * @throws io.wms.core.error.ValidationException       if the code or name is missing or too long
     * @throws io.wms.core.error.DuplicateException        if another warehouse has the code
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_LOCATIONS}
     */
    @Writes(Permission.MANAGE_LOCATIONS)
    Warehouse create(Actor actor, NewWarehouse warehouse);

    /**
     * Finds a warehouse by id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id    the id
     * @return the warehouse; empty if there is none
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<Warehouse> findById(Actor actor, long id);

    /**
     * Returns the default warehouse, whose default location the calls that name no location act on.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return the default warehouse; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Warehouse defaultWarehouse(Actor actor);

    /**
     * Reads the first page of the warehouses, ordered by code and then id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param limit the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more rows; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<Warehouse> list(Actor actor, int limit);

    /**
     * Reads the page of the warehouses that follows a cursor, ordered by code and then id.
     *
     * @param actor  who reads; needs {@code READ_CATALOG}
     * @param limit  the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<Warehouse> list(Actor actor, int limit, String cursor);
}
