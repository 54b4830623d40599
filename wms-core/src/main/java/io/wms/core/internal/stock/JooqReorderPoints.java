package io.wms.core.internal.stock;

import static io.wms.core.internal.PgCatalog.sum;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.REORDER_POINTS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.error.NotFoundException;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.error.Violation.Rule;
import io.wms.core.inventory.ReorderPoint;
import io.wms.core.inventory.ReorderPoints;
import io.wms.core.inventory.ReorderSuggestion;
import io.wms.core.repository.KeysetPage;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ implementation of {@link ReorderPoints}. The report is one statement per page: for each reorder point of
 * the warehouse, in product id order, a lateral sum of the product's usable units and reservations at the warehouse's
 * active locations, read through the index of active live batches per product and the units' primary key.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class JooqReorderPoints implements ReorderPoints {

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final Keyset<ReorderSuggestion> byProduct = Keyset.byId("reorder:product", REORDER_POINTS.PRODUCT_ID,
            ReorderSuggestion::productId);

    JooqReorderPoints(Transactions transactions, WmsSettings settings) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.expiry = new ExpiryPolicy(settings);
    }

    @Override
    public ReorderPoint set(Actor actor, ReorderPoint point) {
        Validator validator = Validator.of("reorder point").notNegative("minimumQuantity", point.minimumQuantity());
        if (point.maximumQuantity() <= point.minimumQuantity()) {
            validator.add("maximumQuantity", Rule.MIN, "must be greater than minimumQuantity ("
                    + point.minimumQuantity() + ")");
        }
        validator.validate();
        return transactions.statement(() -> dsl.insertInto(REORDER_POINTS, REORDER_POINTS.WAREHOUSE_ID,
                        REORDER_POINTS.PRODUCT_ID, REORDER_POINTS.MINIMUM_QUANTITY, REORDER_POINTS.MAXIMUM_QUANTITY,
                        REORDER_POINTS.UPDATED_BY)
                .select(select(val(point.warehouseId()), PRODUCTS.ID, val(point.minimumQuantity()),
                        val(point.maximumQuantity()), val(actor.userId(), REORDER_POINTS.UPDATED_BY))
                        .from(PRODUCTS)
                        .where(PRODUCTS.ID.eq(point.productId()).and(PRODUCTS.DELETED_AT.isNull()))
                        // Holds off a concurrent soft delete of the product until the point is in.
                        .forShare())
                .onConflict(REORDER_POINTS.WAREHOUSE_ID, REORDER_POINTS.PRODUCT_ID)
                .doUpdate()
                .set(REORDER_POINTS.MINIMUM_QUANTITY, point.minimumQuantity())
                .set(REORDER_POINTS.MAXIMUM_QUANTITY, point.maximumQuantity())
                .set(REORDER_POINTS.UPDATED_BY, actor.userId())
                .returningResult(REORDER_POINTS.WAREHOUSE_ID, REORDER_POINTS.PRODUCT_ID,
                        REORDER_POINTS.MINIMUM_QUANTITY, REORDER_POINTS.MAXIMUM_QUANTITY)
                .fetchOptional(row -> new ReorderPoint(row.value1(), row.value2(), row.value3(), row.value4()))
                .orElseThrow(() -> new NotFoundException("product", point.productId())));
    }

    @Override
    public Optional<ReorderPoint> find(Actor actor, long warehouseId, long productId) {
        return transactions.statement(() -> dsl.select(REORDER_POINTS.WAREHOUSE_ID, REORDER_POINTS.PRODUCT_ID,
                        REORDER_POINTS.MINIMUM_QUANTITY, REORDER_POINTS.MAXIMUM_QUANTITY)
                .from(REORDER_POINTS)
                .where(pointOf(warehouseId, productId))
                .fetchOptional(row -> new ReorderPoint(row.value1(), row.value2(), row.value3(), row.value4())));
    }

    @Override
    public boolean clear(Actor actor, long warehouseId, long productId) {
        return transactions.statement(() -> dsl.deleteFrom(REORDER_POINTS)
                .where(pointOf(warehouseId, productId))
                .execute() == 1);
    }

    private static Condition pointOf(long warehouseId, long productId) {
        return REORDER_POINTS.WAREHOUSE_ID.eq(warehouseId).and(REORDER_POINTS.PRODUCT_ID.eq(productId));
    }

    @Override
    public KeysetPage<ReorderSuggestion> reorderReport(Actor actor, long warehouseId, int limit) {
        return reportPage(warehouseId, limit, null);
    }

    @Override
    public KeysetPage<ReorderSuggestion> reorderReport(Actor actor, long warehouseId, int limit, String cursor) {
        Validator.of("reorder report").required("cursor", cursor).validate();
        return reportPage(warehouseId, limit, cursor);
    }

    private KeysetPage<ReorderSuggestion> reportPage(long warehouseId, int limit, String cursor) {
        return byProduct.page("page of the reorder report", limit, cursor,
                (after, rows) -> transactions.statement(() -> reportRows(warehouseId, after, rows)));
    }

    private List<ReorderSuggestion> reportRows(long warehouseId, Condition after, int limit) {
        Table<Record2<BigDecimal, BigDecimal>> stock = lateral(select(
                coalesce(sum(BATCH_LOCATIONS.QUANTITY), inline(BigDecimal.ZERO)).as("usable"),
                coalesce(sum(BATCH_LOCATIONS.RESERVED), inline(BigDecimal.ZERO)).as("reserved"))
                .from(PRODUCT_BATCHES)
                .join(BATCH_LOCATIONS).on(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .join(LOCATIONS).on(LOCATIONS.ID.eq(BATCH_LOCATIONS.LOCATION_ID))
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(REORDER_POINTS.PRODUCT_ID)
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull())
                        .and(expiry.usableStock())
                        .and(LOCATIONS.WAREHOUSE_ID.eq(REORDER_POINTS.WAREHOUSE_ID))
                        .and(LOCATIONS.ACTIVE))
                .asTable("stock"));
        Field<Long> usable = stock.field("usable", BigDecimal.class).cast(SQLDataType.BIGINT);
        Field<Long> reserved = stock.field("reserved", BigDecimal.class).cast(SQLDataType.BIGINT);
        Field<Long> available = usable.minus(reserved);
        return dsl.select(REORDER_POINTS.WAREHOUSE_ID, REORDER_POINTS.PRODUCT_ID, PRODUCTS.NAME,
                        REORDER_POINTS.MINIMUM_QUANTITY, REORDER_POINTS.MAXIMUM_QUANTITY, usable, reserved, available,
                        REORDER_POINTS.MAXIMUM_QUANTITY.cast(SQLDataType.BIGINT).minus(available))
                .from(REORDER_POINTS)
                .join(PRODUCTS).on(PRODUCTS.ID.eq(REORDER_POINTS.PRODUCT_ID).and(PRODUCTS.DELETED_AT.isNull()))
                .crossJoin(stock)
                .where(REORDER_POINTS.WAREHOUSE_ID.eq(warehouseId)
                        .and(after)
                        .and(available.le(REORDER_POINTS.MINIMUM_QUANTITY.cast(SQLDataType.BIGINT))))
                .orderBy(byProduct.order())
                .limit(limit)
                .fetch(row -> new ReorderSuggestion(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6(), row.value7(), row.value8(), row.value9()));
    }
}
