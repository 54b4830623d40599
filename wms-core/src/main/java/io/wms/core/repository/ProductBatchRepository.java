package io.wms.core.repository;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.BatchWithProduct;
import io.wms.core.model.ProductBatch;

/**
 * Product batches: reads, and the edits that move no stock. Quantities and statuses change only through the
 * inventory service, which writes the ledger; nothing here touches them.
 *
 * <p>Reads see live batches only. Edits check {@link io.wms.core.auth.Permission#MANAGE_CATALOG} (purging checks
 * {@link io.wms.core.auth.Permission#PURGE_DATA}) before anything else and validate their input before any
 * statement is sent. Every failure is a typed {@link io.wms.core.error.WmsException} that leaves the data unchanged.
 * Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface ProductBatchRepository {

    /**
     * Finds a live batch by id.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param id the id
     * @return the batch, or empty if there is none or it is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    Optional<ProductBatch> findById(Actor actor, long id);

    /**
     * Lists a product's live batches in first-expired, first-out order: by expiry date, undated last, then id.
     *
     * <p>It answers with every batch at once only up to {@link PageRequest#MAX_LISTED}; a product of any number of
     * batches is read page by page with {@link #byProduct(Actor, long, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param productId the product's id
     * @return the batches; empty for an unknown product
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if the product has more than
     *                                                     {@link PageRequest#MAX_LISTED} live batches
     */
    @Reads(Permission.READ_CATALOG)
    List<ProductBatch> byProduct(Actor actor, long productId);

    /**
     * Returns the first page of a product's live batches, in the order of {@link #byProduct(Actor, long)}.
     *
     * @param actor     who reads; needs {@code READ_CATALOG}
     * @param productId the product's id
     * @param limit     the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more batches; empty for an unknown product
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatch> byProduct(Actor actor, long productId, int limit);

    /**
     * Returns the page of a product's live batches that follows a cursor. Each page is its own statement: a batch
     * whose expiry date changes between two pages is shown where it is when its page is read.
     *
     * @param actor     who reads; needs {@code READ_CATALOG}
     * @param productId the product's id, the same as for the previous page
     * @param limit     the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor    the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatch> byProduct(Actor actor, long productId, int limit, String cursor);

    /**
     * Lists the live batches with a lot number, across all products, by id.
     *
     * <p>It answers with every batch at once only up to {@link PageRequest#MAX_LISTED}; beyond, they are read page
     * by page with {@link #byBatchNumber(Actor, String, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param batchNumber the lot number, compared exactly
     * @return the batches; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if more than {@link PageRequest#MAX_LISTED} live batches
     *                                                     have the lot number
     */
    @Reads(Permission.READ_CATALOG)
    List<ProductBatch> byBatchNumber(Actor actor, String batchNumber);

    /**
     * Returns the first page of the live batches with a lot number, by id.
     *
     * @param actor       who reads; needs {@code READ_CATALOG}
     * @param batchNumber the lot number, compared exactly
     * @param limit       the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more batches
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatch> byBatchNumber(Actor actor, String batchNumber, int limit);

    /**
     * Returns the page of the live batches with a lot number that follows a cursor.
     *
     * @param actor       who reads; needs {@code READ_CATALOG}
     * @param batchNumber the lot number, the same as for the previous page
     * @param limit       the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor      the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatch> byBatchNumber(Actor actor, String batchNumber, int limit, String cursor);

    /**
     * Lists the live batches that hold expired stock awaiting disposal or return (the seed's
     * {@code GetExpiredBatches}): units left, and either marked {@code expired} by the sweep or still active past
     * their expiry date by the warehouse's rule (usable through the end of the expiry date). The answer is the same
     * before and after the sweep. By expiry date then id, each with its product, in one round trip.
     *
     * <p>It answers with every batch at once only up to {@link PageRequest#MAX_LISTED}; beyond, they are read page
     * by page with {@link #expired(Actor, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return the batches; never {@code null}
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if more than {@link PageRequest#MAX_LISTED} batches hold
     *                                                     expired stock
     */
    @Reads(Permission.READ_CATALOG)
    List<BatchWithProduct> expired(Actor actor);

    /**
     * Returns the first page of the batches of {@link #expired(Actor)}, in its order.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param limit the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more batches
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<BatchWithProduct> expired(Actor actor, int limit);

    /**
     * Returns the page of the batches of {@link #expired(Actor)} that follows a cursor. Each page is its own
     * statement, judged by the day it is read.
     *
     * @param actor  who reads; needs {@code READ_CATALOG}
     * @param limit  the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<BatchWithProduct> expired(Actor actor, int limit, String cursor);

    /**
     * Lists the live batches of usable stock (active, not expired) holding fewer units than a threshold, by quantity
     * then id, each with its product, in one round trip (the seed's {@code GetLowStockBatches}).
     *
     * <p>It answers with every batch at once only up to {@link PageRequest#MAX_LISTED}; beyond (as a threshold of
     * {@link Integer#MAX_VALUE} lists every usable batch), they are read page by page with
     * {@link #lowStock(Actor, int, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param threshold the quantity a batch must be below; at least 1
     * @return the batches; never {@code null}
     * @throws io.wms.core.error.ValidationException if the threshold is below 1
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if more than {@link PageRequest#MAX_LISTED} batches are
     *                                                     below the threshold
     */
    @Reads(Permission.READ_CATALOG)
    List<BatchWithProduct> lowStock(Actor actor, int threshold);

    /**
     * Returns the first page of the batches of {@link #lowStock(Actor, int)}, in its order.
     *
     * @param actor     who reads; needs {@code READ_CATALOG}
     * @param threshold the quantity a batch must be below; at least 1
     * @param limit     the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more batches
     * @throws io.wms.core.error.ValidationException       if the threshold is below 1 or the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<BatchWithProduct> lowStock(Actor actor, int threshold, int limit);

    /**
     * Returns the page of the batches of {@link #lowStock(Actor, int)} that follows a cursor. Each page is its own
     * statement: a batch whose quantity changes between two pages is shown where it is when its page is read.
     *
     * @param actor     who reads; needs {@code READ_CATALOG}
     * @param threshold the quantity a batch must be below, the same as for the previous page; at least 1
     * @param limit     the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor    the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the threshold is below 1, the limit is out of range or
     *                                                     the cursor is not one of this listing
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<BatchWithProduct> lowStock(Actor actor, int threshold, int limit, String cursor);

    /**
     * Corrects the lot number and dates of a live batch, if it has not changed since it was read, and writes one
     * {@code corrected} ledger row saying what changed from what to what (nothing is written when nothing changes).
     * A new lot number alone needs {@code MANAGE_CATALOG}; a change of either date decides what may be picked and
     * also needs {@code CHANGE_BATCH_STATUS}. A batch the sweep marked {@code expired} whose corrected expiry date is
     * no longer past becomes {@code active} again (or {@code depleted} without units): the only way expired stock
     * becomes pickable again.
     *
     * @param actor   who changes it
     * @param id      the batch's id
     * @param changes the new values and the version they were based on
     * @return the changed batch, with its new version
     * @throws io.wms.core.error.NotFoundException          if there is no live batch with this id
     * @throws io.wms.core.error.ConcurrentUpdateException  if the batch's version is not the expected one
     * @throws io.wms.core.error.ValidationException        if the new values break a rule
     * @throws io.wms.core.error.DuplicateException         if another live batch of the product has the lot number
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not manage the catalog, or changes a date
     *                                                      without {@code CHANGE_BATCH_STATUS}
     */
    @Writes(value = Permission.MANAGE_CATALOG, when = Permission.CHANGE_BATCH_STATUS)
    ProductBatch update(Actor actor, long id, BatchChanges changes);

    /**
     * Soft-deletes a live batch: it disappears from reads and stock, its lot number becomes free, and it can be
     * restored. Hiding stock is a stock decision: it needs {@code CHANGE_BATCH_STATUS} and writes a
     * {@code corrected} ledger row.
     *
     * @param actor who deletes it
     * @param id    the batch's id
     * @throws io.wms.core.error.NotFoundException         if there is no live batch with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    void delete(Actor actor, long id);

    /**
     * Brings a soft-deleted batch back, with a {@code corrected} ledger row; like hiding it, this needs
     * {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor who restores it
     * @param id    the batch's id
     * @return the restored batch
     * @throws io.wms.core.error.NotFoundException         if there is no soft-deleted batch with this id
     * @throws io.wms.core.error.DuplicateException        if a live batch of the product has taken its lot number
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    ProductBatch restore(Actor actor, long id);

    /**
     * Deletes a batch for good, live or soft-deleted, with its ledger. Taking a batch's ledger rows is the database
     * owner's act: wms must run as the owner of the wms tables (not as the application role of the grant script) to
     * purge a batch that has ledger rows.
     *
     * @param actor who purges it
     * @param id    the batch's id
     * @throws io.wms.core.error.NotFoundException         if there is no batch with this id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not purge data
     * @throws io.wms.core.error.ReferencedException       if the batch has ledger rows and wms's database role does
     *                                                     not own the wms tables; nothing was deleted
     */
    @Writes(Permission.PURGE_DATA)
    void purge(Actor actor, long id);
}
