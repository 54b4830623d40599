package io.wms.core.internal;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.IllegalTransitionException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.RetryableException;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.BatchLifecycle;
import io.wms.core.inventory.BatchMovement;
import io.wms.core.inventory.ExpirySweep;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.LedgerDiscrepancy;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.jooq.tables.ProductBatchTracks;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ implementation of {@link InventoryService}.
 */
final class JooqInventoryService implements InventoryService {

    private static final int BATCH_NUMBER_LENGTH = 255;
    private static final long BACKOFF_MILLIS = 10;

    private static final Comparator<ProductBatchesRecord> FIRST_EXPIRED_FIRST_OUT = Comparator
            .comparing(ProductBatchesRecord::getExpiryDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ProductBatchesRecord::getId);

    private final DSLContext dsl;
    private final ExpiryPolicy expiry;

    JooqInventoryService(DSLContext dsl, WmsSettings settings) {
        this.dsl = dsl;
        this.expiry = new ExpiryPolicy(settings);
    }

    @Override
    public Receipt receive(Actor actor, ReceiveStock command) {
        actor.require(Permission.RECEIVE_STOCK);
        Validator validator = Validator.of("receipt")
                .requiredText("batchNumber", command.batchNumber(), BATCH_NUMBER_LENGTH)
                .positive("quantity", command.quantity())
                .datesInOrder("manufacturingDate", command.manufacturingDate(), "expiryDate", command.expiryDate())
                .optionalText("note", command.note(), Integer.MAX_VALUE);
        key(validator, command.idempotencyKey());
        if (expiry.isExpired(command.expiryDate())) {
            validator.add("expiryDate", "expired", "is already past (" + command.expiryDate()
                    + "): expired stock cannot be received");
        }
        validator.validate();
        ReceiveStock request = new ReceiveStock(command.productId(), command.batchNumber().strip(),
                command.quantity(), command.manufacturingDate(), command.expiryDate(), command.note(), null);
        return transactional(tx -> IdempotencyKeys.once(tx, actor, command.idempotencyKey(), "receive",
                request.toString(), () -> receiveLot(tx, actor, request), ResultCodec::receipt,
                ResultCodec::receipt));
    }

