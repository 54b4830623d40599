package io.wms.core.internal;

import io.wms.core.repository.PageRequest;

/**
 * The bounds every paged read shares, so that no listing can be asked for an unbounded number of rows.
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
     * Checks an offset page request: a page from 1 on, and a valid size.
     *
     * @param validator the validator collecting the violations
     * @param page      the request
     * @return the validator
     */
    public static Validator checkPage(Validator validator, PageRequest page) {
        validator.positive("page", page.page());
        return checkLimit(validator, page.limit());
    }
}
