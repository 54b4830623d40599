package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.TrackAction;

/**
 * What a transfer moved.
 *
 * @param batchId           the batch
 * @param fromLocationId    the location the units left
 * @param toLocationId      the location they arrived at
 * @param quantity          the units moved, greater than 0
 * @param fromQuantityAfter the batch's units left at {@code fromLocationId}
 * @param toQuantityAfter   the batch's units now at {@code toLocationId}
 * @param batchQuantity     the batch's quantity, which a transfer does not change
 */
public record StockTransfer(long batchId, long fromLocationId, long toLocationId, int quantity, int fromQuantityAfter,
                            int toQuantityAfter, int batchQuantity) implements StockChange {

    /**
     * {@inheritDoc}
     */
    @Override
    public List<UnitsMoved> unitsMoved() {
        return List.of(new UnitsMoved(TrackAction.TRANSFERRED, quantity));
    }
}
