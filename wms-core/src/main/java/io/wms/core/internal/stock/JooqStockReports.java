package io.wms.core.internal.stock;

import io.wms.core.auth.Actor;
import static io.wms.core.internal.PgCatalog.count;
import static io.wms.core.internal.PgCatalog.sum;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LiveStock;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.inventory.InventoryReportLine;
import io.wms.core.inventory.ProductStock;
import io.wms.core.inventory.StockReports;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.repository.KeysetPage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ implementation of {@link StockReports}.
 */
final class JooqStockReports implements StockReports {

    private static final Keyset<InventoryReportLine> BY_PRODUCT_NAME = Keyset.byKeyThenId("inventory:product-name",
            PRODUCTS.NAME, PRODUCTS.ID, InventoryReportLine::productName, InventoryReportLine::productId);

    private static final Keyset<ProductStock> STOCK_BY_PRODUCT_NAME = Keyset.byKeyThenId("stock:product-name",
            PRODUCTS.NAME, PRODUCTS.ID, ProductStock::productName, ProductStock::productId);

    private static final Keyset<ProductBatch> BY_EXPIRY_DATE = Keyset.byDayThenId("expiring:expiry-date",
            PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.ID, ProductBatch::expiryDate, ProductBatch::id);

    private static final Param<LocalDate> TODAY = DSL.param("today", SQLDataType.LOCALDATE);
    private static final Param<Integer> ROWS = DSL.param("rows", SQLDataType.INTEGER);
    private static final Param<String> AFTER_NAME = DSL.param("afterName", PRODUCTS.NAME.getDataType());
    private static final Param<Long> AFTER_ID = DSL.param("afterId", PRODUCTS.ID.getDataType());

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final RenderedStatement wholeReport;
    private final RenderedStatement firstPage;
    private final RenderedStatement nextPage;

