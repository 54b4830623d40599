package io.wms.core.repository;

import java.util.List;

/**
 * One offset page of a listing, with the number of rows the whole listing has.
 *
 * @param items the rows of this page, in the listing's order; never {@code null}, empty past the last page
 * @param total how many rows the whole listing has, on every page
 * @param page  the page number, starting at 1
 * @param limit the page size that was asked for
 * @param <T>   the row type
 */
public record Page<T>(List<T> items, long total, int page, int limit) {

    /**
     * Creates the record, copying the items.
     *
     * @throws NullPointerException if {@code items} or one of them is {@code null}
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Returns how many pages of this size the listing has.
     *
     * @return the page count; 0 for an empty listing or a limit below 1
     */
    public long totalPages() {
        return limit < 1 ? 0 : (total + limit - 1) / limit;
    }

    /**
     * Tells whether a page follows this one.
     *
     * @return {@code true} if rows remain after this page
     */
    public boolean hasNext() {
        return (long) page * limit < total;
    }
}
