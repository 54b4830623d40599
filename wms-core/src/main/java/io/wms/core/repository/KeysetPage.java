package io.wms.core.repository;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing read by keyset ("seek"): its cost does not grow with how far the caller has scrolled.
 *
 * <p>Pass {@link #nextCursor()} back to the same method, with the same query, to read the following page. A cursor
 * is opaque: it encodes the last row's sort values and id, and is checked when it comes back.
 *
 * @param items      the rows of this page, in the listing's order; never {@code null}
 * @param nextCursor where the next page starts; empty when this is the last page
 * @param <T>        the row type
 */
public record KeysetPage<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * Creates the record, copying the items.
     *
     * @throws NullPointerException if an argument or an item is {@code null}
     */
    public KeysetPage {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
