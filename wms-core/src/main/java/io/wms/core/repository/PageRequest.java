package io.wms.core.repository;

/**
 * Which offset page of a listing to read: the page number, 1-based, the number of rows per page, and whether and how
 * to count the rows of the whole listing.
 *
 * <p>The listing methods refuse, with a {@link io.wms.core.error.ValidationException} naming every failing field, a
 * page below 1, a limit below 1 or above {@link #MAX_LIMIT}, and a {@code null} total count. Offset pages cost more
 * the deeper they go; for scrolling far into a large listing, use the keyset methods instead.
 *
 * <p>Without a total count named, a page counts nothing ({@link #DEFAULT_TOTAL_COUNT}): a count reads every matching
 * row, which makes it most of a page's cost on a large listing, while most callers only need to know whether
 * another page follows ({@link Page#hasNext()}, known on every page). The default is not
 * {@link TotalCount#ESTIMATE} because an estimate still takes a second round trip and is only as good as the last
 * {@code ANALYZE}. Ask for {@link TotalCount#ESTIMATE} to show "about N", or {@link TotalCount#EXACT} when the exact
 * number matters.
 *
 * @param page       the page number, starting at 1
 * @param limit      the rows per page, from 1 to {@link #MAX_LIMIT}
 * @param totalCount how to find the listing's total; never {@code null}
 */
public record PageRequest(int page, int limit, TotalCount totalCount) {

    /** The most rows one page may hold, so that no call can load an unbounded table. */
    public static final int MAX_LIMIT = 100;

    /**
     * The most rows a listing that answers with one list ({@code list(actor)}, the inventory report, a product's
     * batches) returns; with more, it throws a {@link io.wms.core.error.TooManyRowsException} rather than load them
     * all into memory, and the caller reads the listing's keyset form page by page.
     */
    public static final int MAX_LISTED = 100_000;

    /** The total count of a request that names none: {@link TotalCount#NONE}, the one that costs nothing. */
    public static final TotalCount DEFAULT_TOTAL_COUNT = TotalCount.NONE;

    /**
     * Creates a request that counts nothing ({@link #DEFAULT_TOTAL_COUNT}).
     *
     * @param page  the page number, starting at 1
     * @param limit the rows per page, from 1 to {@link #MAX_LIMIT}
     */
    public PageRequest(int page, int limit) {
        this(page, limit, DEFAULT_TOTAL_COUNT);
    }

    /**
     * Returns the first page of a given size, counting nothing ({@link #DEFAULT_TOTAL_COUNT}).
     *
     * @param limit the rows per page, from 1 to {@link #MAX_LIMIT}
     * @return the request for page 1
     */
    public static PageRequest first(int limit) {
        return new PageRequest(1, limit);
    }

    /**
     * Returns the same page, with the listing's total found as asked.
     *
     * @param totalCount how to find the total; {@code null} is refused by the listing method
     * @return the request
     */
    public PageRequest withTotal(TotalCount totalCount) {
        return new PageRequest(page, limit, totalCount);
    }

    /**
     * Returns the page after this one, of the same size and with the same total count.
     *
     * @return the request for the next page
     */
    public PageRequest next() {
        return new PageRequest(page + 1, limit, totalCount);
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
