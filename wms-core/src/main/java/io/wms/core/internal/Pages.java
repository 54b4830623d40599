package io.wms.core.internal;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.wms.core.repository.Page;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.TotalCount;

/**
 * The bounds every paged read shares, so that no listing can be asked for an unbounded number of rows, and the
 * totals of offset pages.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * Checks a page size: from 1 to {@link PageRequest#MAX_LIMIT}.
     *
     * @param validator the validator collecting the violations
     * @param limit     the rows per page
     * @return the validator
     */
    public static Validator checkLimit(Validator validator, int limit) {
        return validator.positive("limit", limit).atMost("limit", limit, PageRequest.MAX_LIMIT);
    }

    /**
     * Checks an offset page request: a page from 1 on, a valid size, and a total count.
     *
     * @param validator the validator collecting the violations
     * @param page      the request
     * @return the validator
     */
    public static Validator checkPage(Validator validator, PageRequest page) {
        validator.positive("page", page.page()).required("totalCount", page.totalCount());
        return checkLimit(validator, page.limit());
    }

    /**
     * Returns how many rows an offset page reads: one more than it returns, which tells whether another follows.
     *
     * @param request the request
     * @return {@code limit + 1}
     */
    public static int rowsToRead(PageRequest request) {
        return request.limit() + 1;
    }

    /**
     * Builds an offset page from the rows read for it, with the total the request asked for.
     *
     * <p>A page that reaches the end of the listing (fewer rows than {@link #rowsToRead}, and at least one, or page 1)
     * gives the exact total by itself, so neither a count nor an estimate is asked for then.
     *
     * @param request     the request
     * @param read        the rows read from the page's offset, at most {@link #rowsToRead} of them
     * @param exactCount  counts the listing's rows; called only for {@link TotalCount#EXACT} when the rows do not
     *                    give the total
     * @param plannedRows the planner's estimate of the listing's rows; called only for {@link TotalCount#ESTIMATE}
     *                    when the rows do not give the total
     * @param <T>         the row type
     * @return the page
     */
    public static <T> Page<T> offsetPage(PageRequest request, List<T> read, LongSupplier exactCount,
                                         DoubleSupplier plannedRows) {
        boolean hasNext = read.size() > request.limit();
        List<T> items = hasNext ? read.subList(0, request.limit()) : read;
        boolean reachesTheEnd = !hasNext && (!items.isEmpty() || request.page() == 1);
        long seen = request.offset() + items.size();
        return switch (request.totalCount()) {
            case NONE -> page(request, items, hasNext, OptionalLong.empty(), TotalCount.NONE);
            case EXACT -> page(request, items, hasNext,
                    OptionalLong.of(reachesTheEnd ? seen : exactCount.getAsLong()), TotalCount.EXACT);
            case ESTIMATE -> reachesTheEnd
                    ? page(request, items, hasNext, OptionalLong.of(seen), TotalCount.EXACT)
                    : page(request, items, hasNext,
                            OptionalLong.of(estimate(plannedRows.getAsDouble(), hasNext, seen)), TotalCount.ESTIMATE);
        };
    }

    /**
     * The planner's estimate, kept within what the page proves: with another page to come, more rows than were seen;
     * past the last page, no more than the offset.
     */
    private static long estimate(double plannedRows, boolean hasNext, long seen) {
        long planned = Math.round(plannedRows);
        return hasNext ? Math.max(planned, seen + 1) : Math.min(planned, seen);
    }

    private static <T> Page<T> page(PageRequest request, List<T> items, boolean hasNext, OptionalLong total,
                                    TotalCount totalCount) {
        return new Page<>(items, request.page(), request.limit(), hasNext, total, totalCount);
    }
}
