package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.KeysetCursor;
import io.wms.core.internal.LiveStock;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Pages;
import io.wms.core.internal.SoftDeletes;
import io.wms.core.internal.RecordColumns;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.Product;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.ProductWithBatches;
import io.wms.core.model.TrackEntry;
import io.wms.core.repository.InputLimits;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.Page;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductChanges;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.ProductSort;
import io.wms.core.repository.SortDirection;
import io.wms.core.repository.TotalCount;
import io.wms.jooq.tables.records.ProductsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Products on jOOQ. Graphs and pages are single statements, so the number of round trips never grows with the data:
 * a product's full tracking is one UNION ALL of its parts ({@link FullTrackingQuery}), products listed with their
 * batches carry them as nested MULTISETs, and a page's exact total, when asked for, comes as a scalar subquery beside
 * its rows (only a page without rows asks for it separately).
 */
final class JooqProductRepository implements ProductRepository {

    static final int NAME_LENGTH = 255;

    private static final SoftDeletes<ProductsRecord, Product> SOFT_DELETES = new SoftDeletes<>("product", PRODUCTS,
            PRODUCTS.ID, PRODUCTS.DELETED_AT, PRODUCTS.UPDATED_BY, Mappers::product);

    private static final Param<Long> PRODUCT_ID = DSL.param("productId", PRODUCTS.ID.getDataType());

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final FullTrackingQuery fullTracking;
    private final RenderedStatement liveProduct;

