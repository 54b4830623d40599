package io.wms.core.repository;

/**
 * Which offset page of a listing to read: the page number, 1-based, and the number of rows per page.
 *
 * <p>The listing methods refuse, with a {@link io.wms.core.error.ValidationException} naming every failing field, a
 * page below 1 and a limit below 1 or above {@link #MAX_LIMIT}. Offset pages cost more the deeper they go; for
 * scrolling far into a large listing, use the keyset methods instead.
 *
 * @param page  the page number, starting at 1
 * @param limit the rows per page, from 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(int page, int limit) {

    /** The most rows one page may hold, so that no call can load an unbounded table. */
    public static final int MAX_LIMIT = 100;

    /**
     * The most rows a listing that answers with one list ({@code list(actor)}, the inventory report, a product's
     * batches) returns; with more, it throws a {@link io.wms.core.error.TooManyRowsException} rather than load them
     * all into memory, and the caller reads the listing's keyset form page by page.
     */
    public static final int MAX_LISTED = 100_000;

    /**
     * Returns the first page of a given size.
     *
     * @param limit the rows per page, from 1 to {@link #MAX_LIMIT}
     * @return the request for page 1
     */
    public static PageRequest first(int limit) {
        return new PageRequest(1, limit);
    }

    /**
     * Returns the page after this one, of the same size.
     *
     * @return the request for the next page
     */
    public PageRequest next() {
        return new PageRequest(page + 1, limit);
    }

    /**
     * Returns how many rows come before this page.
     *
     * @return {@code (page - 1) * limit}, as a {@code long} so that deep pages cannot overflow
     */
    public long offset() {
        return (long) (page - 1) * limit;
    }
}
