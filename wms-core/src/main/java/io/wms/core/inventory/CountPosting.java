package io.wms.core.inventory;

import java.util.List;

/**
 * What posting a count adjusted.
 *
 * @param countId     the count, now posted
 * @param adjustments one per counted line whose count differed from its expected quantity, by batch id, then
 *                    location id; never {@code null}
 */
public record CountPosting(long countId, List<CountAdjustment> adjustments) {

    /**
     * Creates a posting, copying the adjustments.
     *
     * @param countId     the count
     * @param adjustments the adjustments
     */
    public CountPosting {
        adjustments = List.copyOf(adjustments);
    }
}
