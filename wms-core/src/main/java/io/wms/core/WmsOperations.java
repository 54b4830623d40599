package io.wms.core;

import io.wms.core.auth.AuthService;
import io.wms.core.inventory.CycleCountService;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.ReorderPoints;
import io.wms.core.inventory.ReservationService;
import io.wms.core.inventory.StockReports;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.LocationRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.RoleRepository;
import io.wms.core.repository.UserRepository;
import io.wms.core.repository.WarehouseRepository;
import io.wms.core.seed.Seeding;

/**
 * The repositories and services of wms, bound either to auto-commit ({@link Wms} itself) or to one running
 * transaction (the argument of {@link #inTransaction(TransactionalWork)}).
 *
 * <p>Implementations are thread-safe when bound to auto-commit. Operations bound to a transaction belong to the
 * thread that runs the transaction's work and must not be used after it returns.
 */
public interface WmsOperations {

    /**
     * Returns the categories.
     *
     * @return the category repository; never {@code null}
     */
    CategoryRepository categories();

    /**
     * Returns the brands.
     *
     * @return the brand repository; never {@code null}
     */
    BrandRepository brands();

    /**
     * Returns the products, with the seed's product queries, listings and pages.
     *
     * @return the product repository; never {@code null}
     */
    ProductRepository products();

    /**
     * Returns the product batches: reads and the edits that move no stock.
     *
     * @return the batch repository; never {@code null}
     */
    ProductBatchRepository batches();

    /**
     * Returns the warehouses: create, find, list.
     *
     * @return the warehouse repository; never {@code null}
     */
    WarehouseRepository warehouses();

    /**
     * Returns the locations of the warehouses and the stock each holds: create, move in the hierarchy, deactivate,
     * list.
     *
     * @return the location repository; never {@code null}
     */
    LocationRepository locations();

    /**
     * Returns the stock ledger, read only.
     *
     * @return the ledger repository; never {@code null}
     */
    ProductBatchTrackRepository ledger();

    /**
     * Returns the inventory service, which moves stock and keeps the ledger: receive, pick, adjust, dispose, return,
     * quarantine, release, recall, the expiry sweep and the ledger check.
     *
     * @return the inventory service; never {@code null}
     */
    InventoryService inventory();

    /**
     * Returns the cycle counts: start a count of a location or of a product in a warehouse, record what was counted,
     * post the differences as {@code STOCK_COUNT} adjustments, or cancel.
     *
     * @return the cycle count service; never {@code null}
     */
    CycleCountService cycleCounts();

    /**
     * Returns the reservations: reserve stock for an order, pick or cancel a reservation, release expired ones, and
     * available-to-promise.
     *
     * @return the reservation service; never {@code null}
     */
    ReservationService reservations();

    /**
     * Returns the reorder points per product and warehouse, and the report of what to order.
     *
     * @return the reorder points; never {@code null}
     */
    ReorderPoints reorderPoints();

    /**
     * Returns the stock reports: the inventory report, expired, low-stock and expiring batches, stock per product and
     * a batch's history.
     *
     * @return the stock reports; never {@code null}
     */
    StockReports stockReports();

    /**
     * Returns the users.
     *
     * @return the user repository; never {@code null}
     */
    UserRepository users();

    /**
     * Returns the roles and role assignments.
     *
     * @return the role repository; never {@code null}
     */
    RoleRepository roles();

    /**
     * Returns logins, session actors and password changes.
     *
     * @return the authentication service; never {@code null}
     */
    AuthService auth();

    /**
     * Returns the seeders: the built-in roles, the first admin and the demo data.
     *
     * @return the seeding service; never {@code null}
     */
    Seeding seeding();

    /**
     * Runs work in one transaction and returns its result: commits when the work returns, rolls back when it
     * throws (the exception is rethrown as it is).
     *
     * <p>Called on operations that are already bound to a transaction, it nests: the inner work runs under a
     * savepoint, so an exception rolls back only the inner work, and the outer work may catch it and go on. Each
     * operation called inside the work runs under a savepoint of its own as well: one that is refused is undone
     * whole, and the work may catch the refusal and commit the rest.
     *
     * @param work the work; never {@code null}
     * @param <T>  the result type
     * @return what the work returned
     * @throws io.wms.core.error.ValidationException if {@code work} is {@code null}
     * @throws io.wms.core.error.WmsException        a failure of wms inside the work, or a translated failure to
     *                                               begin or commit
     * @throws RuntimeException                      the work's own exception, as it is, after the rollback: the only
     *                                               exception not of wms that leaves wms, since it is the caller's
     */
    <T> T inTransaction(TransactionalWork<T> work);

    /**
     * Runs work that returns nothing in one transaction, as {@link #inTransaction(TransactionalWork)} does.
     *
     * @param action the work; never {@code null}
     * @throws io.wms.core.error.ValidationException if {@code action} is {@code null}
     * @throws io.wms.core.error.WmsException        a failure of wms inside the work, or a translated failure to
     *                                               begin or commit
     * @throws RuntimeException                      the work's own exception, as it is, after the rollback
     */
    void useTransaction(TransactionalAction action);
}
