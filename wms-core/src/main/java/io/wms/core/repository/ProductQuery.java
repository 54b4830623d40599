package io.wms.core.repository;

import java.time.Instant;
import java.time.LocalDate;

import io.wms.core.model.BatchStatus;

/**
 * The filters and order of a product listing. Every filter is optional ({@code null} means "any"); the filters
 * that are set must all match. Start from {@link #all()} and narrow it with the {@code with...} methods, each of
 * which returns a new query.
 *
 * <p>Only live products are listed, and only live batches count for the batch filters.
 *
 * @param text          words to search in product names, full-text in English (stemmed: "widgets" finds
 *                      "widget"), in the syntax of web search engines (quoted phrases, {@code -word},
 *                      {@code or}); at most {@link #MAX_TEXT_LENGTH} characters; {@code null} for no search
 * @param categoryId    only products of this category
 * @param brandId       only products of this brand
 * @param batchStatus   only products with at least one live batch in this status
 * @param expiringFrom  only products with a live batch expiring on or after this day (combined with
 *                      {@code expiringTo}, the same batch must satisfy both)
 * @param expiringTo    only products with a live batch expiring on or before this day
 * @param createdFrom   only products created at or after this instant
 * @param createdTo     only products created before this instant
 * @param sort          the order; never {@code null}, {@link ProductSort#NAME} in {@link #all()}
 * @param direction     the direction of the order; never {@code null}, {@link SortDirection#ASC} in {@link #all()}
 */
public record ProductQuery(String text, Long categoryId, Long brandId, BatchStatus batchStatus,
                           LocalDate expiringFrom, LocalDate expiringTo, Instant createdFrom, Instant createdTo,
                           ProductSort sort, SortDirection direction) {

    /** The longest search text accepted. */
    public static final int MAX_TEXT_LENGTH = 200;

    /**
     * Returns the query for every live product, by name.
     *
     * @return the unfiltered query
     */
    public static ProductQuery all() {
        return new ProductQuery(null, null, null, null, null, null, null, null, ProductSort.NAME, SortDirection.ASC);
    }

    /**
     * Returns this query with a full-text search on product names.
     *
     * @param words the words to search; {@code null} removes the search
     * @return the new query
     */
    public ProductQuery withText(String words) {
        return new ProductQuery(words, categoryId, brandId, batchStatus, expiringFrom, expiringTo, createdFrom,
                createdTo, sort, direction);
    }

    /**
     * Returns this query restricted to one category.
     *
     * @param category the category's id; {@code null} for any
     * @return the new query
     */
    public ProductQuery withCategory(Long category) {
        return new ProductQuery(text, category, brandId, batchStatus, expiringFrom, expiringTo, createdFrom,
                createdTo, sort, direction);
    }

    /**
     * Returns this query restricted to one brand.
     *
     * @param brand the brand's id; {@code null} for any
     * @return the new query
     */
    public ProductQuery withBrand(Long brand) {
        return new ProductQuery(text, categoryId, brand, batchStatus, expiringFrom, expiringTo, createdFrom,
                createdTo, sort, direction);
    }

    /**
     * Returns this query restricted to products that have a live batch in a status.
     *
     * @param status the status; {@code null} for any
     * @return the new query
     */
    public ProductQuery withBatchStatus(BatchStatus status) {
        return new ProductQuery(text, categoryId, brandId, status, expiringFrom, expiringTo, createdFrom, createdTo,
                sort, direction);
    }

    /**
     * Returns this query restricted to products that have a live batch expiring within a range of days.
     *
     * @param from the first day, inclusive; {@code null} for no lower bound
     * @param to   the last day, inclusive; {@code null} for no upper bound
     * @return the new query
     */
    public ProductQuery withExpiryBetween(LocalDate from, LocalDate to) {
        return new ProductQuery(text, categoryId, brandId, batchStatus, from, to, createdFrom, createdTo, sort,
                direction);
    }

    /**
     * Returns this query restricted to products created within a range of time.
     *
     * @param from the start, inclusive; {@code null} for no lower bound
     * @param to   the end, exclusive; {@code null} for no upper bound
     * @return the new query
     */
    public ProductQuery withCreatedBetween(Instant from, Instant to) {
        return new ProductQuery(text, categoryId, brandId, batchStatus, expiringFrom, expiringTo, from, to, sort,
                direction);
    }

    /**
     * Returns this query in another order.
     *
     * @param newSort      the sort key; never {@code null}
     * @param newDirection the direction; never {@code null}
     * @return the new query
     */
    public ProductQuery sortedBy(ProductSort newSort, SortDirection newDirection) {
        return new ProductQuery(text, categoryId, brandId, batchStatus, expiringFrom, expiringTo, createdFrom,
                createdTo, newSort, newDirection);
    }
}
