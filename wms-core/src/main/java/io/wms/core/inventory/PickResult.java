package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.TrackAction;

/**
 * What a pick took, batch by batch, in the order it was allocated (first-expired first).
 *
 * @param productId   the product picked
 * @param quantity    the units picked in all; the sum of the allocations
 * @param allocations which batches gave how much; never empty; unmodifiable
 */
public record PickResult(long productId, int quantity, List<Allocation> allocations) implements StockChange {

    /**
     * Creates the record, copying the allocations.
     */
    public PickResult {
        allocations = List.copyOf(allocations);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<UnitsMoved> unitsMoved() {
        return List.of(new UnitsMoved(TrackAction.PICKED, quantity));
    }
}
