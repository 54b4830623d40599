package io.wms.core.internal.stock;

import java.util.List;

import io.wms.core.inventory.BatchMovement;
import io.wms.core.inventory.CountPosting;
import io.wms.core.inventory.LocatedMovement;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.StockTransfer;
import io.wms.core.model.ProductBatch;

/**
 * A stock operation that takes an idempotency key: the name its keys are stored under, and the converter its result
 * is stored and read back with.
 *
 * @param name    the operation's name in {@code idempotency_keys.operation}
 * @param results the result's converter to and from {@code idempotency_keys.result}
 * @param <T>     the operation's result
 */
record KeyedOperation<T>(String name, StoredResult<T> results) {

    // How the release before V20 wrote each result type: frozen, since that release writes nothing any more.
    static final PreviousResultFormat RECEIPT_TEXT = PreviousResultFormat.line("batchId", "productId",
            "batchNumber", "quantity", "quantityAfter", "newBatch");
    static final PreviousResultFormat PICK_RESULT_TEXT = PreviousResultFormat.lines(
            List.of("productId", "quantity"), "allocations",
            List.of("batchId", "batchNumber", "expiryDate", "quantity", "quantityAfter"));
    static final PreviousResultFormat LOCATED_PICK_TEXT = PreviousResultFormat.lines(
            List.of("productId", "quantity"), "allocations", List.of("batchId", "locationId", "batchNumber",
                    "expiryDate", "quantity", "locationQuantityAfter", "batchQuantityAfter"));
    static final PreviousResultFormat STOCK_TRANSFER_TEXT = PreviousResultFormat.line("batchId",
            "fromLocationId", "toLocationId", "quantity", "fromQuantityAfter", "toQuantityAfter", "batchQuantity");
    static final PreviousResultFormat BATCH_MOVEMENT_TEXT = PreviousResultFormat.line("batchId", "action",
            "quantityChange", "quantityAfter", "statusAfter");
    static final PreviousResultFormat LOCATED_MOVEMENT_TEXT = PreviousResultFormat.line("batchId",
            "locationId", "action", "quantityChange", "locationQuantityAfter", "batchQuantityAfter", "statusAfter");
    static final PreviousResultFormat COUNT_POSTING_TEXT = PreviousResultFormat.lines(List.of("countId"),
            "adjustments", List.of("batchId", "locationId", "expectedQuantity", "countedQuantity", "change",
                    "locationQuantityAfter", "batchQuantityAfter"));
    static final PreviousResultFormat PRODUCT_BATCH_TEXT = PreviousResultFormat.line("id", "productId",
            "batchNumber", "quantity", "manufacturingDate", "expiryDate", "status", "createdAt", "updatedAt",
            "deletedAt", "createdBy", "updatedBy", "version");
    static final PreviousResultFormat RESERVATION_TEXT = PreviousResultFormat.lines(
            List.of("id", "warehouseId", "productId", "reference", "quantity", "dueDate", "expiresAt", "status"),
            "lines", List.of("batchId", "locationId", "batchNumber", "expiryDate", "quantity"));

    /** Receipts of lots and into named batches. */
    static final KeyedOperation<Receipt> RECEIVE = of("receive", Receipt.class, RECEIPT_TEXT);

    /** First-expired, first-out picks and picks from named batches. */
    static final KeyedOperation<PickResult> PICK = of("pick", PickResult.class, PICK_RESULT_TEXT);

    /** First-expired, first-out picks in a warehouse or at a location. */
    static final KeyedOperation<LocatedPick> LOCATED_PICK = of("located-pick", LocatedPick.class,
            LOCATED_PICK_TEXT);

    /** Transfers of a batch's units between locations. */
    static final KeyedOperation<StockTransfer> TRANSFER = of("transfer", StockTransfer.class, STOCK_TRANSFER_TEXT);

    /** Corrections of a batch's quantity. */
    static final KeyedOperation<BatchMovement> ADJUST = of("adjust", BatchMovement.class, BATCH_MOVEMENT_TEXT);

    /** Corrections of a batch's units at a named location. */
    static final KeyedOperation<LocatedMovement> ADJUST_AT = of("adjust-at", LocatedMovement.class,
            LOCATED_MOVEMENT_TEXT);

    /** Disposals at a named location. */
    static final KeyedOperation<LocatedMovement> DISPOSE_AT = of("dispose-at", LocatedMovement.class,
            LOCATED_MOVEMENT_TEXT);

    /** Returns to the supplier from a named location. */
    static final KeyedOperation<LocatedMovement> RETURN_AT = of("return-at", LocatedMovement.class,
            LOCATED_MOVEMENT_TEXT);

    /** Posts of cycle counts. */
    static final KeyedOperation<CountPosting> POST_COUNT = of("post-count", CountPosting.class, COUNT_POSTING_TEXT);

    /** Disposals of stock that may not be picked. */
    static final KeyedOperation<BatchMovement> DISPOSE = of("dispose", BatchMovement.class, BATCH_MOVEMENT_TEXT);

    /** Returns of stock that may not be picked to its supplier. */
    static final KeyedOperation<BatchMovement> RETURN = of("return", BatchMovement.class, BATCH_MOVEMENT_TEXT);

    /** Quarantines of active batches. */
    static final KeyedOperation<ProductBatch> QUARANTINE = of("quarantine", ProductBatch.class, PRODUCT_BATCH_TEXT);

    /** Releases of quarantined batches. */
    static final KeyedOperation<ProductBatch> RELEASE = of("release", ProductBatch.class, PRODUCT_BATCH_TEXT);

    /** Recalls of batches. */
    static final KeyedOperation<ProductBatch> RECALL = of("recall", ProductBatch.class, PRODUCT_BATCH_TEXT);

    /** Reservations of stock for an order. */
    static final KeyedOperation<Reservation> RESERVE = of("reserve", Reservation.class, RESERVATION_TEXT);

    /** Picks of the units a reservation holds. */
    static final KeyedOperation<LocatedPick> RESERVED_PICK = of("reserved-pick", LocatedPick.class,
            LOCATED_PICK_TEXT);

    private static <T> KeyedOperation<T> of(String name, Class<T> result, PreviousResultFormat previous) {
        return new KeyedOperation<>(name, new StoredResult<>(result, previous));
    }
}
