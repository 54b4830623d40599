package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.wms.core.internal.KeysetCursor;
import io.wms.core.internal.Pages;
import io.wms.core.internal.PgCatalog;
import io.wms.core.internal.RecordColumns;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.internal.Transactions;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.Product;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.Page;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductSort;
import io.wms.core.repository.SortDirection;
import io.wms.core.repository.TotalCount;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The statements of the product listings (offset pages and keyset pages of a {@link ProductQuery}), each rendered
 * once and run on plain JDBC as a {@link RenderedStatement}. Building, rendering and mapping a jOOQ query on every
 * call cost more than PostgreSQL spends on a page, and allocated several times its rows.
 *
 * <p>A listing's statement has a shape that depends only on which filters are set, its order, whether it starts
 * after a keyset cursor and whether an offset page selects its exact total; every value (the filters', the cursor's,
 * the limit and the offset) is a named parameter. There are a few thousand shapes at most, and an application uses a
 * handful, so each is built the first time it is asked for and kept for the life of the repository.
 *
 * <p>Thread-safe: the shapes are immutable once rendered, and the cache is a concurrent map.
 */
final class ProductListings {

    private static final Param<String> TEXT = DSL.param("text", SQLDataType.VARCHAR);
    private static final Param<Long> CATEGORY = DSL.param("categoryId", PRODUCTS.CATEGORY_ID.getDataType());
    private static final Param<Long> BRAND = DSL.param("brandId", PRODUCTS.BRAND_ID.getDataType());
    private static final Param<BatchStatus> BATCH_STATUS = DSL.param("batchStatus",
            PRODUCT_BATCHES.STATUS.getDataType());
    private static final Param<LocalDate> EXPIRING_FROM = DSL.param("expiringFrom",
            PRODUCT_BATCHES.EXPIRY_DATE.getDataType());
    private static final Param<LocalDate> EXPIRING_TO = DSL.param("expiringTo",
            PRODUCT_BATCHES.EXPIRY_DATE.getDataType());
    private static final Param<Instant> CREATED_FROM = DSL.param("createdFrom", PRODUCTS.CREATED_AT.getDataType());
    private static final Param<Instant> CREATED_TO = DSL.param("createdTo", PRODUCTS.CREATED_AT.getDataType());
    private static final Param<String> AFTER_NAME = DSL.param("afterName", PRODUCTS.NAME.getDataType());
    private static final Param<Instant> AFTER_CREATED_AT = DSL.param("afterCreatedAt",
            PRODUCTS.CREATED_AT.getDataType());
    private static final Param<Long> AFTER_ID = DSL.param("afterId", PRODUCTS.ID.getDataType());
    private static final Param<Integer> LIMIT = DSL.param("limit", SQLDataType.INTEGER);
    private static final Param<Long> OFFSET = DSL.param("offset", SQLDataType.BIGINT);

    /** Every parameter of every shape, in the order {@link #values} gives their values. */
    private static final Param<?>[] PARAMETERS = {TEXT, CATEGORY, BRAND, BATCH_STATUS, EXPIRING_FROM, EXPIRING_TO,
        CREATED_FROM, CREATED_TO, AFTER_NAME, AFTER_CREATED_AT, AFTER_ID, LIMIT, OFFSET};

    /** The position of the exact total, after the product's columns. */
    private static final int TOTAL_COLUMN = RecordColumns.PRODUCT.width() + 1;

    /** The optional filters of a query; each one set adds its condition, and so changes the statement's shape. */
    private enum Filter {
        TEXT(query -> query.text() != null && !query.text().isBlank()),
        CATEGORY(query -> query.categoryId() != null),
        BRAND(query -> query.brandId() != null),
        BATCH_STATUS(query -> query.batchStatus() != null),
        EXPIRING_FROM(query -> query.expiringFrom() != null),
        EXPIRING_TO(query -> query.expiringTo() != null),
        CREATED_FROM(query -> query.createdFrom() != null),
        CREATED_TO(query -> query.createdTo() != null);

        private final Predicate<ProductQuery> setIn;

        Filter(Predicate<ProductQuery> setIn) {
            this.setIn = setIn;
        }

        /** Tells whether a query sets this filter. */
        boolean isSetIn(ProductQuery query) {
            return setIn.test(query);
        }
    }

