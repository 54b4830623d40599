package io.wms.core.internal.stock;

import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.LiveStock;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.noCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.SoftDeletes;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.BatchWithProduct;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.BatchChanges;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.jooq.converters.WordConverter;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Product batches on jOOQ. Never writes {@code quantity} or {@code status}: those belong to the inventory service,
 * which keeps them equal to what the ledger proves.
 */
final class JooqProductBatchRepository implements ProductBatchRepository {

    static final int BATCH_NUMBER_LENGTH = 255;

    private static final SoftDeletes<ProductBatchesRecord, ProductBatch> SOFT_DELETES = new SoftDeletes<>("batch",
            PRODUCT_BATCHES, PRODUCT_BATCHES.ID, PRODUCT_BATCHES.DELETED_AT, PRODUCT_BATCHES.UPDATED_BY,
            Mappers::batch);

    /** First-expired, first-out, as {@link ExpiryPolicy#FIRST_EXPIRED_FIRST} orders: undated batches last. */
    private static final Keyset<ProductBatch> BY_EXPIRY = Keyset.<ProductBatch>byDayThenId("batch:product-expiry",
            PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.ID, ProductBatch::expiryDate, ProductBatch::id).nullKeysLast();

    private static final Keyset<ProductBatch> BY_ID = Keyset.byId("batch:batch-number-id", PRODUCT_BATCHES.ID,
            ProductBatch::id);

    /** A batch marked expired may carry no date: it sorts last, where PostgreSQL puts nulls in ascending order. */
    private static final Keyset<BatchWithProduct> EXPIRED_BY_EXPIRY = Keyset.<BatchWithProduct>byDayThenId(
            "batch:expired-expiry", PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.ID,
            expired -> expired.batch().expiryDate(), expired -> expired.batch().id()).nullKeysLast();

    private static final Keyset<BatchWithProduct> BY_QUANTITY = Keyset.byNumberThenId("batch:low-stock-quantity",
            PRODUCT_BATCHES.QUANTITY, PRODUCT_BATCHES.ID, low -> low.batch().quantity(), low -> low.batch().id());

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiryPolicy;

