package io.wms.core.repository;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.Product;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.ProductWithBatches;

/**
 * Products: the articles the warehouse stocks, and the seed's product queries.
 *
 * <p>Reads see live products only. Writes check {@link io.wms.core.auth.Permission#MANAGE_CATALOG} (purging checks
 * {@link io.wms.core.auth.Permission#PURGE_DATA}) before anything else, validate their input before any statement
 * is sent, and record the actor in {@code created_by}/{@code updated_by}. Every failure is a typed
 * {@link io.wms.core.error.WmsException} that leaves the data unchanged. Every read that returns a graph or a page takes one
 * round trip to the database, however many rows it holds. Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface ProductRepository {

    /**
     * The most ledger rows {@link #findWithFullTracking} returns per batch: the newest ones. A batch with more says
     * so ({@link io.wms.core.model.BatchWithHistory#olderHistory()}); read the rest from
     * {@link ProductBatchTrackRepository#byBatch(Actor, long, int, String)}, page by page.
     */
    int MAX_HISTORY_PER_BATCH = 100;

    /**
     * Creates a product.
     *
     * @param actor   who creates it
     * @param product the name, description, category and brand
     * @return the created product, at version 1
     * @throws io.wms.core.error.ValidationException       if the name is missing or too long, or a text contains NUL
     * @throws io.wms.core.error.NotFoundException         if the category or brand does not exist or is soft-deleted,
     *                                                     for example "category 42 does not exist"
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    Product create(Actor actor, NewProduct product);

    /**
     * Finds a live product by id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id the id
     * @return the product, or empty if there is none or it is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<Product> findById(Actor actor, long id);

    /**
     * Replaces the values of a live product, if it has not changed since it was read.
     *
     * @param actor   who changes it
     * @param id      the product's id
     * @param changes the new values and the version they were based on
     * @return the changed product, with its new version
     * @throws io.wms.core.error.NotFoundException          if there is no live product with this id, or the new
     *                                                      category or brand does not exist or is soft-deleted
     * @throws io.wms.core.error.ConcurrentUpdateException  if the product's version is not the expected one
     * @throws io.wms.core.error.ValidationException        if the new values break a rule
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    Product update(Actor actor, long id, ProductChanges changes);

    /**
     * Soft-deletes a live product: it disappears from reads and can be restored. Its batches are left as they are.
     *
     * @param actor who deletes it
     * @param id    the product's id
     * @throws io.wms.core.error.NotFoundException         if there is no live product with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    void delete(Actor actor, long id);

    /**
     * Brings a soft-deleted product back.
     *
     * @param actor who restores it
     * @param id    the product's id
     * @return the restored product
     * @throws io.wms.core.error.NotFoundException         if there is no soft-deleted product with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not manage the catalog
     */
    @Writes(Permission.MANAGE_CATALOG)
    Product restore(Actor actor, long id);

    /**
     * Deletes a product for good, live or soft-deleted, with all its batches and their ledgers. Taking ledger rows is
     * the database owner's act: wms must run as the owner of the wms tables (not as the application role of the
     * grant script) to purge a product whose batches have ledger rows.
     *
     * @param actor who purges it
     * @param id    the product's id
     * @throws io.wms.core.error.NotFoundException         if there is no product with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not purge data
     * @throws io.wms.core.error.ReferencedException       if a batch of the product has ledger rows and wms's database
     *                                                     role does not own the wms tables; nothing was deleted
     */
    @Writes(Permission.PURGE_DATA)
    void purge(Actor actor, long id);

    /**
     * Reads a live product with its category, brand, live batches, their ledgers and the users who acted, in one
     * consistent snapshot and a fixed number of round trips whatever the graph's size (the seed's
     * {@code GetProductWithFullTracking}). The users who acted are personal data: they are filled in only for an
     * actor that also holds {@code MANAGE_USERS}; for others each ledger entry's user is {@code null} (the row still
     * carries the user's id).
     *
     * <p>Each batch carries its newest {@link #MAX_HISTORY_PER_BATCH} ledger rows, so that a batch with a long
     * ledger cannot make the answer unbounded; {@link io.wms.core.model.BatchWithHistory#olderHistory()} tells when
     * there are older ones.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id the product's id
     * @return the product and its graph, or empty if there is no live product with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<ProductDetails> findWithFullTracking(Actor actor, long id);

    /**
     * Reads one page of a category's live products, by name then id, in one round trip (the seed's
     * {@code GetByCategory}), with the total the request asks for ({@link PageRequest#totalCount()}; an estimate
     * takes a second round trip).
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param categoryId the category's id; an unknown category has no products
     * @param page       which page
     * @return the page
     * @throws io.wms.core.error.ValidationException if the page or limit is out of range, or the total count is
     *                                               {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Page<Product> byCategory(Actor actor, long categoryId, PageRequest page);

    /**
     * Reads one page of live products, by name then id, each with its live batches, in one round trip (the seed's
     * {@code GetAllWithBatches}, bounded by a page), with the total the request asks for
     * ({@link PageRequest#totalCount()}; an estimate takes a second round trip).
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param page which page
     * @return the page
     * @throws io.wms.core.error.ValidationException if the page or limit is out of range, or the total count is
     *                                               {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Page<ProductWithBatches> listWithBatches(Actor actor, PageRequest page);

    /**
     * Tells whether a live product has stock it can be picked from today (the seed's {@code HasActiveBatches}): a
     * live batch that is active, not expired, and holds units.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param productId the product's id
     * @return {@code true} if it has one; {@code false} also for an unknown or soft-deleted product
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    boolean hasActiveBatches(Actor actor, long productId);

    /**
     * Reads one offset page of the live products that match a query, in the query's order, in one round trip, with
     * the total the request asks for ({@link PageRequest#totalCount()}; an estimate takes a second round trip).
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param query the filters and order
     * @param page  which page
     * @return the page
     * @throws io.wms.core.error.ValidationException if a filter, the page or the limit is out of range, or the total
     *                                               count is {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Page<Product> search(Actor actor, ProductQuery query, PageRequest page);

    /**
     * Reads the first keyset page of the live products that match a query, in the query's order.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param query the filters and order
     * @param limit the rows per page, from 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with a cursor to the next one if more rows follow
     * @throws io.wms.core.error.ValidationException if a filter or the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<Product> scroll(Actor actor, ProductQuery query, int limit);

    /**
     * Reads the keyset page that follows a cursor. The cost does not grow with the number of pages read before.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param query  the same filters and order as for the page that returned the cursor
     * @param limit  the rows per page, from 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the {@link KeysetPage#nextCursor()} of the previous page
     * @return the page, with a cursor to the next one if more rows follow
     * @throws io.wms.core.error.ValidationException if a filter or the limit is out of range, or the cursor is
     *                                               malformed or was made for another order
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<Product> scroll(Actor actor, ProductQuery query, int limit, String cursor);
}