    /** How a listing's statement delimits its rows. */
    private enum Paging {
        /** An offset page that counts nothing with its rows. */
        OFFSET,
        /** An offset page whose every row carries the listing's exact total. */
        OFFSET_WITH_EXACT_TOTAL,
        /** The first keyset page. */
        KEYSET_FROM_START,
        /** A keyset page that starts after a cursor. */
        KEYSET_AFTER_CURSOR
    }

    /**
     * What a statement's text depends on: everything but the values.
     *
     * @param filters   the filters set, one bit per {@link Filter} at its ordinal
     * @param sort      the sort key
     * @param direction the direction
     * @param paging    how the rows are delimited
     */
    private record Shape(int filters, ProductSort sort, SortDirection direction, Paging paging) {

        static Shape of(ProductQuery query, Paging paging) {
            int filters = 0;
            for (Filter filter : Filter.values()) {
                if (filter.isSetIn(query)) {
                    filters |= 1 << filter.ordinal();
                }
            }
            return new Shape(filters, query.sort(), query.direction(), paging);
        }
    }

    /**
     * Where a filter's values go: named parameters in a statement rendered once, or the values themselves in a
     * statement built for one call.
     */
    private interface Values {

        /** Returns what stands for a value in the statement. */
        <T> Field<T> of(Param<T> parameter, T value);
    }

    private static final Values AS_PARAMETERS = new Values() {
        @Override
        public <T> Field<T> of(Param<T> parameter, T value) {
            return parameter;
        }
    };

    private static final Values AS_BOUND_VALUES = new Values() {
        @Override
        public <T> Field<T> of(Param<T> parameter, T value) {
            return DSL.val(value, parameter.getDataType());
        }
    };

    /**
     * Where a keyset page starts: after the row with this sort value and id.
     *
     * @param sortValue the last row's sort value: its name, its creation instant, or {@code null} when sorted by id
     * @param id        the last row's id
     */
    record CursorPosition(Object sortValue, long id) {
    }

    /** A product read with the exact total of its listing. */
    private record CountedProduct(Product product, long total) {
    }

    private final Transactions transactions;
    private final DSLContext dsl;
    private final Map<Shape, RenderedStatement> shapes = new ConcurrentHashMap<>();

