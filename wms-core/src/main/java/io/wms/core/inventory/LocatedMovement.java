package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;

/**
 * What a correction at a named location did to one batch and its units there.
 *
 * @param batchId               the batch
 * @param locationId            the location whose units changed
 * @param action                the ledger action recorded; never {@code null}
 * @param quantityChange        the signed change of units
 * @param locationQuantityAfter the batch's units at the location right after
 * @param batchQuantityAfter    the batch's quantity right after
 * @param statusAfter           the batch's status right after; never {@code null}
 */
public record LocatedMovement(long batchId, long locationId, TrackAction action, int quantityChange,
                              int locationQuantityAfter, int batchQuantityAfter, BatchStatus statusAfter) implements StockChange {

    /**
     * {@inheritDoc}
     */
    @Override
    public List<UnitsMoved> unitsMoved() {
        return quantityChange == 0 ? List.of() : List.of(new UnitsMoved(action, Math.abs((long) quantityChange)));
    }
}