    JooqStockReports(Transactions transactions, WmsSettings settings) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.expiry = new ExpiryPolicy(settings);
        this.wholeReport = new RenderedStatement(dsl, wholeReportStatement(dsl), TODAY, ROWS);
        this.firstPage = new RenderedStatement(dsl, pageStatement(dsl, noCondition()), TODAY, ROWS);
        this.nextPage = new RenderedStatement(dsl, pageStatement(dsl, BY_PRODUCT_NAME.after(AFTER_NAME, AFTER_ID)),
                TODAY, ROWS, AFTER_NAME, AFTER_ID);
    }

    @Override
    public List<InventoryReportLine> inventoryReport(Actor actor) {
        return Keyset.everything("products in the inventory report", "inventoryReport(actor, limit, cursor)",
                rows -> wholeReport.list(transactions, JooqStockReports::line, expiry.today(), rows));
    }

    @Override
    public KeysetPage<InventoryReportLine> inventoryReport(Actor actor, int limit) {
        return BY_PRODUCT_NAME.pageAt("page of the inventory report", limit, null, this::inventoryLines);
    }

    @Override
    public KeysetPage<InventoryReportLine> inventoryReport(Actor actor, int limit, String cursor) {
        return BY_PRODUCT_NAME.pageAt("page of the inventory report", limit, cursor, this::inventoryLines);
    }

    private List<InventoryReportLine> inventoryLines(Keyset.Position after, Integer rows) {
        return after == null ? firstPage.list(transactions, JooqStockReports::line, expiry.today(), rows)
                : nextPage.list(transactions, JooqStockReports::line, expiry.today(), rows, after.key(), after.id());
    }

    /** A line of the report, from the columns both statements select, in their order. */
    private static InventoryReportLine line(ResultSet row) throws SQLException {
        return new InventoryReportLine(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getLong(5), row.getInt(6), row.getInt(7));
    }

    /**
     * The whole report: the batches are aggregated per product first, in one pass over them in any order, and only
     * the result (a row per product) is joined to the products. Joining first and grouping after, as a page does, makes
     * PostgreSQL read every batch in product order, through the index: one random heap access per batch, which grows
     * slower per batch as the batches outgrow the cache.
     */
    private static Query wholeReportStatement(DSLContext dsl) {
        Condition usable = ExpiryPolicy.usableStockOn(TODAY);
        Field<Long> units = units(usable).as("units");
        Field<Integer> usableBatches = count().filterWhere(usable).as("usable_batches");
        Field<Integer> expiredBatches = count().filterWhere(ExpiryPolicy.holdsExpiredStockOn(TODAY))
                .as("expired_batches");
        Table<?> stock = select(PRODUCT_BATCHES.PRODUCT_ID, units, usableBatches, expiredBatches)
                .from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.DELETED_AT.isNull())
                .groupBy(PRODUCT_BATCHES.PRODUCT_ID)
                .asTable("stock");
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, CATEGORIES.NAME, BRANDS.NAME,
                        coalesce(stock.field(units), inline(0L)), coalesce(stock.field(usableBatches), inline(0)),
                        coalesce(stock.field(expiredBatches), inline(0)))
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .leftJoin(stock).on(stock.field(PRODUCT_BATCHES.PRODUCT_ID).eq(PRODUCTS.ID))
                .where(PRODUCTS.DELETED_AT.isNull())
                .orderBy(BY_PRODUCT_NAME.order())
                .limit(ROWS);
    }

    /**
     * A page of the report: the page's products first, by the index on their names, then their batches through the
     * index on the product, so that a page reads only its own products' batches.
     *
     * @param after where the page starts, on {@link #AFTER_NAME} and {@link #AFTER_ID}
     */
    private static Query pageStatement(DSLContext dsl, Condition after) {
        Condition usable = ExpiryPolicy.usableStockOn(TODAY);
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, CATEGORIES.NAME, BRANDS.NAME,
                        units(usable), count().filterWhere(usable),
                        count().filterWhere(ExpiryPolicy.holdsExpiredStockOn(TODAY)))
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .leftJoin(PRODUCT_BATCHES).on(PRODUCT_BATCHES.PRODUCT_ID.eq(PRODUCTS.ID)
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .where(PRODUCTS.DELETED_AT.isNull().and(after))
                .groupBy(PRODUCTS.ID, CATEGORIES.NAME, BRANDS.NAME)
                .orderBy(BY_PRODUCT_NAME.order())
                .limit(ROWS);
    }

    @Override
    public List<ProductBatch> expiringWithin(Actor actor, int days) {
        Condition expiring = expiringWithin(days);
        return Keyset.everything("batches expiring within the window", "expiringWithin(actor, days, limit, cursor)",
                rows -> JooqProductBatchRepository.batches(dsl, expiring, BY_EXPIRY_DATE, rows));
    }

    @Override
    public KeysetPage<ProductBatch> expiringWithin(Actor actor, int days, int limit) {
        return expiringWithin(actor, days, limit, null);
    }

    @Override
    public KeysetPage<ProductBatch> expiringWithin(Actor actor, int days, int limit, String cursor) {
        Condition expiring = expiringWithin(days);
        return BY_EXPIRY_DATE.page("page of the expiring-batches report", limit, cursor,
                (after, rows) -> JooqProductBatchRepository.batches(dsl, expiring.and(after), BY_EXPIRY_DATE, rows));
    }

    /** Validates the window first, so that a negative one is refused before the listing's own checks. */
    private Condition expiringWithin(int days) {
        Validator.of("expiring-batches report").notNegative("days", days).validate();
        return LiveStock.batchOfLiveProduct()
                .and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE))
                .and(PRODUCT_BATCHES.QUANTITY.gt(0))
                .and(expiry.expiresWithin(days));
    }

    @Override
    public List<ProductStock> stockPerProduct(Actor actor) {
        return Keyset.everything("products in the stock report", "stockPerProduct(actor, limit, cursor)",
                this::everyProductStock);
    }

    @Override
    public KeysetPage<ProductStock> stockPerProduct(Actor actor, int limit) {
        return stockPerProduct(actor, limit, null);
    }

    @Override
    public KeysetPage<ProductStock> stockPerProduct(Actor actor, int limit, String cursor) {
        return STOCK_BY_PRODUCT_NAME.page("page of the stock report", limit, cursor, this::productStockPage);
    }

    /** Aggregated per product before the join, as the whole inventory report is (see wholeReportStatement). */
    private List<ProductStock> everyProductStock(int rows) {
        Field<Long> usable = units(expiry.usableStock()).as("usable");
        Field<Long> quarantined = units(PRODUCT_BATCHES.STATUS.eq(BatchStatus.QUARANTINED)).as("quarantined");
        Field<Long> expired = units(expiry.holdsExpiredStock()).as("expired");
        Field<Long> recalled = units(PRODUCT_BATCHES.STATUS.eq(BatchStatus.RECALLED)).as("recalled");
        Table<?> stock = dsl.select(PRODUCT_BATCHES.PRODUCT_ID, usable, quarantined, expired, recalled)
                .from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.DELETED_AT.isNull())
                .groupBy(PRODUCT_BATCHES.PRODUCT_ID)
                .asTable("stock");
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, coalesce(stock.field(usable), inline(0L)),
                        coalesce(stock.field(quarantined), inline(0L)), coalesce(stock.field(expired), inline(0L)),
                        coalesce(stock.field(recalled), inline(0L)))
                .from(PRODUCTS)
                .leftJoin(stock).on(stock.field(PRODUCT_BATCHES.PRODUCT_ID).eq(PRODUCTS.ID))
                .where(PRODUCTS.DELETED_AT.isNull())
                .orderBy(STOCK_BY_PRODUCT_NAME.order())
                .limit(rows)
                .fetch(row -> new ProductStock(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6()));
    }

    /**
     * A page of the stock report: the page's products first, read alone by the index on their names and cut at the
     * limit, then their batches through the index on the product. Grouping the joined rows instead, as a page of the
     * inventory report does, lets PostgreSQL group by the id alone (the key decides the name) and so lose the names'
     * order: past the first page it would read every product and batch and sort them.
     */
    private List<ProductStock> productStockPage(Condition after, int rows) {
        Table<?> page = dsl.select(PRODUCTS.ID, PRODUCTS.NAME)
                .from(PRODUCTS)
                .where(PRODUCTS.DELETED_AT.isNull().and(after))
                .orderBy(STOCK_BY_PRODUCT_NAME.order())
                .limit(rows)
                .asTable("page");
        Field<Long> productId = page.field(PRODUCTS.ID);
        Field<String> productName = page.field(PRODUCTS.NAME);
        return dsl.select(productId, productName, units(expiry.usableStock()),
                        units(PRODUCT_BATCHES.STATUS.eq(BatchStatus.QUARANTINED)), units(expiry.holdsExpiredStock()),
                        units(PRODUCT_BATCHES.STATUS.eq(BatchStatus.RECALLED)))
                .from(page)
                .leftJoin(PRODUCT_BATCHES).on(PRODUCT_BATCHES.PRODUCT_ID.eq(productId)
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .groupBy(productId, productName)
                .orderBy(productName.asc(), productId.asc())
                .fetch(row -> new ProductStock(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6()));
    }

    @Override
    public List<ProductBatchTrack> history(Actor actor, long batchId) {
        return Keyset.everything("ledger rows of the batch", "ledger().byBatch(actor, batchId, limit, cursor)",
                rows -> dsl.selectFrom(PRODUCT_BATCH_TRACKS)
                        .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(batchId))
                        .orderBy(PRODUCT_BATCH_TRACKS.ID)
                        .limit(rows)
                        .fetch(Mappers::track));
    }

    private static Field<Long> units(Condition condition) {
        return coalesce(sum(PRODUCT_BATCHES.QUANTITY).filterWhere(condition), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT);
    }
}
