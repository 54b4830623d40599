package io.wms.core.repository;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.Location;
import io.wms.core.model.LocationStock;

/**
 * The locations of the warehouses (zones, aisles, bins, at any depth) and the stock each holds. Reads need
 * {@code READ_CATALOG}, writes {@code MANAGE_LOCATIONS}. A location is never deleted: one that holds no stock is
 * deactivated, and receives none until it is activated again.
 */
public interface LocationRepository {

    /**
     * Creates an active location.
     *
     * @param actor    who creates it; needs {@code MANAGE_LOCATIONS}
     * @param location its warehouse, parent, code, name and pick sequence
     * @return the created location
     * @throws io.wms.core.error.ValidationException       if the code is missing or too long, the name too long, or
     *                                                     the pick sequence negative
     * @throws io.wms.core.error.NotFoundException         if the warehouse is missing, or the parent is missing or
     *                                                     in another warehouse
     * @throws io.wms.core.error.DuplicateException        if the warehouse has a location with the code
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_LOCATIONS}
     */
    @Writes(Permission.MANAGE_LOCATIONS)
    Location create(Actor actor, NewLocation location);

    /**
     * Finds a location by id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id    the id
     * @return the location; empty if there is none
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<Location> findById(Actor actor, long id);

    /**
     * Finds a location by its code within its warehouse.
     *
     * @param actor       who reads; needs {@code READ_CATALOG}
     * @param warehouseId the warehouse
     * @param code        the code, matched exactly after stripping surrounding blanks; never {@code null}
     * @return the location; empty if there is none
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<Location> findByCode(Actor actor, long warehouseId, String code);

    /**
     * Returns the default location of the default warehouse: where the calls that name no location receive, pick,
     * adjust and remove stock.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return the default location; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Location defaultLocation(Actor actor);

    /**
     * Moves a location (and everything inside it) under another parent of its warehouse.
     *
     * @param actor           who moves it; needs {@code MANAGE_LOCATIONS}
     * @param id              the location
     * @param parentId        the new parent, in the same warehouse
     * @param expectedVersion the version the caller read
     * @return the location after the move
     * @throws io.wms.core.error.ValidationException        if the new parent is the location itself or lies inside
     *                                                      it (rule {@code cycle})
     * @throws io.wms.core.error.NotFoundException          if the location is missing, or the parent is missing or in
     *                                                      another warehouse
     * @throws io.wms.core.error.ConcurrentUpdateException  if the location changed since the caller read it
     * @throws io.wms.core.error.PermissionDeniedException  if the actor lacks {@code MANAGE_LOCATIONS}
     */
    @Writes(Permission.MANAGE_LOCATIONS)
    Location move(Actor actor, long id, long parentId, long expectedVersion);

    /**
     * Moves a location (and everything inside it) to the top level of its warehouse.
     *
     * @param actor           who moves it; needs {@code MANAGE_LOCATIONS}
     * @param id              the location
     * @param expectedVersion the version the caller read
     * @return the location after the move
     * @throws io.wms.core.error.NotFoundException          if the location is missing
     * @throws io.wms.core.error.ConcurrentUpdateException  if the location changed since the caller read it
     * @throws io.wms.core.error.PermissionDeniedException  if the actor lacks {@code MANAGE_LOCATIONS}
     */
    @Writes(Permission.MANAGE_LOCATIONS)
    Location moveToTopLevel(Actor actor, long id, long expectedVersion);

    /**
     * Deactivates an empty location: it receives no stock and is left out of picks until activated again.
     *
     * @param actor           who deactivates it; needs {@code MANAGE_LOCATIONS}
     * @param id              the location
     * @param expectedVersion the version the caller read
     * @return the location after the change
     * @throws io.wms.core.error.ValidationException       if it still holds stock (rule {@code not_empty}) or is its
     *                                                     warehouse's default location (rule {@code built_in})
     * @throws io.wms.core.error.NotFoundException         if the location is missing
     * @throws io.wms.core.error.ConcurrentUpdateException if the location changed since the caller read it
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_LOCATIONS}
     */
    @Writes(Permission.MANAGE_LOCATIONS)
    Location deactivate(Actor actor, long id, long expectedVersion);

    /**
     * Activates a location again.
     *
     * @param actor           who activates it; needs {@code MANAGE_LOCATIONS}
     * @param id              the location
     * @param expectedVersion the version the caller read
     * @return the location after the change
     * @throws io.wms.core.error.NotFoundException         if the location is missing
     * @throws io.wms.core.error.ConcurrentUpdateException if the location changed since the caller read it
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_LOCATIONS}
     */
    @Writes(Permission.MANAGE_LOCATIONS)
    Location activate(Actor actor, long id, long expectedVersion);

    /**
     * Reads the first page of a warehouse's locations, ordered by code and then id.
     *
     * @param actor       who reads; needs {@code READ_CATALOG}
     * @param warehouseId the warehouse
     * @param limit       the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more rows; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<Location> list(Actor actor, long warehouseId, int limit);

    /**
     * Reads the page of a warehouse's locations that follows a cursor, ordered by code and then id.
     *
     * @param actor       who reads; needs {@code READ_CATALOG}
     * @param warehouseId the warehouse, the same as for the previous page
     * @param limit       the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor      the previous page's {@link KeysetPage#nextCursor()}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<Location> list(Actor actor, long warehouseId, int limit, String cursor);

    /**
     * Reads the first page of the stock a location holds, one row per batch with units there, by batch id.
     *
     * @param actor      who reads; needs {@code READ_CATALOG}
     * @param locationId the location
     * @param limit      the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<LocationStock> stock(Actor actor, long locationId, int limit);

    /**
     * Reads the page of the stock a location holds that follows a cursor, by batch id.
     *
     * @param actor      who reads; needs {@code READ_CATALOG}
     * @param locationId the location, the same as for the previous page
     * @param limit      the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor     the previous page's {@link KeysetPage#nextCursor()}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<LocationStock> stock(Actor actor, long locationId, int limit, String cursor);
}
