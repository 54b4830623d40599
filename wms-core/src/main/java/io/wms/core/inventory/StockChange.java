package io.wms.core.inventory;

import java.util.List;

/**
 * The result of an operation that moved units of stock: receipts, picks, transfers, corrections, disposals,
 * returns and count posts all say, in one form, how many units they moved under which ledger action.
 */
public interface StockChange {

    /**
     * Returns the units the operation moved, one entry per ledger action it recorded.
     *
     * @return the units moved; empty when nothing moved (a count post that found every quantity right)
     */
    List<UnitsMoved> unitsMoved();
}
