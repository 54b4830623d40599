package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.selectOne;

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
import io.wms.core.internal.catalog.ProductListings.CursorPosition;
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
import io.wms.core.repository.TotalCount;
import io.wms.jooq.tables.records.ProductsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record2;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Products on jOOQ. Graphs and pages are single statements, so the number of round trips never grows with the data:
 * a product's full tracking is one UNION ALL of its parts ({@link FullTrackingQuery}), products listed with their
 * batches carry them as nested MULTISETs, and a page's exact total, when asked for, comes as a scalar subquery beside
 * its rows (only a page without rows asks for it separately). The plain listings, the hot reads, run as statements
 * rendered once ({@link ProductListings}).
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
    private final ProductListings listings;

    JooqProductRepository(Transactions transactions, ExpiryPolicy expiry) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.expiry = expiry;
        this.fullTracking = new FullTrackingQuery(transactions);
        this.listings = new ProductListings(transactions);
        this.liveProduct = new RenderedStatement(dsl, dsl.select(RecordColumns.PRODUCT.columns())
                .from(PRODUCTS)
                .where(PRODUCTS.ID.eq(PRODUCT_ID).and(PRODUCTS.DELETED_AT.isNull())), PRODUCT_ID);
    }

    @Override
    public Product create(Actor actor, NewProduct product) {
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
        return liveProduct.list(transactions, row -> RecordColumns.PRODUCT.read(row, 1), id).stream().findFirst();
    }

    @Override
    public Product update(Actor actor, long id, ProductChanges changes) {
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
        SOFT_DELETES.delete(dsl, actor, id);
    }

    @Override
    public Product restore(Actor actor, long id) {
        return SOFT_DELETES.restore(dsl, actor, id);
    }

    @Override
    public void purge(Actor actor, long id) {
        SOFT_DELETES.purge(dsl, id);
    }

    @Override
    public Optional<ProductDetails> findWithFullTracking(Actor actor, long id) {
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
        Pages.checkPage(Validator.of("page of a category's products"), page).validate();
        return listings.page(ProductQuery.all().withCategory(categoryId), page);
    }

    @Override
    public Page<ProductWithBatches> listWithBatches(Actor actor, PageRequest page) {
        Pages.checkPage(Validator.of("page of products with batches"), page).validate();
        Condition filter = PRODUCTS.DELETED_AT.isNull();
        Field<List<ProductBatch>> batches = multiset(selectFrom(PRODUCT_BATCHES)
                .where(ProductListings.liveBatchOfProduct())
                .orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST))
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
        return dsl.fetchExists(selectOne().from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(productId)
                        .and(LiveStock.batchOfLiveProduct())
                        .and(expiry.usableStock())
                        .and(PRODUCT_BATCHES.QUANTITY.gt(0))));
    }

    @Override
    public Page<Product> search(Actor actor, ProductQuery query, PageRequest page) {
        Validator validator = checkQuery(query);
        Pages.checkPage(validator, page).validate();
        return listings.page(query, page);
    }

    @Override
    public KeysetPage<Product> scroll(Actor actor, ProductQuery query, int limit) {
        Pages.checkLimit(checkQuery(query), limit).validate();
        return listings.scroll(query, limit, null);
    }

    @Override
    public KeysetPage<Product> scroll(Actor actor, ProductQuery query, int limit, String cursor) {
        Validator validator = Pages.checkLimit(checkQuery(query), limit);
        CursorPosition after = query.sort() == null || query.direction() == null ? null
                : after(query, cursor, validator);
        validator.validate();
        return listings.scroll(query, limit, after);
    }

    /**
     * Reads where a keyset page starts from its cursor, which must be one of this listing in this order, with a sort
     * value of the order's type.
     *
     * @return the position; {@code null} after adding a violation to the validator
     */
    private static CursorPosition after(ProductQuery query, String cursor, Validator validator) {
        Optional<KeysetCursor> decoded = KeysetCursor.decode(cursor, ProductListings.cursorKind(query));
        Optional<?> sortValue = decoded.flatMap(position -> switch (query.sort()) {
            case ID, NAME -> Optional.of(position.value());
            case CREATED_AT -> position.valueAsInstant();
        });
        if (sortValue.isEmpty()) {
            validator.add("cursor", Rule.CURSOR, "is not a cursor of this listing in this order");
            return null;
        }
        return new CursorPosition(sortValue.get(), decoded.get().id());
    }

    /**
     * A page of products with their batches as one nested MULTISET, with the total as a scalar subquery beside it
     * when an exact one is asked for: one statement either way.
     */
    private <T> Page<T> page(Condition filter, Field<List<T>> items, PageRequest page) {
        if (page.totalCount() != TotalCount.EXACT) {
            return Pages.offsetPage(page, dsl.select(items).fetchSingle().value1(), () -> listings.count(filter),
                    () -> listings.plannedRows(filter));
        }
        Record2<Integer, List<T>> row = dsl.select(ProductListings.total(filter), items).fetchSingle();
        return Pages.offsetPage(page, row.value2(), row::value1, () -> listings.plannedRows(filter));
    }

    private static List<SortField<?>> byNameThenId() {
        return List.of(PRODUCTS.NAME.asc(), PRODUCTS.ID.asc());
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
