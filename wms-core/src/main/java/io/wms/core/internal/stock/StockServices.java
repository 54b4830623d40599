package io.wms.core.internal.stock;

import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.WmsSettings;
import io.wms.core.inventory.CycleCountService;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.ReorderPoints;
import io.wms.core.inventory.ReservationService;
import io.wms.core.inventory.StockReports;
import io.wms.core.repository.LocationRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.WarehouseRepository;

/**
 * Builds the stock's services (movements, reports, batches and their ledger); the one way into this
 * package.
 */
public final class StockServices {

    private StockServices() {
    }

    /**
     * Builds the inventory service, with its movement statements rendered once.
     *
     * @param transactions where its statements run, and its transaction and retry policy
     * @param settings     the clock and warehouse zone of expiry
     * @return the service
     */
    public static InventoryService inventory(Transactions transactions, WmsSettings settings) {
        return new JooqInventoryService(transactions, settings);
    }

    /**
     * Builds the cycle counts.
     *
     * @param transactions where its statements run, and its transaction and retry policy
     * @param settings     the clock and warehouse zone of expiry
     * @return the service
     */
    public static CycleCountService cycleCounts(Transactions transactions, WmsSettings settings) {
        return new JooqCycleCountService(transactions, settings);
    }

    /**
     * Builds the stock reports.
     *
     * @param transactions where its statements run
     * @param settings     the clock and warehouse zone of expiry
     * @return the reports
     */
    public static StockReports reports(Transactions transactions, WmsSettings settings) {
        return new JooqStockReports(transactions, settings);
    }

    /**
     * Builds the batch repository.
     *
     * @param transactions where its statements run
     * @param settings     the clock and warehouse zone of expiry
     * @return the repository
     */
    public static ProductBatchRepository batches(Transactions transactions, WmsSettings settings) {
        return new JooqProductBatchRepository(transactions, new ExpiryPolicy(settings));
    }

    /**
     * Builds the warehouse repository.
     *
     * @param transactions where its statements run
     * @return the repository
     */
    public static WarehouseRepository warehouses(Transactions transactions) {
        return new JooqWarehouseRepository(transactions);
    }

    /**
     * Builds the location repository.
     *
     * @param transactions where its statements run
     * @return the repository
     */
    public static LocationRepository locations(Transactions transactions) {
        return new JooqLocationRepository(transactions);
    }

    /**
     * Builds the read-only ledger repository.
     *
     * @param transactions where its statements run
     * @return the repository
     */
    public static ProductBatchTrackRepository ledger(Transactions transactions) {
        return new JooqProductBatchTrackRepository(transactions.dsl());
    }

    /**
     * Builds the reservation service.
     *
     * @param transactions where its statements run, and its transaction and retry policy
     * @param settings     the clock and warehouse zone of expiry
     * @return the service
     */
    public static ReservationService reservations(Transactions transactions, WmsSettings settings) {
        return new JooqReservationService(transactions, settings);
    }

    /**
     * Builds the reorder points and their report.
     *
     * @param transactions where its statements run
     * @param settings     the clock and warehouse zone of expiry
     * @return the reorder points
     */
    public static ReorderPoints reorderPoints(Transactions transactions, WmsSettings settings) {
        return new JooqReorderPoints(transactions, settings);
    }
}
