package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;

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
     * @return one line per live product, also those without batches; ordered by product name, then id
     */
    List<InventoryReportLine> inventoryReport();

    /**
     * Returns the batches that hold expired stock awaiting disposal or return: active past their expiry date (not yet
     * swept) or marked expired, with units left.
     *
     * @return the batches, by expiry date, then id
     */
    List<ProductBatch> expiredBatches();

    /**
     * Returns the active, unexpired batches holding fewer units than a threshold (GO-WMS {@code GetLowStockBatches}).
     *
     * @param threshold the quantity a batch must reach not to be listed; not negative
     * @return the batches, by quantity, then id
     * @throws io.wms.core.error.ValidationException if the threshold is negative
     */
    List<ProductBatch> lowStockBatches(int threshold);

    /**
     * Tells whether a product has a batch it can be picked from today (GO-WMS {@code HasActiveBatches}): live,
     * active, unexpired, with units.
     *
     * @param productId the product
     * @return {@code true} if it has one; {@code false} also for an unknown or soft-deleted product
     */
    boolean hasActiveBatches(long productId);

    /**
     * Returns the active batches with units that expire within a number of days from today, today included, soonest
     * first.
     *
     * @param days the window; 0 means "expires today"; not negative
     * @return the batches, by expiry date, then id
     * @throws io.wms.core.error.ValidationException if days is negative
     */
    List<ProductBatch> expiringWithin(int days);

    /**
     * Returns every live product's units by what can be done with them.
     *
     * @return one line per live product, by name, then id
     */
    List<ProductStock> stockPerProduct();

    /**
     * Returns a batch's full history: its ledger rows, oldest first.
     *
     * @param batchId the batch, soft-deleted or not
     * @return its ledger rows; empty for an unknown batch
     */
    List<ProductBatchTrack> history(long batchId);
}
