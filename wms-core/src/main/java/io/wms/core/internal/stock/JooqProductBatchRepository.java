package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.currentInstant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Validator;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.BatchWithProduct;
import io.wms.core.model.ProductBatch;
import io.wms.core.repository.BatchChanges;
import io.wms.core.repository.ProductBatchRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;

/**
 * Product batches on jOOQ. Never writes {@code quantity} or {@code status}: those belong to the inventory service,
 * which keeps them equal to what the ledger proves.
 */
final class JooqProductBatchRepository implements ProductBatchRepository {

    static final int BATCH_NUMBER_LENGTH = 255;

    private final DSLContext dsl;
    private final ExpiryPolicy expiryPolicy;

    JooqProductBatchRepository(DSLContext dsl, ExpiryPolicy expiryPolicy) {
        this.dsl = dsl;
        this.expiryPolicy = expiryPolicy;
    }

    @Override
    public Optional<ProductBatch> findById(long id) {
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.ID.eq(id).and(live()))
                .fetchOptional()
                .map(Mappers::batch);
    }

    @Override
    public List<ProductBatch> byProduct(long productId) {
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(productId).and(live()))
                .orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST)
                .fetch(Mappers::batch);
    }

    @Override
    public List<ProductBatch> byBatchNumber(String batchNumber) {
        return dsl.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.BATCH_NUMBER.eq(batchNumber).and(live()))
                .orderBy(PRODUCT_BATCHES.ID)
                .fetch(Mappers::batch);
    }

    @Override
    public List<BatchWithProduct> expired() {
        return withProducts(active().and(expiryPolicy.expired()),
                List.of(PRODUCT_BATCHES.EXPIRY_DATE.asc(), PRODUCT_BATCHES.ID.asc()));
    }

    @Override
    public List<BatchWithProduct> lowStock(int threshold) {
        Validator.of("low-stock threshold").positive("threshold", threshold).validate();
        return withProducts(active().and(PRODUCT_BATCHES.QUANTITY.lt(threshold)),
                List.of(PRODUCT_BATCHES.QUANTITY.asc(), PRODUCT_BATCHES.ID.asc()));
    }

    @Override
    public ProductBatch update(Actor actor, long id, BatchChanges changes) {
        actor.require(Permission.MANAGE_CATALOG);
        Validator.of("batch changes")
                .requiredText("batchNumber", changes.batchNumber(), BATCH_NUMBER_LENGTH)
                .datesInOrder("manufacturingDate", changes.manufacturingDate(), "expiryDate", changes.expiryDate())
                .validate();
        return dsl.update(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, changes.batchNumber().strip())
                .set(PRODUCT_BATCHES.MANUFACTURING_DATE, changes.manufacturingDate())
                .set(PRODUCT_BATCHES.EXPIRY_DATE, changes.expiryDate())
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .where(PRODUCT_BATCHES.ID.eq(id)
                        .and(live())
                        .and(PRODUCT_BATCHES.VERSION.eq(changes.expectedVersion())))
                .returning()
                .fetchOptional()
                .map(Mappers::batch)
                .orElseThrow(() -> missingOrStale(id, changes.expectedVersion()));
    }

    @Override
    public void delete(Actor actor, long id) {
        actor.require(Permission.MANAGE_CATALOG);
        int deleted = dsl.update(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.DELETED_AT, currentInstant())
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .where(PRODUCT_BATCHES.ID.eq(id).and(live()))
                .execute();
        if (deleted == 0) {
            throw new NotFoundException("batch", id);
        }
    }

    @Override
    public ProductBatch restore(Actor actor, long id) {
        actor.require(Permission.MANAGE_CATALOG);
        return dsl.update(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.DELETED_AT, (Instant) null)
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .where(PRODUCT_BATCHES.ID.eq(id).and(PRODUCT_BATCHES.DELETED_AT.isNotNull()))
                .returning()
                .fetchOptional()
                .map(Mappers::batch)
                .orElseThrow(() -> new NotFoundException("deleted batch", id));
    }

    @Override
    public void purge(Actor actor, long id) {
        actor.require(Permission.PURGE_DATA);
        if (dsl.deleteFrom(PRODUCT_BATCHES).where(PRODUCT_BATCHES.ID.eq(id)).execute() == 0) {
            throw new NotFoundException("batch", id);
        }
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

    private RuntimeException missingOrStale(long id, long expectedVersion) {
        boolean exists = dsl.fetchExists(PRODUCT_BATCHES, PRODUCT_BATCHES.ID.eq(id).and(live()));
        return exists ? new ConcurrentUpdateException("batch", id, expectedVersion)
                : new NotFoundException("batch", id);
    }
}
