package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.IllegalTransitionException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LedgerActor;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.stock.StockStatements.MovedBatch;
import io.wms.core.internal.stock.StockStatements.PickOutcome;
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
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ implementation of {@link InventoryService}.
 */
final class JooqInventoryService implements InventoryService {

    private static final int BATCH_NUMBER_LENGTH = 255;

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final StockStatements statements;

    JooqInventoryService(Transactions transactions, WmsSettings settings) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.expiry = new ExpiryPolicy(settings);
        this.statements = new StockStatements(dsl, expiry);
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
        return once(actor, command.idempotencyKey(), "receive", request.toString(),
                sql -> receiveLot(sql, actor, request), ResultCodec::receipt, ResultCodec::receipt);
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
        return once(actor, command.idempotencyKey(), "receive", request.toString(),
                sql -> receiveIntoBatch(sql, actor, request), ResultCodec::receipt, ResultCodec::receipt);
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
        return once(actor, command.idempotencyKey(), "pick", request.toString(),
                sql -> pickFirstExpiredFirstOut(sql, actor, request), ResultCodec::pick, ResultCodec::pick);
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
        return once(actor, command.idempotencyKey(), "pick", request.toString(),
                sql -> pickNamedBatch(sql, actor, request), ResultCodec::pick, ResultCodec::pick);
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
        return once(actor, command.idempotencyKey(), "adjust", request.toString(),
                sql -> correct(sql, actor, request), ResultCodec::movement, ResultCodec::movement);
    }

    @Override
    public BatchMovement dispose(Actor actor, RemoveStock command) {
        actor.require(Permission.ADJUST_STOCK);
        validateRemoval(command);
        return transactions.statement(() -> remove(dsl, actor, command, TrackAction.DISPOSED));
    }

    @Override
    public BatchMovement returnToSupplier(Actor actor, RemoveStock command) {
        actor.require(Permission.ADJUST_STOCK);
        validateRemoval(command);
        return transactions.statement(() -> remove(dsl, actor, command, TrackAction.RETURNED));
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
        List<Long> expired = transactions.statement(() -> dsl.with(swept)
                .insertInto(track, track.PRODUCT_BATCH_ID, track.USER_ID, track.ACTOR_NAME, track.ACTION,
                        track.DESCRIPTION)
                .select(select(sweptId, val(LedgerActor.userId(actor), track.USER_ID),
                        val(LedgerActor.name(actor), track.ACTOR_NAME),
                        val(TrackAction.EXPIRED.databaseValue(), track.ACTION),
                        val("expiry date passed; swept on " + today + " by " + actor.name(), track.DESCRIPTION))
                        .from(swept))
                .returningResult(track.PRODUCT_BATCH_ID)
                .fetch(track.PRODUCT_BATCH_ID));
        return new ExpirySweep(today, expired.stream().sorted().toList());
    }

    @Override
    public List<LedgerDiscrepancy> verifyLedger(Actor actor) {
        actor.require(Permission.READ_CATALOG);
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

    private Receipt receiveLot(DSLContext sql, Actor actor, ReceiveStock command) {
        return statements.receiveLot(sql, actor, command, receivable()).orElseGet(() -> transactions.transaction(() -> {
            DSLContext tx = sql;
            boolean productIsLive = tx.select(PRODUCTS.ID)
                    .from(PRODUCTS)
                    .where(PRODUCTS.ID.eq(command.productId()).and(PRODUCTS.DELETED_AT.isNull()))
                    .forShare()
                    .fetchOptional()
                    .isPresent();
            if (!productIsLive) {
                throw new NotFoundException("product", command.productId());
            }
            tx.selectFrom(PRODUCT_BATCHES)
                    .where(PRODUCT_BATCHES.PRODUCT_ID.eq(command.productId())
                            .and(PRODUCT_BATCHES.BATCH_NUMBER.eq(command.batchNumber()))
                            .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                    .forUpdate()
                    .fetchOptional()
                    .ifPresent(existing -> refuseReceiptIntoLot(existing, command));
            return statements.receiveLot(tx, actor, command, receivable())
                    .orElseThrow(() -> disagreement("receipt of lot " + command.batchNumber()));
        }));
    }

    private void refuseReceiptIntoLot(ProductBatchesRecord existing, ReceiveStock command) {
        Validator sameLot = Validator.of("receipt into batch " + existing.getId());
        if (command.manufacturingDate() != null
                && !command.manufacturingDate().equals(existing.getManufacturingDate())) {
            sameLot.add("manufacturingDate", "same_lot", "differs from the batch's " + existing.getManufacturingDate());
        }
        if (command.expiryDate() != null && !command.expiryDate().equals(existing.getExpiryDate())) {
            sameLot.add("expiryDate", "same_lot", "differs from the batch's " + existing.getExpiryDate());
        }
        sameLot.validate();
        refuseReceipt(existing);
    }

    private Receipt receiveIntoBatch(DSLContext sql, Actor actor, ReceiveIntoBatch command) {
        MovedBatch moved = moveOrExplain(sql, command.batchId(), this::refuseReceipt,
                tx -> statements.move(tx, actor, command.batchId(), receivable(), TrackAction.RECEIVED,
                        command.quantity(), command.note()));
        return new Receipt(moved.batchId(), moved.productId(), moved.batchNumber(), command.quantity(),
                moved.quantityAfter(), false);
    }

    /** The SQL twin of {@link #refuseReceipt}: active or depleted stock that has not expired. */
    private Condition receivable() {
        return PRODUCT_BATCHES.STATUS.in(BatchStatus.ACTIVE.databaseValue(), BatchStatus.DEPLETED.databaseValue())
                .and(expiry.usableFor(0));
    }

    private void refuseReceipt(ProductBatchesRecord batch) {
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
    }

    private PickResult pickFirstExpiredFirstOut(DSLContext sql, Actor actor, PickStock command) {
        PickOutcome outcome = statements.pickFirstExpiredFirstOut(sql, actor, command);
        if (outcome.allocations().isEmpty()) {
            if (!sql.fetchExists(PRODUCTS, PRODUCTS.ID.eq(command.productId()).and(PRODUCTS.DELETED_AT.isNull()))) {
                throw new NotFoundException("product", command.productId());
            }
            throw new InsufficientStockException("product " + command.productId(), command.quantity(),
                    outcome.available());
        }
        return new PickResult(command.productId(), command.quantity(), outcome.allocations());
    }

    private PickResult pickNamedBatch(DSLContext sql, Actor actor, PickFromBatch command) {
        MovedBatch moved = moveOrExplain(sql, command.batchId(), batch -> refusePick(batch, command),
                tx -> statements.move(tx, actor, command.batchId(),
                        pickable().and(holdsEnoughFor(-command.quantity())), TrackAction.PICKED,
                        -command.quantity(), command.note()));
        return new PickResult(moved.productId(), command.quantity(), List.of(new Allocation(moved.batchId(),
                moved.batchNumber(), moved.expiryDate(), command.quantity(), moved.quantityAfter())));
    }

    /** The SQL twin of the status and expiry part of {@link #refusePick}: active stock that has not expired. */
    private Condition pickable() {
        return PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE.databaseValue()).and(expiry.usableFor(0));
    }

    private void refusePick(ProductBatchesRecord batch, PickFromBatch command) {
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
    }

    private BatchMovement correct(DSLContext sql, Actor actor, AdjustStock command) {
        String description = command.reason().name() + (command.note() == null ? "" : ": " + command.note());
        MovedBatch moved = moveOrExplain(sql, command.batchId(), batch -> refuseCorrection(batch, command),
                tx -> statements.move(tx, actor, command.batchId(),
                        PRODUCT_BATCHES.STATUS.ne(BatchStatus.RECALLED.databaseValue())
                                .and(holdsEnoughFor(command.change())),
                        TrackAction.ADJUSTED, command.change(), description));
        return new BatchMovement(moved.batchId(), TrackAction.ADJUSTED, command.change(), moved.quantityAfter(),
                moved.statusAfter());
    }

    private static void refuseCorrection(ProductBatchesRecord batch, AdjustStock command) {
        if (BatchStatus.fromDatabaseValue(batch.getStatus()) == BatchStatus.RECALLED) {
            Validator.of("adjustment")
                    .add("batchId", "recalled", "names a recalled batch: dispose of or return its stock instead")
                    .validate();
        }
        if ((long) batch.getQuantity() + command.change() < 0) {
            throw new InsufficientStockException("batch " + batch.getId(), -command.change(), batch.getQuantity());
        }
    }

    private void validateRemoval(RemoveStock command) {
        Validator.of("removal")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), Integer.MAX_VALUE)
                .validate();
    }

    private BatchMovement remove(DSLContext sql, Actor actor, RemoveStock command, TrackAction action) {
        MovedBatch moved = moveOrExplain(sql, command.batchId(), batch -> refuseRemoval(batch, command, action),
                tx -> statements.move(tx, actor, command.batchId(),
                        not(pickable().or(PRODUCT_BATCHES.STATUS.eq(BatchStatus.DEPLETED.databaseValue())))
                                .and(holdsEnoughFor(-command.quantity())),
                        action, -command.quantity(), command.note()));
        return new BatchMovement(moved.batchId(), action, -command.quantity(), moved.quantityAfter(),
                moved.statusAfter());
    }

    private void refuseRemoval(ProductBatchesRecord batch, RemoveStock command, TrackAction action) {
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
    }

    /** The batch holds at least as many units as a change takes away; in bigint, as a change may be any int. */
    private static Condition holdsEnoughFor(int change) {
        return PRODUCT_BATCHES.QUANTITY.cast(SQLDataType.BIGINT).plus((long) change).ge(0L);
    }

    /**
     * Moves one batch's stock with its one conditional statement. Only when that statement changes nothing is the
     * batch locked and read, to refuse with the reason; if the reason has gone in the meantime (another transaction
     * changed the batch between the two), the movement is applied under that lock.
     */
    private MovedBatch moveOrExplain(DSLContext sql, long batchId, Consumer<ProductBatchesRecord> refuse,
                                     Function<DSLContext, Optional<MovedBatch>> move) {
        return move.apply(sql).orElseGet(() -> transactions.transaction(() -> {
            refuse.accept(lockLiveBatch(sql, batchId));
            return move.apply(sql).orElseThrow(() -> disagreement("movement of batch " + batchId));
        }));
    }

    private static IllegalStateException disagreement(String what) {
        return new IllegalStateException("The " + what + " was refused by its statement but not by its checks");
    }

    private ProductBatch changeStatus(Actor actor, long batchId, String reason, BatchStatus to) {
        actor.require(Permission.CHANGE_BATCH_STATUS);
        Validator.of("status change").requiredText("reason", reason, Integer.MAX_VALUE).validate();
        return transactions.transaction(() -> {
            DSLContext tx = dsl;
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
                .set(PRODUCT_BATCH_TRACKS.USER_ID, LedgerActor.userId(actor))
                .set(PRODUCT_BATCH_TRACKS.ACTOR_NAME, LedgerActor.name(actor))
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
     * Runs an operation that may take an idempotency key. A keyed operation needs its transaction: the key is
     * claimed, the stock moved and the result stored together.
     */
    private <T> T once(Actor actor, String key, String operation, String request, Function<DSLContext, T> work,
                       Function<T, String> encode, Function<String, T> decode) {
        if (key == null) {
            return transactions.statement(() -> work.apply(dsl));
        }
        return transactions.transaction(() -> IdempotencyKeys.once(dsl, actor, key, operation, request,
                () -> work.apply(dsl), encode, decode));
    }
}
