package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.TrackAction;

/**
 * The outcome of a pick across locations: which batch at which location gave how many units, in the order the
 * picker takes them.
 *
 * @param productId   the product picked
 * @param quantity    the units picked, all that were asked for
 * @param allocations the units taken per batch and location, in pick order; never empty
 */
public record LocatedPick(long productId, int quantity, List<LocatedAllocation> allocations) implements StockChange {

    /**
     * Creates the record with an unmodifiable copy of the allocations.
     *
     * @param productId   the product picked
     * @param quantity    the units picked
     * @param allocations the units taken per batch and location; never {@code null}
     */
    public LocatedPick {
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
