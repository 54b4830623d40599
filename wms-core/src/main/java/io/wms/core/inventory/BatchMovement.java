package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;

/**
 * What a correction, disposal or return did to one batch.
 *
 * @param batchId        the batch
 * @param action         the ledger action recorded; never {@code null}
 * @param quantityChange the signed change of quantity
 * @param quantityAfter  the batch's quantity right after
 * @param statusAfter    the batch's status right after; never {@code null}
 */
public record BatchMovement(long batchId, TrackAction action, int quantityChange, int quantityAfter,
                            BatchStatus statusAfter) implements StockChange {

    /**
     * {@inheritDoc}
     */
    @Override
    public List<UnitsMoved> unitsMoved() {
        return quantityChange == 0 ? List.of() : List.of(new UnitsMoved(action, Math.abs((long) quantityChange)));
    }
}
