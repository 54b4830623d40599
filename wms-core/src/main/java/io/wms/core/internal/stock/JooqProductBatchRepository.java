package io.wms.core.internal.stock;

import io.wms.core.internal.LiveStock;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;

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
import io.wms.core.internal.Mappers;
import io.wms.core.internal.SoftDeletes;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.BatchWithProduct;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.BatchChanges;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;

/**
 * Product batches on jOOQ. Never writes {@code quantity} or {@code status}: those belong to the inventory service,
 * which keeps them equal to what the ledger proves.
 */
final class JooqProductBatchRepository implements ProductBatchRepository {

    static final int BATCH_NUMBER_LENGTH = 255;

    private static final SoftDeletes<ProductBatchesRecord, ProductBatch> SOFT_DELETES = new SoftDeletes<>("batch",
            PRODUCT_BATCHES, PRODUCT_BATCHES.ID, PRODUCT_BATCHES.DELETED_AT, PRODUCT_BATCHES.UPDATED_BY,
            Mappers::batch);

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
        actor.require(Permission.READ_CATALOG);
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.ID.eq(id).and(live()))
                .fetchOptional()
                .map(Mappers::batch);
    }

    @Override
    public List<ProductBatch> byProduct(Actor actor, long productId) {
        actor.require(Permission.READ_CATALOG);
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(productId).and(live()))
                .orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST)
                .fetch(Mappers::batch);
    }

    @Override
    public List<ProductBatch> byBatchNumber(Actor actor, String batchNumber) {
        actor.require(Permission.READ_CATALOG);
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.BATCH_NUMBER.eq(batchNumber).and(live()))
                .orderBy(PRODUCT_BATCHES.ID)
                .fetch(Mappers::batch);
    }

    @Override
    public List<BatchWithProduct> expired(Actor actor) {
        actor.require(Permission.READ_CATALOG);
        return withProducts(LiveStock.batchOfLiveProduct().and(expiryPolicy.holdsExpiredStock()),
                List.of(PRODUCT_BATCHES.EXPIRY_DATE.asc(), PRODUCT_BATCHES.ID.asc()));
    }

    @Override
    public List<BatchWithProduct> lowStock(Actor actor, int threshold) {
        actor.require(Permission.READ_CATALOG);
        Validator.of("low-stock threshold").positive("threshold", threshold).validate();
        return withProducts(LiveStock.batchOfLiveProduct().and(expiryPolicy.usableStock()).and(PRODUCT_BATCHES.QUANTITY.lt(threshold)),
                List.of(PRODUCT_BATCHES.QUANTITY.asc(), PRODUCT_BATCHES.ID.asc()));
    }

    @Override
    public ProductBatch update(Actor actor, long id, BatchChanges changes) {
        actor.require(Permission.MANAGE_CATALOG);
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
                actor.require(Permission.CHANGE_BATCH_STATUS);
            }
            BatchStatus status = before.getStatus();
            if (status == BatchStatus.EXPIRED && !expiryPolicy.isExpired(changes.expiryDate())) {
                status = before.getQuantity() > 0 ? BatchStatus.ACTIVE : BatchStatus.DEPLETED;
                correction(corrections, "status", before.getStatus().databaseValue(), status.databaseValue());
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
        actor.require(Permission.CHANGE_BATCH_STATUS);
        transactions.transaction(() -> {
            SOFT_DELETES.delete(dsl, actor, id);
            LedgerRows.append(dsl, actor, id, TrackAction.CORRECTED, "hidden: soft-deleted", null, null);
            return id;
        });
    }

    @Override
    public ProductBatch restore(Actor actor, long id) {
        actor.require(Permission.CHANGE_BATCH_STATUS);
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
        actor.require(Permission.PURGE_DATA);
        SOFT_DELETES.purge(dsl, id);
    }

    private List<BatchWithProduct> withProducts(Condition condition, List<SortField<?>> order) {
        return dsl.select(PRODUCT_BATCHES, PRODUCTS)
                .from(PRODUCT_BATCHES)
                .join(PRODUCTS).on(PRODUCTS.ID.eq(PRODUCT_BATCHES.PRODUCT_ID))
                .where(condition)
                .orderBy(order)
                .fetch(row -> new BatchWithProduct(Mappers.batch(row.value1()), Mappers.product(row.value2())));
    }

    private static Condition live() {
        return PRODUCT_BATCHES.DELETED_AT.isNull();
    }

    private static Condition active() {
        return PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE).and(live());
    }

}
