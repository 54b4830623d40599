package io.wms.core.internal.stock;

import java.util.function.Function;

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
 * A stock operation that takes an idempotency key: the name its keys are stored under, and how its result is stored
 * for repetitions and read back.
 *
 * @param name   the operation's name in {@code idempotency_keys.operation}
 * @param encode writes a result as text
 * @param decode reads a stored result back
 * @param <T>    the operation's result
 */
record KeyedOperation<T>(String name, Function<T, String> encode, Function<String, T> decode) {

    /** Receipts of lots and into named batches. */
    static final KeyedOperation<Receipt> RECEIVE =
            new KeyedOperation<>("receive", ResultCodec::receipt, ResultCodec::receipt);

    /** First-expired, first-out picks and picks from named batches. */
    static final KeyedOperation<PickResult> PICK = new KeyedOperation<>("pick", ResultCodec::pick, ResultCodec::pick);

    /** First-expired, first-out picks in a warehouse or at a location. */
    static final KeyedOperation<LocatedPick> LOCATED_PICK =
            new KeyedOperation<>("located-pick", ResultCodec::locatedPick, ResultCodec::locatedPick);

    /** Transfers of a batch's units between locations. */
    static final KeyedOperation<StockTransfer> TRANSFER =
            new KeyedOperation<>("transfer", ResultCodec::transfer, ResultCodec::transfer);

    /** Corrections of a batch's quantity. */
    static final KeyedOperation<BatchMovement> ADJUST =
            new KeyedOperation<>("adjust", ResultCodec::movement, ResultCodec::movement);

    /** Corrections of a batch's units at a named location. */
    static final KeyedOperation<LocatedMovement> ADJUST_AT =
            new KeyedOperation<>("adjust-at", ResultCodec::locatedMovement, ResultCodec::locatedMovement);

    /** Disposals at a named location. */
    static final KeyedOperation<LocatedMovement> DISPOSE_AT =
            new KeyedOperation<>("dispose-at", ResultCodec::locatedMovement, ResultCodec::locatedMovement);

    /** Returns to the supplier from a named location. */
    static final KeyedOperation<LocatedMovement> RETURN_AT =
            new KeyedOperation<>("return-at", ResultCodec::locatedMovement, ResultCodec::locatedMovement);

    /** Posts of cycle counts. */
    static final KeyedOperation<CountPosting> POST_COUNT =
            new KeyedOperation<>("post-count", ResultCodec::countPosting, ResultCodec::countPosting);

    /** Disposals of stock that may not be picked. */
    static final KeyedOperation<BatchMovement> DISPOSE =
            new KeyedOperation<>("dispose", ResultCodec::movement, ResultCodec::movement);

    /** Returns of stock that may not be picked to its supplier. */
    static final KeyedOperation<BatchMovement> RETURN =
            new KeyedOperation<>("return", ResultCodec::movement, ResultCodec::movement);

    /** Quarantines of active batches. */
    static final KeyedOperation<ProductBatch> QUARANTINE =
            new KeyedOperation<>("quarantine", ResultCodec::batch, ResultCodec::batch);

    /** Releases of quarantined batches. */
    static final KeyedOperation<ProductBatch> RELEASE =
            new KeyedOperation<>("release", ResultCodec::batch, ResultCodec::batch);

    /** Recalls of batches. */
    static final KeyedOperation<ProductBatch> RECALL =
            new KeyedOperation<>("recall", ResultCodec::batch, ResultCodec::batch);

    /** Reservations of stock for an order. */
    static final KeyedOperation<Reservation> RESERVE =
            new KeyedOperation<>("reserve", ResultCodec::reservation, ResultCodec::reservation);

    /** Picks of the units a reservation holds. */
    static final KeyedOperation<LocatedPick> RESERVED_PICK =
            new KeyedOperation<>("reserved-pick", ResultCodec::locatedPick, ResultCodec::locatedPick);
}
