package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.List;

import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LiveStock;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.inventory.InventoryReportLine;
import io.wms.core.inventory.ProductStock;
import io.wms.core.inventory.StockReports;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ implementation of {@link StockReports}.
 */
final class JooqStockReports implements StockReports {

    private final DSLContext dsl;
    private final ExpiryPolicy expiry;

    JooqStockReports(DSLContext dsl, WmsSettings settings) {
        this.dsl = dsl;
        this.expiry = new ExpiryPolicy(settings);
    }

    @Override
    public List<InventoryReportLine> inventoryReport() {
        Condition usable = usable();
        Condition holdsExpired = holdsExpired();
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, CATEGORIES.NAME, BRANDS.NAME,
                        units(usable), count().filterWhere(usable), count().filterWhere(holdsExpired))
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .leftJoin(PRODUCT_BATCHES).on(PRODUCT_BATCHES.PRODUCT_ID.eq(PRODUCTS.ID)
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .where(PRODUCTS.DELETED_AT.isNull())
                .groupBy(PRODUCTS.ID, CATEGORIES.NAME, BRANDS.NAME)
                .orderBy(PRODUCTS.NAME, PRODUCTS.ID)
                .fetch(row -> new InventoryReportLine(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7()));
    }

    @Override
    public List<ProductBatch> expiredBatches() {
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(LiveStock.batchOfLiveProduct().and(holdsExpired()))
                .orderBy(PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.ID)
                .fetch(Mappers::batch);
    }

    @Override
    public List<ProductBatch> lowStockBatches(int threshold) {
        Validator.of("low-stock report").notNegative("threshold", threshold).validate();
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(LiveStock.batchOfLiveProduct()
                        .and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE))
                        .and(expiry.usableFor(0))
                        .and(PRODUCT_BATCHES.QUANTITY.lt(threshold)))
                .orderBy(PRODUCT_BATCHES.QUANTITY, PRODUCT_BATCHES.ID)
                .fetch(Mappers::batch);
    }

    @Override
    public boolean hasActiveBatches(long productId) {
        return dsl.fetchExists(PRODUCT_BATCHES, PRODUCT_BATCHES.PRODUCT_ID.eq(productId)
                .and(LiveStock.batchOfLiveProduct())
                .and(usable())
                .and(PRODUCT_BATCHES.QUANTITY.gt(0)));
    }

    @Override
    public List<ProductBatch> expiringWithin(int days) {
        Validator.of("expiring-batches report").notNegative("days", days).validate();
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(LiveStock.batchOfLiveProduct()
                        .and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE))
                        .and(PRODUCT_BATCHES.QUANTITY.gt(0))
                        .and(expiry.expiresWithin(days)))
                .orderBy(PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.ID)
                .fetch(Mappers::batch);
    }

    @Override
    public List<ProductStock> stockPerProduct() {
        return dsl.select(PRODUCTS.ID, PRODUCTS.NAME, units(usable()),
                        units(PRODUCT_BATCHES.STATUS.eq(BatchStatus.QUARANTINED)),
                        units(holdsExpired()),
                        units(PRODUCT_BATCHES.STATUS.eq(BatchStatus.RECALLED)))
                .from(PRODUCTS)
                .leftJoin(PRODUCT_BATCHES).on(PRODUCT_BATCHES.PRODUCT_ID.eq(PRODUCTS.ID)
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .where(PRODUCTS.DELETED_AT.isNull())
                .groupBy(PRODUCTS.ID)
                .orderBy(PRODUCTS.NAME, PRODUCTS.ID)
                .fetch(row -> new ProductStock(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6()));
    }

    @Override
    public List<ProductBatchTrack> history(long batchId) {
        return dsl.selectFrom(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(batchId))
                .orderBy(PRODUCT_BATCH_TRACKS.ID)
                .fetch(Mappers::track);
    }

    private Condition usable() {
        return PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE).and(expiry.usableFor(0));
    }

    /** Expired stock is the sweep's work done (status expired) or still to do (active past its date). */
    private Condition holdsExpired() {
        return PRODUCT_BATCHES.QUANTITY.gt(0).and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.EXPIRED)
                .or(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE).and(expiry.expired())));
    }

    private static Field<Long> units(Condition condition) {
        return coalesce(sum(PRODUCT_BATCHES.QUANTITY).filterWhere(condition), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT);
    }
}
