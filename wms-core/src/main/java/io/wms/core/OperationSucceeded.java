package io.wms.core;

import java.util.List;

import io.wms.core.inventory.StockChange;
import io.wms.core.inventory.UnitsMoved;

/**
 * An operation whose work is committed, as an {@link OperationListener} hears of it.
 *
 * @param operation the operation
 * @param nanos     how long it ran, in nanoseconds, until it returned (not until the commit, when it joined a
 *                  transaction that committed later)
 * @param result    what it returned; {@code null} for a {@code void} method
 */
public record OperationSucceeded(Operation operation, long nanos, Object result) {

    /**
     * Returns the units of stock the operation moved, by ledger action.
     *
     * @return the units moved; empty for an operation that moved none
     */
    public List<UnitsMoved> unitsMoved() {
        return result instanceof StockChange change ? change.unitsMoved() : List.of();
    }
}
