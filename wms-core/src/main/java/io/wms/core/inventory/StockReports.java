package io.wms.core.inventory;

import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.PageRequest;

/**
 * Read-only stock reports, each one SQL statement. Soft-deleted products and batches are left out.
 *
 * <p>Every report judges expiry by the library's one rule: a batch is usable through the end of its expiry date in
 * the warehouse zone. The GO-WMS report counted {@code expiry_date < NOW()}, which compares a date with the
 * database server's clock and zone and calls a batch expired on its own expiry date; these reports do not.
 *
 * <p>Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface StockReports {

    /**
     * Returns the inventory report (GO-WMS {@code GetInventoryReport}): per live product, by name, its category and
     * brand names, the units and number of its active unexpired batches, and the number of its batches that hold
     * expired stock.
     *
     * <p>It answers with every line at once only up to {@link PageRequest#MAX_LISTED} products; a warehouse of any
     * size reads it page by page with {@link #inventoryReport(Actor, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return one line per live product, also those without batches; ordered by product name, then id
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if there are more than {@link PageRequest#MAX_LISTED} live
     *                                                     products
     */
    @Reads(Permission.READ_CATALOG)
    List<InventoryReportLine> inventoryReport(Actor actor);

    /**
     * Returns the first page of the inventory report, with the lines of {@link #inventoryReport(Actor)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param limit the lines per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, by product name, then id, with the cursor of the next one if there are more products
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<InventoryReportLine> inventoryReport(Actor actor, int limit);

    /**
     * Returns the page of the inventory report that follows a cursor. Each page is its own statement: a product
     * moved between two pages is shown as it is when its page is read.
     *
     * @param actor  who reads; needs {@code READ_CATALOG}
     * @param limit  the lines per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this report
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<InventoryReportLine> inventoryReport(Actor actor, int limit, String cursor);

    /**
     * Returns the active batches with units that expire within a number of days from today, today included, soonest
     * first.
     *
     * <p>It answers with every batch at once only up to {@link PageRequest#MAX_LISTED}; a wider window is read page
     * by page with {@link #expiringWithin(Actor, int, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param days the window; 0 means "expires today"; not negative
     * @return the batches, by expiry date, then id
     * @throws io.wms.core.error.ValidationException if days is negative
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if more than {@link PageRequest#MAX_LISTED} batches expire
     *                                                     within the window
     */
    @Reads(Permission.READ_CATALOG)
    List<ProductBatch> expiringWithin(Actor actor, int days);

    /**
     * Returns the first page of the batches of {@link #expiringWithin(Actor, int)}, in its order.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param days  the window; 0 means "expires today"; not negative
     * @param limit the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, with the cursor of the next one if there are more batches
     * @throws io.wms.core.error.ValidationException       if days is negative or the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatch> expiringWithin(Actor actor, int days, int limit);

    /**
     * Returns the page of the batches of {@link #expiringWithin(Actor, int)} that follows a cursor. Each page is its
     * own statement, with the window counted from the day it is read.
     *
     * @param actor  who reads; needs {@code READ_CATALOG}
     * @param days   the window, the same as for the previous page; not negative
     * @param limit  the batches per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if days is negative, the limit is out of range or the
     *                                                     cursor is not one of this report
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatch> expiringWithin(Actor actor, int days, int limit, String cursor);

    /**
     * Returns every live product's units by what can be done with them.
     *
     * <p>It answers with every line at once only up to {@link PageRequest#MAX_LISTED} products; a catalog of any
     * size is read page by page with {@link #stockPerProduct(Actor, int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return one line per live product, by name, then id
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if there are more than {@link PageRequest#MAX_LISTED} live
     *                                                     products
     */
    @Reads(Permission.READ_CATALOG)
    List<ProductStock> stockPerProduct(Actor actor);

    /**
     * Returns the first page of {@link #stockPerProduct(Actor)}, with the same lines.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param limit the lines per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @return the page, by product name, then id, with the cursor of the next one if there are more products
     * @throws io.wms.core.error.ValidationException       if the limit is out of range
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductStock> stockPerProduct(Actor actor, int limit);

    /**
     * Returns the page of {@link #stockPerProduct(Actor)} that follows a cursor. Each page is its own statement: a
     * product whose stock moves between two pages is shown as it is when its page is read.
     *
     * @param actor  who reads; needs {@code READ_CATALOG}
     * @param limit  the lines per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor the previous page's {@link KeysetPage#nextCursor()}; never {@code null}
     * @return the page; never {@code null}
     * @throws io.wms.core.error.ValidationException       if the limit is out of range or the cursor is not one of
     *                                                     this report
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductStock> stockPerProduct(Actor actor, int limit, String cursor);

    /**
     * Returns a batch's full history: its ledger rows, oldest first.
     *
     * <p>It answers with every row at once only up to {@link PageRequest#MAX_LISTED}; a longer ledger is read page
     * by page, newest first, with {@link io.wms.core.repository.ProductBatchTrackRepository#byBatch(Actor, long,
     * int, String)}.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param batchId the batch, soft-deleted or not
     * @return its ledger rows; empty for an unknown batch
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     * @throws io.wms.core.error.TooManyRowsException     if the batch has more than {@link PageRequest#MAX_LISTED}
     *                                                     ledger rows
     */
    @Reads(Permission.READ_CATALOG)
    List<ProductBatchTrack> history(Actor actor, long batchId);
}
