package io.wms.core.inventory;

import java.util.List;

import io.wms.core.model.TrackAction;

/**
 * What posting a count adjusted.
 *
 * @param countId     the count, now posted
 * @param adjustments one per counted line whose count differed from its expected quantity, by batch id, then
 *                    location id; never {@code null}
 */
public record CountPosting(long countId, List<CountAdjustment> adjustments) implements StockChange {

    /**
     * Creates a posting, copying the adjustments.
     *
     * @param countId     the count
     * @param adjustments the adjustments
     */
    public CountPosting {
        adjustments = List.copyOf(adjustments);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<UnitsMoved> unitsMoved() {
        long units = 0;
        for (CountAdjustment adjustment : adjustments) {
            units += Math.abs((long) adjustment.change());
        }
        return units == 0 ? List.of() : List.of(new UnitsMoved(TrackAction.ADJUSTED, units));
    }
}