    JooqProductBatchRepository(Transactions transactions, ExpiryPolicy expiryPolicy) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.expiryPolicy = expiryPolicy;
    }

    @Override
    public Optional<ProductBatch> findById(Actor actor, long id) {
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.ID.eq(id).and(live()))
                .fetchOptional()
                .map(Mappers::batch);
    }

    @Override
    public List<ProductBatch> byProduct(Actor actor, long productId) {
        return Keyset.everything("batches of the product", "byProduct(actor, productId, limit, cursor)",
                rows -> batches(dsl, ofProduct(productId), BY_EXPIRY, rows));
    }

    @Override
    public KeysetPage<ProductBatch> byProduct(Actor actor, long productId, int limit) {
        return byProduct(actor, productId, limit, null);
    }

    @Override
    public KeysetPage<ProductBatch> byProduct(Actor actor, long productId, int limit, String cursor) {
        return BY_EXPIRY.page("page of a product's batches", limit, cursor,
                (after, rows) -> batches(dsl, ofProduct(productId).and(after), BY_EXPIRY, rows));
    }

    @Override
    public List<ProductBatch> byBatchNumber(Actor actor, String batchNumber) {
        return Keyset.everything("batches with the lot number", "byBatchNumber(actor, batchNumber, limit, cursor)",
                rows -> batches(dsl, withBatchNumber(batchNumber), BY_ID, rows));
    }

    @Override
    public KeysetPage<ProductBatch> byBatchNumber(Actor actor, String batchNumber, int limit) {
        return byBatchNumber(actor, batchNumber, limit, null);
    }

    @Override
    public KeysetPage<ProductBatch> byBatchNumber(Actor actor, String batchNumber, int limit, String cursor) {
        return BY_ID.page("page of batches with a lot number", limit, cursor,
                (after, rows) -> batches(dsl, withBatchNumber(batchNumber).and(after), BY_ID, rows));
    }

    @Override
    public List<BatchWithProduct> expired(Actor actor) {
        return Keyset.everything("batches holding expired stock", "expired(actor, limit, cursor)",
                rows -> withProducts(holdingExpiredStock(), noCondition(), EXPIRED_BY_EXPIRY, rows));
    }

    @Override
    public KeysetPage<BatchWithProduct> expired(Actor actor, int limit) {
        return expired(actor, limit, null);
    }

    @Override
    public KeysetPage<BatchWithProduct> expired(Actor actor, int limit, String cursor) {
        return EXPIRED_BY_EXPIRY.page("page of expired batches", limit, cursor,
                (after, rows) -> withProducts(holdingExpiredStock(), after, EXPIRED_BY_EXPIRY, rows));
    }

    @Override
    public List<BatchWithProduct> lowStock(Actor actor, int threshold) {
        Condition below = below(threshold);
        return Keyset.everything("low-stock batches", "lowStock(actor, threshold, limit, cursor)",
                rows -> withProducts(below, noCondition(), BY_QUANTITY, rows));
    }

    @Override
    public KeysetPage<BatchWithProduct> lowStock(Actor actor, int threshold, int limit) {
        return lowStock(actor, threshold, limit, null);
    }

    @Override
    public KeysetPage<BatchWithProduct> lowStock(Actor actor, int threshold, int limit, String cursor) {
        Condition below = below(threshold);
        return BY_QUANTITY.page("page of low-stock batches", limit, cursor,
                (after, rows) -> withProducts(below, after, BY_QUANTITY, rows));
    }

    private static Condition ofProduct(long productId) {
        return PRODUCT_BATCHES.PRODUCT_ID.eq(productId).and(live());
    }

    private static Condition withBatchNumber(String batchNumber) {
        return PRODUCT_BATCHES.BATCH_NUMBER.eq(batchNumber).and(live());
    }

    private Condition holdingExpiredStock() {
        return LiveStock.batchOfLiveProduct().and(expiryPolicy.holdsExpiredStock());
    }

    /** Validates the threshold first, so that a bad one is refused before the listing's own checks. */
    private Condition below(int threshold) {
        Validator.of("low-stock threshold").positive("threshold", threshold).validate();
        return LiveStock.batchOfLiveProduct().and(expiryPolicy.usableStock())
                .and(PRODUCT_BATCHES.QUANTITY.lt(threshold));
    }

    /**
     * Reads the batches that match, in a listing's order, at most a number of them.
     *
     * @param dsl       where the statement runs
     * @param condition which batches, with where the page starts
     * @param order     the listing
     * @param rows      the most rows to read
     * @return the batches
     */
    static List<ProductBatch> batches(DSLContext dsl, Condition condition, Keyset<?> order, int rows) {
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(condition)
                .orderBy(order.order())
                .limit(rows)
                .fetch(Mappers::batch);
    }

    @Override
    public ProductBatch update(Actor actor, long id, BatchChanges changes) {
        Validator.of("batch changes")
                .requiredText("batchNumber", changes.batchNumber(), BATCH_NUMBER_LENGTH)
                .datesInOrder("manufacturingDate", changes.manufacturingDate(), "expiryDate", changes.expiryDate())
                .validate();
        String batchNumber = changes.batchNumber().strip();
        return transactions.transaction(() -> {
            ProductBatchesRecord before = dsl.selectFrom(PRODUCT_BATCHES)
                    .where(PRODUCT_BATCHES.ID.eq(id).and(live()))
                    .forUpdate()
                    .fetchOptional()
                    .orElseThrow(() -> new NotFoundException("batch", id));
            if (before.getVersion() != changes.expectedVersion()) {
                throw new ConcurrentUpdateException("batch", id, changes.expectedVersion());
            }
            List<String> corrections = new ArrayList<>();
            correction(corrections, "batchNumber", before.getBatchNumber(), batchNumber);
            correction(corrections, "manufacturingDate", before.getManufacturingDate(), changes.manufacturingDate());
            correction(corrections, "expiryDate", before.getExpiryDate(), changes.expiryDate());
            if (corrections.isEmpty()) {
                return Mappers.batch(before);
            }
            boolean datesChange = !Objects.equals(before.getManufacturingDate(), changes.manufacturingDate())
                    || !Objects.equals(before.getExpiryDate(), changes.expiryDate());
            if (datesChange) {
                // Dates decide what may be picked: moving one is a stock decision, not a catalog edit.
                ApiGuard.requireWhen(actor, Permission.CHANGE_BATCH_STATUS);
            }
            BatchStatus status = before.getStatus();
            if (status == BatchStatus.EXPIRED && !expiryPolicy.isExpired(changes.expiryDate())) {
                status = before.getQuantity() > 0 ? BatchStatus.ACTIVE : BatchStatus.DEPLETED;
                correction(corrections, "status", WordConverter.word(before.getStatus()), WordConverter.word(status));
            }
            BatchStatus correctedStatus = status;
            ProductBatch corrected = Mappers.batch(ExceptionTranslator.naming(batchNumber,
                    () -> dsl.update(PRODUCT_BATCHES)
                            .set(PRODUCT_BATCHES.BATCH_NUMBER, batchNumber)
                            .set(PRODUCT_BATCHES.MANUFACTURING_DATE, changes.manufacturingDate())
                            .set(PRODUCT_BATCHES.EXPIRY_DATE, changes.expiryDate())
                            .set(PRODUCT_BATCHES.STATUS, correctedStatus)
                            .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                            .where(PRODUCT_BATCHES.ID.eq(id))
                            .returning()
                            .fetchSingle()));
            LedgerRows.append(dsl, actor, id, TrackAction.CORRECTED, String.join("; ", corrections), null, null);
            return corrected;
        });
    }

    @Override
    public void delete(Actor actor, long id) {
        transactions.transaction(() -> {
            SOFT_DELETES.delete(dsl, actor, id);
            LedgerRows.append(dsl, actor, id, TrackAction.CORRECTED, "hidden: soft-deleted", null, null);
            return id;
        });
    }

    @Override
    public ProductBatch restore(Actor actor, long id) {
        return transactions.transaction(() -> {
            ProductBatch restored = SOFT_DELETES.restore(dsl, actor, id);
            LedgerRows.append(dsl, actor, id, TrackAction.CORRECTED, "restored: live again", null, null);
            return restored;
        });
    }

    /** Adds "field old -> new" when a value changes; an absent date reads "none". */
    private static void correction(List<String> corrections, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            corrections.add(field + " " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after));
        }
    }

    @Override
    public void purge(Actor actor, long id) {
        SOFT_DELETES.purge(dsl, id);
    }

    private List<BatchWithProduct> withProducts(Condition condition, Condition after, Keyset<?> order, int rows) {
        return dsl.select(PRODUCT_BATCHES, PRODUCTS)
                .from(PRODUCT_BATCHES)
                .join(PRODUCTS).on(PRODUCTS.ID.eq(PRODUCT_BATCHES.PRODUCT_ID))
                .where(condition.and(after))
                .orderBy(order.order())
                .limit(rows)
                .fetch(row -> new BatchWithProduct(Mappers.batch(row.value1()), Mappers.product(row.value2())));
    }

    private static Condition live() {
        return PRODUCT_BATCHES.DELETED_AT.isNull();
    }

    private static Condition active() {
        return PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE).and(live());
    }

}
