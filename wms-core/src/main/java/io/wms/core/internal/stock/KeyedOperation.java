package io.wms.core.internal.stock;

import java.util.function.Function;

import io.wms.core.inventory.BatchMovement;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.Receipt;

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

    /** Corrections of a batch's quantity. */
    static final KeyedOperation<BatchMovement> ADJUST =
            new KeyedOperation<>("adjust", ResultCodec::movement, ResultCodec::movement);
}
