package io.wms.core.repository;

/**
 * How an offset page finds the number of rows of the whole listing, which {@link Page#total()} carries.
 *
 * <p>An exact count reads every matching row (or index entry) on every page: at 200,000 products it is nearly all the
 * time a first page takes. So a page counts only when asked ({@link PageRequest#DEFAULT_TOTAL_COUNT} is
 * {@link #NONE}); {@link Page#hasNext()} is known on every page without any count.
 */
public enum TotalCount {

    /** No total: the page reads only its own rows and one more, to tell whether another page follows. */
    NONE,

    /**
     * The planner's estimate of the matching rows, from the statistics {@code ANALYZE} last gathered, asked with
     * {@code EXPLAIN} in a second round trip that reads no rows; for a "page 1 of about 40" display. The estimate is
     * never below the rows this page proves (those before it, its own, and one more when another page follows), and
     * on a page that reaches the end of the listing the total is exact and asks the planner nothing
     * ({@link Page#totalCount()} then says {@link #EXACT}).
     */
    ESTIMATE,

    /** The exact count of the matching rows, in the same statement as the page's rows: it reads every one of them. */
    EXACT
}
