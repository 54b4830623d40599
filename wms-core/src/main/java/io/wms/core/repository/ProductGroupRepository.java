package io.wms.core.repository;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;

/**
 * The operations that categories and brands share: both are named groups of products.
 *
 * <p>Reads see live rows only. Writes check {@link io.wms.core.auth.Permission#MANAGE_CATALOG} (purging checks
 * {@link io.wms.core.auth.Permission#PURGE_DATA}) before anything else, validate their input before any statement
 * is sent, and record the actor in {@code created_by}/{@code updated_by}. Every failure is a typed
 * {@link io.wms.core.error.WmsException} that leaves the data unchanged.
 *
 * @param <T> the row type ({@link io.wms.core.model.Category} or {@link io.wms.core.model.Brand})
 * @param <W> the row with its products
 */
public interface ProductGroupRepository<T, W> {

    /**
     * Creates a row.
     *
     * @param actor who creates it
     * @param group the name and description
     * @return the created row
     * @throws io.wms.core.error.ValidationException      if the name is missing, too long or contains NUL
     * @throws io.wms.core.error.DuplicateException       if a live row has the same name, ignoring case
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    T create(Actor actor, NewProductGroup group);

    /**
     * Finds a live row by id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id the id
     * @return the row, or empty if there is none or it is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<T> findById(Actor actor, long id);

    /**
     * Finds a live row by name, ignoring letter case.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param name the name
     * @return the row, or empty if there is none
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<T> findByName(Actor actor, String name);

    /**
     * Lists every live row, ordered by name and then id, when there are at most {@link PageRequest#MAX_LISTED}; for
     * a listing of any size, read it page by page with {@link #list(Actor, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return the rows; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if there are more than {@link PageRequest#MAX_LISTED}
     */
    @Reads(Permission.READ_CATALOG)
    List<T> list(Actor actor);

    /**
     * Reads the first page of the live rows, ordered by name and then id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param limit the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more rows; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<T> list(Actor actor, int limit);

    /**
     * Reads the page of the live rows that follows a cursor, ordered by name and then id.
     *
     * @param actor  who reads; needs {@code READ_CATALOG}
     * @param limit  the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<T> list(Actor actor, int limit, String cursor);

    /**
     * Replaces the name and description of a live row, if it has not changed since it was read.
     *
     * @param actor   who changes it
     * @param id      the row's id
     * @param changes the new values and the version they were based on
     * @return the changed row, with its new version
     * @throws io.wms.core.error.NotFoundException          if there is no live row with this id
     * @throws io.wms.core.error.ConcurrentUpdateException  if the row's version is not the expected one
     * @throws io.wms.core.error.ValidationException        if the new values break a rule
     * @throws io.wms.core.error.DuplicateException         if another live row has the new name
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    T update(Actor actor, long id, ProductGroupChanges changes);

    /**
     * Soft-deletes a live row: it disappears from reads, its name becomes free, and it can be restored.
     *
     * @param actor who deletes it
     * @param id    the row's id
     * @throws io.wms.core.error.NotFoundException         if there is no live row with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    void delete(Actor actor, long id);

    /**
     * Brings a soft-deleted row back.
     *
     * @param actor who restores it
     * @param id    the row's id
     * @return the restored row
     * @throws io.wms.core.error.NotFoundException         if there is no soft-deleted row with this id
     * @throws io.wms.core.error.DuplicateException        if a live row has taken its name meanwhile
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    T restore(Actor actor, long id);

    /**
     * Deletes a row for good, live or soft-deleted (the seed's {@code HardDelete}); its products keep existing
     * without it.
     *
     * @param actor who purges it
     * @param id    the row's id
     * @throws io.wms.core.error.NotFoundException         if there is no row with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not purge data
     */
    @Writes(Permission.PURGE_DATA)
    void purge(Actor actor, long id);

    /**
     * Reads a live row with all its live products, ordered by name and id, in one round trip.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id the row's id
     * @return the row with its products, or empty if there is no live row with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<W> findWithProducts(Actor actor, long id);
}