    JooqProductRepository(Transactions transactions, ExpiryPolicy expiry) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.expiry = expiry;
        this.fullTracking = new FullTrackingQuery(transactions);
        this.liveProduct = new RenderedStatement(dsl, dsl.select(RecordColumns.PRODUCT.columns())
                .from(PRODUCTS)
                .where(PRODUCTS.ID.eq(PRODUCT_ID).and(PRODUCTS.DELETED_AT.isNull())), PRODUCT_ID);
    }

    @Override
    public Product create(Actor actor, NewProduct product) {
        actor.require(Permission.MANAGE_CATALOG);
        validate("new product", product.name(), product.description());
        requireLiveGroups(product.categoryId(), product.brandId());
        return Mappers.product(dsl.insertInto(PRODUCTS)
                .set(PRODUCTS.NAME, product.name().strip())
                .set(PRODUCTS.DESCRIPTION, product.description())
                .set(PRODUCTS.CATEGORY_ID, product.categoryId())
                .set(PRODUCTS.BRAND_ID, product.brandId())
                .set(PRODUCTS.CREATED_BY, actor.userId())
                .set(PRODUCTS.UPDATED_BY, actor.userId())
                .returning()
                .fetchSingle());
    }

    @Override
    public Optional<Product> findById(Actor actor, long id) {
        actor.require(Permission.READ_CATALOG);
        return liveProduct.list(transactions, row -> RecordColumns.PRODUCT.read(row, 1), id).stream().findFirst();
    }

    @Override
    public Product update(Actor actor, long id, ProductChanges changes) {
        actor.require(Permission.MANAGE_CATALOG);
        validate("product changes", changes.name(), changes.description());
        requireLiveGroups(changes.categoryId(), changes.brandId());
        return dsl.update(PRODUCTS)
                .set(PRODUCTS.NAME, changes.name().strip())
                .set(PRODUCTS.DESCRIPTION, changes.description())
                .set(PRODUCTS.CATEGORY_ID, changes.categoryId())
                .set(PRODUCTS.BRAND_ID, changes.brandId())
                .set(PRODUCTS.UPDATED_BY, actor.userId())
                .where(PRODUCTS.ID.eq(id)
                        .and(PRODUCTS.DELETED_AT.isNull())
                        .and(PRODUCTS.VERSION.eq(changes.expectedVersion())))
                .returning()
                .fetchOptional()
                .map(Mappers::product)
                .orElseThrow(() -> SOFT_DELETES.missingOrStale(dsl, id, changes.expectedVersion()));
    }

    @Override
    public void delete(Actor actor, long id) {
        actor.require(Permission.MANAGE_CATALOG);
        SOFT_DELETES.delete(dsl, actor, id);
    }

    @Override
    public Product restore(Actor actor, long id) {
        actor.require(Permission.MANAGE_CATALOG);
        return SOFT_DELETES.restore(dsl, actor, id);
    }

    @Override
    public void purge(Actor actor, long id) {
        actor.require(Permission.PURGE_DATA);
        SOFT_DELETES.purge(dsl, id);
    }

    @Override
    public Optional<ProductDetails> findWithFullTracking(Actor actor, long id) {
        actor.require(Permission.READ_CATALOG);
        Optional<ProductDetails> details = fullTracking.read(id);
        return actor.can(Permission.MANAGE_USERS) ? details : details.map(JooqProductRepository::withoutUsers);
    }

    /** Who acted is personal data: without {@code MANAGE_USERS} a reader sees the ledger rows, not the users. */
    private static ProductDetails withoutUsers(ProductDetails details) {
        return new ProductDetails(details.product(), details.category(), details.brand(), details.batches().stream()
                .map(batch -> new BatchWithHistory(batch.batch(), batch.history().stream()
                        .map(entry -> new TrackEntry(entry.track(), null))
                        .toList(), batch.olderHistory()))
                .toList());
    }

    @Override
    public Page<Product> byCategory(Actor actor, long categoryId, PageRequest page) {
        actor.require(Permission.READ_CATALOG);
        Pages.checkPage(Validator.of("page of a category's products"), page).validate();
        Condition filter = PRODUCTS.CATEGORY_ID.eq(categoryId).and(PRODUCTS.DELETED_AT.isNull());
        return productPage(filter, byNameThenId(), page);
    }

    @Override
    public Page<ProductWithBatches> listWithBatches(Actor actor, PageRequest page) {
        actor.require(Permission.READ_CATALOG);
        Pages.checkPage(Validator.of("page of products with batches"), page).validate();
        Condition filter = PRODUCTS.DELETED_AT.isNull();
        Field<List<ProductBatch>> batches = multiset(
                selectFrom(PRODUCT_BATCHES).where(liveBatchOfProduct()).orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST))
                .convertFrom(rows -> rows.map(Mappers::batch));
        Field<List<ProductWithBatches>> items = multiset(
                select(PRODUCTS, batches)
                        .from(PRODUCTS)
                        .where(filter)
                        .orderBy(byNameThenId())
                        .limit(Pages.rowsToRead(page))
                        .offset(page.offset()))
                .convertFrom(rows -> rows.map(row ->
                        new ProductWithBatches(Mappers.product(row.value1()), row.value2())));
        return page(filter, items, page);
    }

    @Override
    public boolean hasActiveBatches(Actor actor, long productId) {
        actor.require(Permission.READ_CATALOG);
        return dsl.fetchExists(selectOne().from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(productId)
                        .and(LiveStock.batchOfLiveProduct())
                        .and(expiry.usableStock())
                        .and(PRODUCT_BATCHES.QUANTITY.gt(0))));
    }

    @Override
    public Page<Product> search(Actor actor, ProductQuery query, PageRequest page) {
        actor.require(Permission.READ_CATALOG);
        Validator validator = checkQuery(query);
        Pages.checkPage(validator, page).validate();
        Condition filter = filter(query);
        return productPage(filter, order(query), page);
    }

    @Override
    public KeysetPage<Product> scroll(Actor actor, ProductQuery query, int limit) {
        actor.require(Permission.READ_CATALOG);
        Pages.checkLimit(checkQuery(query), limit).validate();
        return scrollFrom(query, limit, noCondition());
    }

    @Override
    public KeysetPage<Product> scroll(Actor actor, ProductQuery query, int limit, String cursor) {
        actor.require(Permission.READ_CATALOG);
        Validator validator = Pages.checkLimit(checkQuery(query), limit);
        Condition after = query.sort() == null || query.direction() == null ? noCondition()
                : after(query, cursor, validator);
        validator.validate();
        return scrollFrom(query, limit, after);
    }

    private KeysetPage<Product> scrollFrom(ProductQuery query, int limit, Condition after) {
        List<Product> rows = dsl.selectFrom(PRODUCTS)
                .where(filter(query).and(after))
                .orderBy(order(query))
                .limit(limit + 1)
                .fetch(Mappers::product);
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
     * The row-value comparison {@code (key, id) > (?, ?)} (or {@code <} descending) is what lets the index on
     * {@code (key, id)} start right at the cursor instead of skipping the rows before it.
     */
    private static Condition after(ProductQuery query, String cursor, Validator validator) {
        Optional<KeysetCursor> decoded = KeysetCursor.decode(cursor, cursorKind(query));
        if (decoded.isEmpty()) {
            validator.add("cursor", Rule.CURSOR, "is not a cursor of this listing in this order");
            return noCondition();
        }
        long id = decoded.get().id();
        boolean ascending = query.direction() == SortDirection.ASC;
        return switch (query.sort()) {
            case ID -> ascending ? PRODUCTS.ID.gt(id) : PRODUCTS.ID.lt(id);
            case NAME -> ascending ? row(PRODUCTS.NAME, PRODUCTS.ID).gt(decoded.get().value(), id)
                    : row(PRODUCTS.NAME, PRODUCTS.ID).lt(decoded.get().value(), id);
            case CREATED_AT -> {
                Optional<Instant> createdAt = decoded.get().valueAsInstant();
                if (createdAt.isEmpty()) {
                    validator.add("cursor", Rule.CURSOR, "is not a cursor of this listing in this order");
                    yield noCondition();
                }
                yield ascending ? row(PRODUCTS.CREATED_AT, PRODUCTS.ID).gt(createdAt.get(), id)
                        : row(PRODUCTS.CREATED_AT, PRODUCTS.ID).lt(createdAt.get(), id);
            }
        };
    }

    private static String cursorKind(ProductQuery query) {
        return "product:" + query.sort() + ":" + query.direction();
    }

    /**
     * A page of products with their batches as one nested MULTISET, with the total as a scalar subquery beside it
     * when an exact one is asked for: one statement either way.
     */
    private <T> Page<T> page(Condition filter, Field<List<T>> items, PageRequest page) {
        if (page.totalCount() != TotalCount.EXACT) {
            return Pages.offsetPage(page, dsl.select(items).fetchSingle().value1(), () -> count(filter),
                    () -> plannedRows(filter));
        }
        Record2<Integer, List<T>> row = dsl.select(total(filter), items).fetchSingle();
        return Pages.offsetPage(page, row.value2(), row::value1, () -> plannedRows(filter));
    }

    /**
     * A page of plain products as flat rows; asked for an exact total, each row carries it as an uncorrelated scalar
     * subquery (evaluated once): one statement, and no nested document to decode. Only a page without rows needs a
     * second statement for its total.
     */
    private Page<Product> productPage(Condition filter, List<SortField<?>> order, PageRequest page) {
        Field<Integer> total = total(filter).as("total");
        boolean exact = page.totalCount() == TotalCount.EXACT;
        Result<Record> rows = dsl.select(PRODUCTS.fields()).select(exact ? List.of(total) : List.of())
                .from(PRODUCTS)
                .where(filter)
                .orderBy(order)
                .limit(Pages.rowsToRead(page))
                .offset(page.offset())
                .fetch();
        return Pages.offsetPage(page, rows.map(row -> Mappers.product(row.into(PRODUCTS))),
                () -> rows.isEmpty() ? count(filter) : rows.get(0).get(total), () -> plannedRows(filter));
    }

    private static Field<Integer> total(Condition filter) {
        return field(selectCount().from(PRODUCTS).where(filter));
    }

    private long count(Condition filter) {
        return dsl.fetchCount(PRODUCTS, filter);
    }

    /** The planner's estimate of the rows a filter matches: EXPLAIN plans the statement without reading any row. */
    private double plannedRows(Condition filter) {
        return dsl.explain(selectOne().from(PRODUCTS).where(filter)).rows();
    }

    private static Condition liveBatchOfProduct() {
        return PRODUCT_BATCHES.PRODUCT_ID.eq(PRODUCTS.ID).and(PRODUCT_BATCHES.DELETED_AT.isNull());
    }

    private static List<SortField<?>> byNameThenId() {
        return List.of(PRODUCTS.NAME.asc(), PRODUCTS.ID.asc());
    }

    private static List<SortField<?>> order(ProductQuery query) {
        boolean ascending = query.direction() == SortDirection.ASC;
        List<SortField<?>> order = new ArrayList<>(2);
        if (query.sort() == ProductSort.NAME) {
            order.add(ascending ? PRODUCTS.NAME.asc() : PRODUCTS.NAME.desc());
        } else if (query.sort() == ProductSort.CREATED_AT) {
            order.add(ascending ? PRODUCTS.CREATED_AT.asc() : PRODUCTS.CREATED_AT.desc());
        }
        order.add(ascending ? PRODUCTS.ID.asc() : PRODUCTS.ID.desc());
        return order;
    }

    /**
     * The search predicate is written exactly as the expression of {@code idx_products_name_gin}, with the text
     * configuration inlined rather than bound, or the planner could not match the index.
     */
    private static Condition filter(ProductQuery query) {
        Condition filter = PRODUCTS.DELETED_AT.isNull();
        if (query.text() != null && !query.text().isBlank()) {
            filter = filter.and(condition("to_tsvector({0}, {1}) @@ websearch_to_tsquery({0}, {2})",
                    inline("english"), PRODUCTS.NAME, val(query.text())));
        }
        if (query.categoryId() != null) {
            filter = filter.and(PRODUCTS.CATEGORY_ID.eq(query.categoryId()));
        }
        if (query.brandId() != null) {
            filter = filter.and(PRODUCTS.BRAND_ID.eq(query.brandId()));
        }
        Condition batch = noCondition();
        boolean batchFiltered = query.batchStatus() != null || query.expiringFrom() != null
                || query.expiringTo() != null;
        if (query.batchStatus() != null) {
            batch = batch.and(PRODUCT_BATCHES.STATUS.eq(query.batchStatus()));
        }
        if (query.expiringFrom() != null) {
            batch = batch.and(PRODUCT_BATCHES.EXPIRY_DATE.ge(query.expiringFrom()));
        }
        if (query.expiringTo() != null) {
            batch = batch.and(PRODUCT_BATCHES.EXPIRY_DATE.le(query.expiringTo()));
        }
        if (batchFiltered) {
            filter = filter.and(exists(selectOne().from(PRODUCT_BATCHES).where(liveBatchOfProduct().and(batch))));
        }
        if (query.createdFrom() != null) {
            filter = filter.and(PRODUCTS.CREATED_AT.ge(query.createdFrom()));
        }
        if (query.createdTo() != null) {
            filter = filter.and(PRODUCTS.CREATED_AT.lt(query.createdTo()));
        }
        return filter;
    }

    private static Validator checkQuery(ProductQuery query) {
        return Validator.of("product query")
                .optionalText("text", query.text(), ProductQuery.MAX_TEXT_LENGTH)
                .required("sort", query.sort())
                .required("direction", query.direction())
                .datesInOrder("expiringFrom", query.expiringFrom(), "expiringTo", query.expiringTo())
                .instantsInOrder("createdFrom", query.createdFrom(), "createdTo", query.createdTo());
    }

    private void requireLiveGroups(Long categoryId, Long brandId) {
        if (categoryId == null && brandId == null) {
            return;
        }
        Field<Boolean> categoryLive = categoryId == null ? inline(true)
                : field(exists(selectOne().from(CATEGORIES)
                        .where(CATEGORIES.ID.eq(categoryId).and(CATEGORIES.DELETED_AT.isNull()))));
        Field<Boolean> brandLive = brandId == null ? inline(true)
                : field(exists(selectOne().from(BRANDS)
                        .where(BRANDS.ID.eq(brandId).and(BRANDS.DELETED_AT.isNull()))));
        Record2<Boolean, Boolean> live = dsl.select(categoryLive, brandLive).fetchSingle();
        if (!live.value1()) {
            throw new NotFoundException("category", categoryId);
        }
        if (!live.value2()) {
            throw new NotFoundException("brand", brandId);
        }
    }


    private static void validate(String subject, String name, String description) {
        Validator.of(subject)
                .requiredText("name", name, NAME_LENGTH)
                .optionalText("description", description, InputLimits.MAX_DESCRIPTION_LENGTH)
                .validate();
    }
}