    ProductListings(Transactions transactions) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
    }

    /**
     * Reads an offset page of a listing, with the total the request asks for.
     *
     * @param query   the filters and order, already validated
     * @param request the page, already validated
     * @return the page
     */
    Page<Product> page(ProductQuery query, PageRequest request) {
        Object[] values = values(query, Pages.rowsToRead(request), request.offset(), null);
        if (request.totalCount() != TotalCount.EXACT) {
            List<Product> rows = statement(query, Paging.OFFSET).list(transactions, ProductListings::product, values);
            return Pages.offsetPage(request, rows, () -> count(filter(query, AS_BOUND_VALUES)),
                    () -> plannedRows(filter(query, AS_BOUND_VALUES)));
        }
        List<CountedProduct> rows = statement(query, Paging.OFFSET_WITH_EXACT_TOTAL).list(transactions,
                row -> new CountedProduct(product(row), row.getLong(TOTAL_COLUMN)), values);
        return Pages.offsetPage(request, rows.stream().map(CountedProduct::product).toList(),
                () -> rows.isEmpty() ? count(filter(query, AS_BOUND_VALUES)) : rows.get(0).total(),
                () -> plannedRows(filter(query, AS_BOUND_VALUES)));
    }

    /**
     * Reads a keyset page of a listing.
     *
     * @param query the filters and order, already validated
     * @param limit the rows per page, already validated
     * @param after where the page starts; {@code null} for the first page
     * @return the page, with the cursor of the next one if there is more
     */
    KeysetPage<Product> scroll(ProductQuery query, int limit, CursorPosition after) {
        Paging paging = after == null ? Paging.KEYSET_FROM_START : Paging.KEYSET_AFTER_CURSOR;
        List<Product> rows = statement(query, paging).list(transactions, ProductListings::product,
                values(query, limit + 1, null, after));
        if (rows.size() <= limit) {
            return new KeysetPage<>(rows, Optional.empty());
        }
        Product last = rows.get(limit - 1);
        String value = switch (query.sort()) {
            case NAME -> last.name();
            case CREATED_AT -> last.createdAt().toString();
            case ID -> "";
        };
        return new KeysetPage<>(rows.subList(0, limit),
                Optional.of(new KeysetCursor(cursorKind(query), value, last.id()).encode()));
    }

    /**
     * Returns the kind written into a listing's cursors, so that a cursor of another order is refused.
     *
     * @param query the listing
     * @return the kind, such as {@code product:NAME:ASC}
     */
    static String cursorKind(ProductQuery query) {
        return "product:" + query.sort() + ":" + query.direction();
    }

    /**
     * Returns the listing's total as a scalar subquery, uncorrelated and so evaluated once however many rows carry
     * it.
     *
     * @param filter the listing's condition on {@code products}
     * @return the count of the products it matches
     */
    static Field<Integer> total(Condition filter) {
        return field(select(PgCatalog.count()).from(PRODUCTS).where(filter));
    }

    /**
     * Counts a listing's products, for the rare page that cannot take its total from its own rows.
     *
     * @param filter the listing's condition on {@code products}
     * @return the count
     */
    long count(Condition filter) {
        return dsl.select(PgCatalog.count()).from(PRODUCTS).where(filter).fetchSingle().value1();
    }

    /**
     * Returns the planner's estimate of the rows a filter matches: EXPLAIN plans the statement without reading any
     * row.
     *
     * @param filter the listing's condition on {@code products}
     * @return the estimate
     */
    double plannedRows(Condition filter) {
        return dsl.explain(selectOne().from(PRODUCTS).where(filter)).rows();
    }

    /**
     * Returns the condition that keeps a product's live batches, for a subquery on {@code product_batches}
     * correlated with {@code products}.
     *
     * @return the condition
     */
    static Condition liveBatchOfProduct() {
        return PRODUCT_BATCHES.PRODUCT_ID.eq(PRODUCTS.ID).and(PRODUCT_BATCHES.DELETED_AT.isNull());
    }

    /** The statement of the query's shape, rendered the first time the shape is asked for. */
    private RenderedStatement statement(ProductQuery query, Paging paging) {
        Shape shape = Shape.of(query, paging);
        RenderedStatement statement = shapes.get(shape);
        return statement != null ? statement : shapes.computeIfAbsent(shape, absent -> render(query, paging));
    }

    /** Builds and renders a shape; the query tells which filters it has, its values go nowhere. */
    private RenderedStatement render(ProductQuery query, Paging paging) {
        Condition filter = filter(query, AS_PARAMETERS);
        boolean exactTotal = paging == Paging.OFFSET_WITH_EXACT_TOTAL;
        Condition after = paging == Paging.KEYSET_AFTER_CURSOR ? after(query) : noCondition();
        SelectLimitStep<?> ordered = dsl.select(RecordColumns.PRODUCT.columns())
                .select(exactTotal ? List.of(total(filter)) : List.of())
                .from(PRODUCTS)
                .where(filter.and(after))
                .orderBy(order(query));
        boolean offsetPage = paging == Paging.OFFSET || exactTotal;
        return new RenderedStatement(dsl, offsetPage ? ordered.limit(LIMIT).offset(OFFSET) : ordered.limit(LIMIT),
                PARAMETERS);
    }

    /**
     * The row-value comparison {@code (key, id) > (?, ?)} (or {@code <} descending) is what lets the index on
     * {@code (key, id)} start right at the cursor instead of skipping the rows before it.
     */
    private static Condition after(ProductQuery query) {
        boolean ascending = query.direction() == SortDirection.ASC;
        return switch (query.sort()) {
            case ID -> ascending ? PRODUCTS.ID.gt(AFTER_ID) : PRODUCTS.ID.lt(AFTER_ID);
            case NAME -> ascending ? row(PRODUCTS.NAME, PRODUCTS.ID).gt(AFTER_NAME, AFTER_ID)
                    : row(PRODUCTS.NAME, PRODUCTS.ID).lt(AFTER_NAME, AFTER_ID);
            case CREATED_AT -> ascending ? row(PRODUCTS.CREATED_AT, PRODUCTS.ID).gt(AFTER_CREATED_AT, AFTER_ID)
                    : row(PRODUCTS.CREATED_AT, PRODUCTS.ID).lt(AFTER_CREATED_AT, AFTER_ID);
        };
    }

    private static List<SortField<?>> order(ProductQuery query) {
        boolean ascending = query.direction() == SortDirection.ASC;
        ProductSort sort = query.sort();
        List<SortField<?>> order = new ArrayList<>(2);
        if (sort == ProductSort.NAME) {
            order.add(ascending ? PRODUCTS.NAME.asc() : PRODUCTS.NAME.desc());
        } else if (sort == ProductSort.CREATED_AT) {
            order.add(ascending ? PRODUCTS.CREATED_AT.asc() : PRODUCTS.CREATED_AT.desc());
        }
        order.add(ascending ? PRODUCTS.ID.asc() : PRODUCTS.ID.desc());
        return order;
    }

    /**
     * The search predicate is written exactly as the expression of {@code idx_products_name_gin}, with the text
     * configuration inlined rather than bound, or the planner could not match the index.
     *
     * @param query  the filters set, and their values
     * @param values where the values go
     */
    private static Condition filter(ProductQuery query, Values values) {
        Condition filter = PRODUCTS.DELETED_AT.isNull();
        if (Filter.TEXT.isSetIn(query)) {
            filter = filter.and(condition("pg_catalog.to_tsvector({0}, {1}) @@ pg_catalog.websearch_to_tsquery({0}, {2})",
                    inline("english"), PRODUCTS.NAME, values.of(TEXT, query.text())));
        }
        if (Filter.CATEGORY.isSetIn(query)) {
            filter = filter.and(PRODUCTS.CATEGORY_ID.eq(values.of(CATEGORY, query.categoryId())));
        }
        if (Filter.BRAND.isSetIn(query)) {
            filter = filter.and(PRODUCTS.BRAND_ID.eq(values.of(BRAND, query.brandId())));
        }
        Condition batch = noCondition();
        if (Filter.BATCH_STATUS.isSetIn(query)) {
            batch = batch.and(PRODUCT_BATCHES.STATUS.eq(values.of(BATCH_STATUS, query.batchStatus())));
        }
        if (Filter.EXPIRING_FROM.isSetIn(query)) {
            batch = batch.and(PRODUCT_BATCHES.EXPIRY_DATE.ge(values.of(EXPIRING_FROM, query.expiringFrom())));
        }
        if (Filter.EXPIRING_TO.isSetIn(query)) {
            batch = batch.and(PRODUCT_BATCHES.EXPIRY_DATE.le(values.of(EXPIRING_TO, query.expiringTo())));
        }
        if (Filter.BATCH_STATUS.isSetIn(query) || Filter.EXPIRING_FROM.isSetIn(query)
                || Filter.EXPIRING_TO.isSetIn(query)) {
            filter = filter.and(exists(selectOne().from(PRODUCT_BATCHES).where(liveBatchOfProduct().and(batch))));
        }
        if (Filter.CREATED_FROM.isSetIn(query)) {
            filter = filter.and(PRODUCTS.CREATED_AT.ge(values.of(CREATED_FROM, query.createdFrom())));
        }
        if (Filter.CREATED_TO.isSetIn(query)) {
            filter = filter.and(PRODUCTS.CREATED_AT.lt(values.of(CREATED_TO, query.createdTo())));
        }
        return filter;
    }

    /**
     * The values of a statement, in the order of {@link #PARAMETERS}; a value whose parameter the statement's shape
     * does not have is not bound.
     */
    private static Object[] values(ProductQuery query, Integer limit, Long offset, CursorPosition after) {
        Object afterName = after != null && query.sort() == ProductSort.NAME ? after.sortValue() : null;
        Object afterCreatedAt = after != null && query.sort() == ProductSort.CREATED_AT ? after.sortValue() : null;
        Long afterId = after == null ? null : after.id();
        return new Object[] {query.text(), query.categoryId(), query.brandId(), query.batchStatus(),
            query.expiringFrom(), query.expiringTo(), query.createdFrom(), query.createdTo(), afterName,
            afterCreatedAt, afterId, limit, offset};
    }

    private static Product product(ResultSet row) throws SQLException {
        return RecordColumns.PRODUCT.read(row, 1);
    }
}