    @Override
    public Receipt receiveInto(Actor actor, ReceiveIntoBatch command) {
        actor.require(Permission.RECEIVE_STOCK);
        Validator validator = Validator.of("receipt")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), Integer.MAX_VALUE);
        key(validator, command.idempotencyKey());
        validator.validate();
        ReceiveIntoBatch request = new ReceiveIntoBatch(command.batchId(), command.quantity(), command.note(), null);
        return transactional(tx -> IdempotencyKeys.once(tx, actor, command.idempotencyKey(), "receive",
                request.toString(),
                () -> receiveInto(tx, actor, lockLiveBatch(tx, command.batchId()), command.quantity(),
                        command.note()),
                ResultCodec::receipt, ResultCodec::receipt));
    }

    @Override
    public PickResult pick(Actor actor, PickStock command) {
        actor.require(Permission.PICK_STOCK);
        Validator validator = Validator.of("pick")
                .positive("quantity", command.quantity())
                .notNegative("minimumShelfLifeDays", command.minimumShelfLifeDays())
                .optionalText("note", command.note(), Integer.MAX_VALUE);
        key(validator, command.idempotencyKey());
        validator.validate();
        PickStock request = new PickStock(command.productId(), command.quantity(), command.minimumShelfLifeDays(),
                command.note(), null);
        return transactional(tx -> IdempotencyKeys.once(tx, actor, command.idempotencyKey(), "pick",
                request.toString(), () -> pickFirstExpiredFirstOut(tx, actor, request), ResultCodec::pick,
                ResultCodec::pick));
    }

    @Override
    public PickResult pickFromBatch(Actor actor, PickFromBatch command) {
        actor.require(Permission.PICK_STOCK);
        Validator validator = Validator.of("pick")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), Integer.MAX_VALUE);
        key(validator, command.idempotencyKey());
        validator.validate();
        PickFromBatch request = new PickFromBatch(command.batchId(), command.quantity(), command.note(), null);
        return transactional(tx -> IdempotencyKeys.once(tx, actor, command.idempotencyKey(), "pick",
                request.toString(), () -> pickNamedBatch(tx, actor, request), ResultCodec::pick,
                ResultCodec::pick));
    }

    @Override
    public BatchMovement adjust(Actor actor, AdjustStock command) {
        actor.require(Permission.ADJUST_STOCK);
        Validator validator = Validator.of("adjustment")
                .required("reason", command.reason())
                .optionalText("note", command.note(), Integer.MAX_VALUE);
        if (command.change() == 0) {
            validator.add("change", "not_zero", "must not be 0");
        }
        if (command.reason() == AdjustmentReason.OTHER && (command.note() == null || command.note().isBlank())) {
            validator.add("note", "required", "is required when the reason is OTHER");
        }
        key(validator, command.idempotencyKey());
        validator.validate();
        AdjustStock request = new AdjustStock(command.batchId(), command.change(), command.reason(), command.note(),
                null);
        return transactional(tx -> IdempotencyKeys.once(tx, actor, command.idempotencyKey(), "adjust",
                request.toString(), () -> correct(tx, actor, request), ResultCodec::movement,
                ResultCodec::movement));
    }

    @Override
    public BatchMovement dispose(Actor actor, RemoveStock command) {
        actor.require(Permission.ADJUST_STOCK);
        validateRemoval(command);
        return transactional(tx -> remove(tx, actor, command, TrackAction.DISPOSED));
    }

    @Override
    public BatchMovement returnToSupplier(Actor actor, RemoveStock command) {
        actor.require(Permission.ADJUST_STOCK);
        validateRemoval(command);
        return transactional(tx -> remove(tx, actor, command, TrackAction.RETURNED));
    }

    @Override
    public ProductBatch quarantine(Actor actor, long batchId, String reason) {
        return changeStatus(actor, batchId, reason, BatchStatus.QUARANTINED);
    }

    @Override
    public ProductBatch release(Actor actor, long batchId, String reason) {
        return changeStatus(actor, batchId, reason, BatchStatus.ACTIVE);
    }

    @Override
    public ProductBatch recall(Actor actor, long batchId, String reason) {
        return changeStatus(actor, batchId, reason, BatchStatus.RECALLED);
    }

    @Override
    public ExpirySweep sweepExpired(Actor actor) {
        actor.require(Permission.CHANGE_BATCH_STATUS);
        LocalDate today = expiry.today();
        ProductBatchTracks track = PRODUCT_BATCH_TRACKS;
        CommonTableExpression<Record1<Long>> swept = name("swept").fields("id").as(
                update(PRODUCT_BATCHES)
                        .set(PRODUCT_BATCHES.STATUS, BatchStatus.EXPIRED.databaseValue())
                        .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                        .where(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE.databaseValue())
                                .and(PRODUCT_BATCHES.DELETED_AT.isNull())
                                .and(expiry.expired()))
                        .returningResult(PRODUCT_BATCHES.ID));
        Field<Long> sweptId = swept.field("id", Long.class);
        List<Long> expired = transactional(tx -> tx.with(swept)
                .insertInto(track, track.PRODUCT_BATCH_ID, track.USER_ID, track.ACTION, track.DESCRIPTION)
                .select(select(sweptId, val(actor.userId(), track.USER_ID),
                        val(TrackAction.EXPIRED.databaseValue(), track.ACTION),
                        val("expiry date passed; swept on " + today + " by " + actor.name(), track.DESCRIPTION))
                        .from(swept))
                .returningResult(track.PRODUCT_BATCH_ID)
                .fetch(track.PRODUCT_BATCH_ID));
        return new ExpirySweep(today, expired.stream().sorted().toList());
    }

    @Override
    public List<LedgerDiscrepancy> verifyLedger() {
        ProductBatchTracks track = PRODUCT_BATCH_TRACKS.as("track");
        ProductBatchTracks latest = PRODUCT_BATCH_TRACKS.as("latest");
        Field<Long> ledgerSum = select(coalesce(sum(track.QUANTITY_CHANGE), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT))
                .from(track)
                .where(track.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .asField("ledger_sum");
        Field<Integer> latestAfter = select(latest.QUANTITY_AFTER)
                .from(latest)
                .where(latest.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID).and(latest.QUANTITY_AFTER.isNotNull()))
                .orderBy(latest.ID.desc())
                .limit(1)
                .asField("latest_after");
        Table<?> proof = select(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY, ledgerSum, latestAfter)
                .from(PRODUCT_BATCHES)
                .asTable("proof");
        Field<Long> batchId = proof.field(PRODUCT_BATCHES.ID);
        Field<Integer> quantity = proof.field(PRODUCT_BATCHES.QUANTITY);
        Field<Long> sumField = proof.field(ledgerSum);
        Field<Integer> afterField = proof.field(latestAfter);
        return dsl.select(batchId, quantity, sumField, afterField)
                .from(proof)
                .where(quantity.cast(SQLDataType.BIGINT).ne(sumField)
                        .or(quantity.ne(coalesce(afterField, inline(0)))))
                .orderBy(batchId)
                .fetch(row -> new LedgerDiscrepancy(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    private Receipt receiveLot(DSLContext tx, Actor actor, ReceiveStock command) {
        boolean productIsLive = tx.select(PRODUCTS.ID)
                .from(PRODUCTS)
                .where(PRODUCTS.ID.eq(command.productId()).and(PRODUCTS.DELETED_AT.isNull()))
                .forShare()
                .fetchOptional()
                .isPresent();
        if (!productIsLive) {
            throw new NotFoundException("product", command.productId());
        }
        ProductBatchesRecord created = tx.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, command.productId())
                .set(PRODUCT_BATCHES.BATCH_NUMBER, command.batchNumber())
                .set(PRODUCT_BATCHES.QUANTITY, command.quantity())
                .set(PRODUCT_BATCHES.MANUFACTURING_DATE, command.manufacturingDate())
                .set(PRODUCT_BATCHES.EXPIRY_DATE, command.expiryDate())
                .set(PRODUCT_BATCHES.STATUS, BatchStatus.ACTIVE.databaseValue())
                .set(PRODUCT_BATCHES.CREATED_BY, actor.userId())
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .onConflict(PRODUCT_BATCHES.PRODUCT_ID, PRODUCT_BATCHES.BATCH_NUMBER)
                .where(PRODUCT_BATCHES.DELETED_AT.isNull())
                .doNothing()
                .returning()
                .fetchOne();
        if (created != null) {
            record(tx, actor, created.getId(), TrackAction.RECEIVED, command.note(), command.quantity(),
                    command.quantity());
            return new Receipt(created.getId(), created.getProductId(), created.getBatchNumber(),
                    command.quantity(), created.getQuantity(), true);
        }
        ProductBatchesRecord existing = tx.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(command.productId())
                        .and(PRODUCT_BATCHES.BATCH_NUMBER.eq(command.batchNumber()))
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .forUpdate()
                .fetchSingle();
        Validator sameLot = Validator.of("receipt into batch " + existing.getId());
        if (command.manufacturingDate() != null
                && !command.manufacturingDate().equals(existing.getManufacturingDate())) {
            sameLot.add("manufacturingDate", "same_lot", "differs from the batch's " + existing.getManufacturingDate());
        }
        if (command.expiryDate() != null && !command.expiryDate().equals(existing.getExpiryDate())) {
            sameLot.add("expiryDate", "same_lot", "differs from the batch's " + existing.getExpiryDate());
        }
        sameLot.validate();
        return receiveInto(tx, actor, existing, command.quantity(), command.note());
    }

    private Receipt receiveInto(DSLContext tx, Actor actor, ProductBatchesRecord batch, int quantity, String note) {
        BatchStatus status = BatchStatus.fromDatabaseValue(batch.getStatus());
        if (status == BatchStatus.DEPLETED) {
            BatchLifecycle.check(batch.getId(), status, BatchStatus.ACTIVE);
        } else if (status != BatchStatus.ACTIVE) {
            Validator.of("receipt into batch " + batch.getId())
                    .add("batchId", "not_receivable", "names a " + status.databaseValue()
                            + " batch: only active or depleted batches receive stock")
                    .validate();
        }
        if (expiry.isExpired(batch.getExpiryDate())) {
            Validator.of("receipt into batch " + batch.getId())
                    .add("batchId", "expired", "names a batch that expired on " + batch.getExpiryDate())
                    .validate();
        }
        ProductBatchesRecord updated = tx.update(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.QUANTITY, PRODUCT_BATCHES.QUANTITY.plus(quantity))
                .set(PRODUCT_BATCHES.STATUS, BatchStatus.ACTIVE.databaseValue())
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .where(PRODUCT_BATCHES.ID.eq(batch.getId()))
                .returning()
                .fetchSingle();
        record(tx, actor, updated.getId(), TrackAction.RECEIVED, note, quantity, updated.getQuantity());
        return new Receipt(updated.getId(), updated.getProductId(), updated.getBatchNumber(), quantity,
                updated.getQuantity(), false);
    }

    private PickResult pickFirstExpiredFirstOut(DSLContext tx, Actor actor, PickStock command) {
        List<ProductBatchesRecord> candidates = new ArrayList<>(tx.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(command.productId())
                        .and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE.databaseValue()))
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull())
                        .and(PRODUCT_BATCHES.QUANTITY.gt(0))
                        .and(expiry.usableFor(command.minimumShelfLifeDays())))
                .orderBy(PRODUCT_BATCHES.ID)
                .forUpdate()
                .fetch());
        long available = candidates.stream().mapToLong(ProductBatchesRecord::getQuantity).sum();
        if (available < command.quantity()) {
            if (!tx.fetchExists(PRODUCTS, PRODUCTS.ID.eq(command.productId()).and(PRODUCTS.DELETED_AT.isNull()))) {
                throw new NotFoundException("product", command.productId());
            }
            throw new InsufficientStockException("product " + command.productId(), command.quantity(), available);
        }
        candidates.sort(FIRST_EXPIRED_FIRST_OUT);
        List<Allocation> allocations = new ArrayList<>();
        int missing = command.quantity();
        for (ProductBatchesRecord batch : candidates) {
            if (missing == 0) {
                break;
            }
            int taken = Math.min(missing, batch.getQuantity());
            allocations.add(take(tx, actor, batch, taken, command.note()));
            missing -= taken;
        }
        return new PickResult(command.productId(), command.quantity(), allocations);
    }

    private PickResult pickNamedBatch(DSLContext tx, Actor actor, PickFromBatch command) {
        ProductBatchesRecord batch = lockLiveBatch(tx, command.batchId());
        BatchStatus status = BatchStatus.fromDatabaseValue(batch.getStatus());
        if (status != BatchStatus.ACTIVE || expiry.isExpired(batch.getExpiryDate())) {
            Validator.of("pick")
                    .add("batchId", "not_pickable", "names a batch that is " + status.databaseValue()
                            + (expiry.isExpired(batch.getExpiryDate()) ? " and expired on " + batch.getExpiryDate()
                            : "") + ": only active, unexpired stock can be picked")
                    .validate();
        }
        if (batch.getQuantity() < command.quantity()) {
            throw new InsufficientStockException("batch " + batch.getId(), command.quantity(), batch.getQuantity());
        }
        return new PickResult(batch.getProductId(), command.quantity(),
                List.of(take(tx, actor, batch, command.quantity(), command.note())));
    }

    private Allocation take(DSLContext tx, Actor actor, ProductBatchesRecord batch, int quantity, String note) {
        int after = batch.getQuantity() - quantity;
        BatchStatus status = BatchStatus.ACTIVE;
        if (after == 0) {
            BatchLifecycle.check(batch.getId(), status, BatchStatus.DEPLETED);
            status = BatchStatus.DEPLETED;
        }
        tx.update(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.QUANTITY, after)
                .set(PRODUCT_BATCHES.STATUS, status.databaseValue())
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .where(PRODUCT_BATCHES.ID.eq(batch.getId()))
                .execute();
        record(tx, actor, batch.getId(), TrackAction.PICKED, note, -quantity, after);
        return new Allocation(batch.getId(), batch.getBatchNumber(), batch.getExpiryDate(), quantity, after);
    }

    private BatchMovement correct(DSLContext tx, Actor actor, AdjustStock command) {
        ProductBatchesRecord batch = lockLiveBatch(tx, command.batchId());
        BatchStatus status = BatchStatus.fromDatabaseValue(batch.getStatus());
        if (status == BatchStatus.RECALLED) {
            Validator.of("adjustment")
                    .add("batchId", "recalled", "names a recalled batch: dispose of or return its stock instead")
                    .validate();
        }
        long after = (long) batch.getQuantity() + command.change();
        if (after < 0) {
            throw new InsufficientStockException("batch " + batch.getId(), -command.change(), batch.getQuantity());
        }
        String description = command.reason().name() + (command.note() == null ? "" : ": " + command.note());
        return move(tx, actor, batch, TrackAction.ADJUSTED, command.change(), description);
    }

    private void validateRemoval(RemoveStock command) {
        Validator.of("removal")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), Integer.MAX_VALUE)
                .validate();
    }

    private BatchMovement remove(DSLContext tx, Actor actor, RemoveStock command, TrackAction action) {
        ProductBatchesRecord batch = lockLiveBatch(tx, command.batchId());
        BatchStatus status = BatchStatus.fromDatabaseValue(batch.getStatus());
        boolean pickable = (status == BatchStatus.ACTIVE && !expiry.isExpired(batch.getExpiryDate()))
                || status == BatchStatus.DEPLETED;
        if (pickable) {
            Validator.of(action.databaseValue() + " stock")
                    .add("batchId", "pickable", "names " + status.databaseValue() + " stock that is not expired,"
                            + " recalled or quarantined: pick or adjust it instead")
                    .validate();
        }
        if (batch.getQuantity() < command.quantity()) {
            throw new InsufficientStockException("batch " + batch.getId(), command.quantity(), batch.getQuantity());
        }
        return move(tx, actor, batch, action, -command.quantity(), command.note());
    }

    private BatchMovement move(DSLContext tx, Actor actor, ProductBatchesRecord batch, TrackAction action, int change,
                               String description) {
        int after = batch.getQuantity() + change;
        BatchStatus from = BatchStatus.fromDatabaseValue(batch.getStatus());
        BatchStatus to = from;
        if (from == BatchStatus.ACTIVE && after == 0) {
            to = BatchStatus.DEPLETED;
        } else if (from == BatchStatus.DEPLETED && after > 0) {
            to = BatchStatus.ACTIVE;
        }
        if (to != from) {
            BatchLifecycle.check(batch.getId(), from, to);
        }
        tx.update(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.QUANTITY, after)
                .set(PRODUCT_BATCHES.STATUS, to.databaseValue())
                .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                .where(PRODUCT_BATCHES.ID.eq(batch.getId()))
                .execute();
        record(tx, actor, batch.getId(), action, description, change, after);
        return new BatchMovement(batch.getId(), action, change, after, to);
    }

    private ProductBatch changeStatus(Actor actor, long batchId, String reason, BatchStatus to) {
        actor.require(Permission.CHANGE_BATCH_STATUS);
        Validator.of("status change").requiredText("reason", reason, Integer.MAX_VALUE).validate();
        return transactional(tx -> {
            ProductBatchesRecord batch = lockLiveBatch(tx, batchId);
            BatchStatus from = BatchStatus.fromDatabaseValue(batch.getStatus());
            if (to == BatchStatus.ACTIVE && from != BatchStatus.QUARANTINED) {
                // Releasing ends a quarantine; a depleted batch becomes active only by receiving stock.
                throw new IllegalTransitionException(batchId, from, to);
            }
            BatchLifecycle.check(batchId, from, to);
            ProductBatchesRecord changed = tx.update(PRODUCT_BATCHES)
                    .set(PRODUCT_BATCHES.STATUS, to.databaseValue())
                    .set(PRODUCT_BATCHES.UPDATED_BY, actor.userId())
                    .where(PRODUCT_BATCHES.ID.eq(batchId))
                    .returning()
                    .fetchSingle();
            record(tx, actor, batchId, TrackAction.STATUS_CHANGED,
                    from.databaseValue() + " -> " + to.databaseValue() + ": " + reason, null, null);
            return Mappers.batch(changed);
        });
    }

    private static ProductBatchesRecord lockLiveBatch(DSLContext tx, long batchId) {
        return tx.selectFrom(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.ID.eq(batchId).and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("batch", batchId));
    }

    private static void record(DSLContext tx, Actor actor, long batchId, TrackAction action, String description,
                               Integer change, Integer after) {
        tx.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(PRODUCT_BATCH_TRACKS.USER_ID, actor.userId())
                .set(PRODUCT_BATCH_TRACKS.ACTION, action.databaseValue())
                .set(PRODUCT_BATCH_TRACKS.DESCRIPTION, description)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, change)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, after)
                .execute();
    }

    private static void key(Validator validator, String idempotencyKey) {
        if (idempotencyKey != null) {
            validator.requiredText("idempotencyKey", idempotencyKey, IdempotencyKeys.KEY_LENGTH);
        }
    }

    /**
     * Runs work in one transaction. Only the outermost transaction may be retried: inside a caller's transaction a
     * serialization failure has already doomed the caller's work, which must decide itself.
     */
    private <T> T transactional(Function<DSLContext, T> work) {
        if (!(dsl.configuration().connectionProvider() instanceof DataSourceConnectionProvider)) {
            return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
            } catch (RuntimeException failure) {
                RuntimeException translated = ExceptionTranslator.translate(failure);
                if (attempt >= MAX_ATTEMPTS || !isConflict(translated)) {
                    throw translated;
                }
                backOff(attempt, translated);
            }
        }
    }

    private static boolean isConflict(RuntimeException failure) {
        return failure instanceof RetryableException retryable
                && ("40001".equals(retryable.sqlState()) || "40P01".equals(retryable.sqlState()));
    }

    private static void backOff(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
