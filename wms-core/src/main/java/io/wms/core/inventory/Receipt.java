package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.TrackAction;

/**
 * What a receipt did.
 *
 * @param batchId       the batch that received the units
 * @param productId     its product
 * @param batchNumber   its lot number; never {@code null}
 * @param quantity      the units received
 * @param quantityAfter the batch's quantity right after the receipt
 * @param newBatch      {@code true} if the receipt created the batch
 */
public record Receipt(long batchId, long productId, String batchNumber, int quantity, int quantityAfter,
                      boolean newBatch) implements StockChange {

    /**
     * {@inheritDoc}
     */
    @Override
    public List<UnitsMoved> unitsMoved() {
        return List.of(new UnitsMoved(TrackAction.RECEIVED, quantity));
    }
}
