package io.wms.core.repository;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One offset page of a listing: its rows, whether another page follows, and the listing's total if the request asked
 * for one ({@link PageRequest#totalCount()}).
 *
 * @param items      the rows of this page, in the listing's order; never {@code null}, empty past the last page
 * @param page       the page number, starting at 1
 * @param limit      the page size that was asked for
 * @param hasNext    whether rows follow this page; known on every page, with or without a total
 * @param total      how many rows the whole listing has: empty when no total was asked for, the planner's estimate
 *                   when {@link #totalCount()} is {@link TotalCount#ESTIMATE}, the exact number when it is
 *                   {@link TotalCount#EXACT}
 * @param totalCount how {@code total} was found: {@link TotalCount#NONE} exactly when it is empty, and
 *                   {@link TotalCount#EXACT} also for an estimate asked on a page that reaches the end of the
 *                   listing, where the rows themselves give the total
 * @param <T>        the row type
 */
public record Page<T>(List<T> items, int page, int limit, boolean hasNext, OptionalLong total, TotalCount totalCount) {

    /**
     * Creates the record, copying the items.
     *
     * @throws NullPointerException     if {@code items}, one of them, {@code total} or {@code totalCount} is
     *                                  {@code null}
     * @throws IllegalArgumentException if {@code total} is empty but {@code totalCount} is not {@link TotalCount#NONE},
     *                                  or the other way round
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(totalCount, "totalCount");
        if (total.isPresent() == (totalCount == TotalCount.NONE)) {
            throw new IllegalArgumentException("total " + total + " does not go with totalCount " + totalCount);
        }
    }

    /**
     * Returns how many pages of this size the listing has, when the page carries a total.
     *
     * @return the page count (0 for an empty listing or a limit below 1), as exact as {@link #total()}; empty
     *         without a total
     */
    public OptionalLong totalPages() {
        if (total.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(limit < 1 ? 0 : (total.getAsLong() + limit - 1) / limit);
    }
}
