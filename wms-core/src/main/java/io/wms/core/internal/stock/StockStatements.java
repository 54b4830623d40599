package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LedgerActor;
import io.wms.core.internal.LiveStock;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.internal.Transactions;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.LedgerDiscrepancy;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.jooq.tables.ProductBatchTracks;
import io.wms.jooq.tables.ProductBatches;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Every statement of the stock movements, in one place. A movement takes one statement, and so one round trip:
 * data-modifying common table expressions change the batches and append their ledger rows together. A movement
 * whose conditions do not hold changes nothing and returns nothing; {@link StockRefusals} then tells the caller why,
 * with the locking reads defined here. The conditions each have a twin check in {@link StockRefusals}: they must
 * agree.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable, running on the one thread-bound context.
 */
final class StockStatements {

    private static final ProductBatches BATCH = PRODUCT_BATCHES;
    private static final ProductBatchTracks LEDGER = PRODUCT_BATCH_TRACKS;

    /**
     * What a first-expired, first-out pick found and took.
     *
     * @param available   the usable units of the product when the pick ran
     * @param allocations the units taken per batch in pick order; empty if the available units did not suffice
     */
    record PickOutcome(long available, List<Allocation> allocations) {
    }

    /**
     * One batch after a movement.
     *
     * @param batchId       the batch
     * @param productId     its product
     * @param batchNumber   its batch number
     * @param expiryDate    its expiry date, or {@code null}
     * @param quantityAfter its quantity after the movement
     * @param statusAfter   its status after the movement
     */
    record MovedBatch(long batchId, long productId, String batchNumber, LocalDate expiryDate, int quantityAfter,
                      BatchStatus statusAfter) {
    }

    private static final Param<Long> PRODUCT = DSL.param("productId", SQLDataType.BIGINT);
    private static final Param<Long> WANTED = DSL.param("wanted", SQLDataType.BIGINT);
    private static final Param<LocalDate> FIRST_USABLE_DAY = DSL.param("firstUsableDay", SQLDataType.LOCALDATE);
    private static final Param<Long> USER = DSL.param("userId", LEDGER.USER_ID.getDataType());
    private static final Param<String> ACTOR_NAME = DSL.param("actorName", LEDGER.ACTOR_NAME.getDataType());
    private static final Param<String> NOTE = DSL.param("note", LEDGER.DESCRIPTION.getDataType());

    private static final Field<Long> AVAILABLE = field(name("available"), SQLDataType.BIGINT);
    private static final Field<Long> TAKEN = field(name("taken"), SQLDataType.BIGINT);

    /** A row of a pick, read by position from the columns {@link #pickStatement} selects, in that order. */
    private record PickRow(long available, Allocation allocation) {
    }

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final RenderedStatement pick;

    StockStatements(Transactions transactions, ExpiryPolicy expiry) {
        this.transactions = transactions;
        DSLContext dsl = transactions.dsl();
        this.dsl = dsl;
        this.expiry = expiry;
        this.pick = new RenderedStatement(dsl, pickStatement(dsl, expiry), PRODUCT, WANTED, FIRST_USABLE_DAY, USER,
                ACTOR_NAME, NOTE);
    }

    /**
     * Picks a product's units from its usable batches, earliest expiry first, in one statement: it locks the
     * candidate batches, allocates along a running sum, takes the units only if the whole quantity is there, and
     * appends one ledger row per batch taken from.
     */
    PickOutcome pickFirstExpiredFirstOut(Actor actor, PickStock command) {
        List<PickRow> rows = pick.list(transactions, StockStatements::pickRow, command.productId(),
                (long) command.quantity(), expiry.firstUsableDay(command.minimumShelfLifeDays()),
                LedgerActor.userId(actor), LedgerActor.name(actor), command.note());
        List<Allocation> allocations = rows.stream().map(PickRow::allocation).filter(Objects::nonNull).toList();
        return new PickOutcome(rows.get(0).available(), allocations);
    }

    private static PickRow pickRow(ResultSet row) throws SQLException {
        long available = row.getLong(1);
        long batchId = row.getLong(2);
        return new PickRow(available, row.wasNull() ? null : new Allocation(batchId, row.getString(3),
                row.getObject(4, LocalDate.class), Math.toIntExact(row.getLong(5)), row.getInt(6)));
    }

    /**
     * The pick, built once with parameters for its values: its rows have, in this order, the units available, then
     * the batch taken from, its number, its expiry date, the units taken and the units left (all {@code NULL} on the
     * one row of a pick that took nothing).
     */
    private static Query pickStatement(DSLContext dsl, ExpiryPolicy expiry) {
        CommonTableExpression<?> candidates = name("candidates").as(
                select(BATCH.ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, BATCH.QUANTITY)
                        .from(BATCH)
                        .where(BATCH.PRODUCT_ID.eq(PRODUCT)
                                .and(BATCH.STATUS.eq(inline(BatchStatus.ACTIVE, BATCH.STATUS)))
                                .and(LiveStock.batchOfLiveProduct())
                                .and(BATCH.QUANTITY.gt(inline(0)))
                                .and(expiry.usableFrom(FIRST_USABLE_DAY)))
                        // Every pick locks in id order, whatever order it takes in, so two picks never deadlock.
                        .orderBy(BATCH.ID)
                        .forUpdate());
        Field<Long> candidateId = candidates.field(BATCH.ID);
        Field<Integer> candidateQuantity = candidates.field(BATCH.QUANTITY);
        Field<Long> takenBefore = coalesce(sum(candidateQuantity).over(
                        orderBy(candidates.field(BATCH.EXPIRY_DATE).asc().nullsLast(), candidateId.asc())
                                .rowsBetweenUnboundedPreceding().andPreceding(1)), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT);
        CommonTableExpression<?> allocation = name("allocation").as(select(
                candidateId,
                least(candidateQuantity.cast(SQLDataType.BIGINT), WANTED.minus(takenBefore)).as(TAKEN),
                sum(candidateQuantity).over().cast(SQLDataType.BIGINT).as(AVAILABLE))
                .from(candidates));
        Field<Long> taken = allocation.field(TAKEN);
        Field<Integer> after = BATCH.QUANTITY.minus(taken);
        CommonTableExpression<?> picked = name("picked").as(update(BATCH)
                .set(movementColumns(after, USER))
                .from(allocation)
                .where(BATCH.ID.eq(allocation.field(candidateId))
                        .and(taken.gt(inline(0L)))
                        .and(allocation.field(AVAILABLE).ge(WANTED)))
                .returningResult(BATCH.ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, taken, BATCH.QUANTITY));
        Field<Long> pickedId = picked.field(BATCH.ID);
        Field<Long> pickedTaken = picked.field(taken);
        Field<Integer> pickedAfter = picked.field(BATCH.QUANTITY);
        // Allocations and ledger rows in the order the units were taken, so that both read as the pick happened.
        List<SortField<?>> pickOrder = List.of(picked.field(BATCH.EXPIRY_DATE).asc().nullsLast(), pickedId.asc());
        Table<Record1<Long>> stock = select(coalesce(sum(candidateQuantity), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT).as(AVAILABLE))
                .from(candidates)
                .asTable("stock");
        return dsl.with(candidates, allocation, picked, ledger(picked, pickedId,
                        pickedTaken.neg().cast(SQLDataType.INTEGER), pickedAfter, USER, ACTOR_NAME, TrackAction.PICKED,
                        NOTE, pickOrder))
                .select(stock.field(AVAILABLE), pickedId, picked.field(BATCH.BATCH_NUMBER),
                        picked.field(BATCH.EXPIRY_DATE), pickedTaken, pickedAfter)
                .from(stock)
                .leftJoin(picked).on(trueCondition())
                .orderBy(pickOrder);
    }

    /**
     * Receives a lot in one statement: creates the product's batch with that number, or adds the units to the live
     * one, if that batch is {@link #receivable()} and has the lot's dates (where the receipt gives them).
     *
     * @return the receipt; empty if the product is missing or deleted, or the existing batch may not receive
     */
    Optional<Receipt> receiveLot(Actor actor, ReceiveStock command) {
        Condition sameLot = noCondition();
        if (command.manufacturingDate() != null) {
            sameLot = sameLot.and(BATCH.MANUFACTURING_DATE.eq(command.manufacturingDate()));
        }
        if (command.expiryDate() != null) {
            sameLot = sameLot.and(BATCH.EXPIRY_DATE.eq(command.expiryDate()));
        }
        CommonTableExpression<?> received = name("received").as(insertInto(BATCH, BATCH.PRODUCT_ID,
                        BATCH.BATCH_NUMBER, BATCH.QUANTITY, BATCH.MANUFACTURING_DATE, BATCH.EXPIRY_DATE, BATCH.STATUS,
                        BATCH.CREATED_BY, BATCH.UPDATED_BY)
                .select(select(PRODUCTS.ID, val(command.batchNumber(), BATCH.BATCH_NUMBER),
                        val(command.quantity(), BATCH.QUANTITY),
                        val(command.manufacturingDate(), BATCH.MANUFACTURING_DATE),
                        val(command.expiryDate(), BATCH.EXPIRY_DATE), inline(BatchStatus.ACTIVE, BATCH.STATUS),
                        val(actor.userId(), BATCH.CREATED_BY), val(actor.userId(), BATCH.UPDATED_BY))
                        .from(PRODUCTS)
                        .where(PRODUCTS.ID.eq(command.productId()).and(PRODUCTS.DELETED_AT.isNull()))
                        // Holds off a concurrent soft delete of the product until the batch is in.
                        .forShare())
                .onConflict(BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER)
                .where(BATCH.DELETED_AT.isNull())
                .doUpdate()
                .set(movementColumns(BATCH.QUANTITY.plus(command.quantity()), val(actor.userId(), BATCH.UPDATED_BY)))
                .where(receivable().and(sameLot))
                .returningResult(BATCH.ID, BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER, BATCH.QUANTITY, BATCH.VERSION));
        Field<Integer> after = received.field(BATCH.QUANTITY);
        return dsl.with(received, ledger(received, received.field(BATCH.ID), val(command.quantity()), after,
                        val(LedgerActor.userId(actor), LEDGER.USER_ID), val(LedgerActor.name(actor), LEDGER.ACTOR_NAME),
                        TrackAction.RECEIVED,
                        val(command.note(), LEDGER.DESCRIPTION), List.of()))
                .select(received.field(BATCH.ID), received.field(BATCH.PRODUCT_ID), received.field(BATCH.BATCH_NUMBER),
                        after, received.field(BATCH.VERSION))
                .from(received)
                // A new batch still has its first version: receiving into an existing one changes its quantity,
                // which the touch trigger counts.
                .fetchOptional(row -> new Receipt(row.value1(), row.value2(), row.value3(), command.quantity(),
                        row.value4(), row.value5() == 1L));
    }

    /**
     * Receives more units into a named batch, if it is {@link #receivable()}.
     *
     * @return the batch after the receipt; empty if it is missing, deleted or may not receive
     */
    Optional<MovedBatch> receiveInto(Actor actor, ReceiveIntoBatch command) {
        return move(actor, command.batchId(), receivable(), TrackAction.RECEIVED, command.quantity(), command.note());
    }

    /**
     * Picks units from a named batch, if it is {@link #pickable()} and holds them.
     *
     * @return the batch after the pick; empty if it is missing, deleted, not pickable or short
     */
    Optional<MovedBatch> pickFrom(Actor actor, PickFromBatch command) {
        return move(actor, command.batchId(), pickable().and(holdsEnoughFor(-command.quantity())), TrackAction.PICKED,
                -command.quantity(), command.note());
    }

    /**
     * Corrects a batch's quantity, if it is not recalled and does not go below zero.
     *
     * @return the batch after the correction; empty if it is missing, deleted, recalled or would go negative
     */
    Optional<MovedBatch> applyCorrection(Actor actor, AdjustStock command) {
        String description = command.reason().name() + (command.note() == null ? "" : ": " + command.note());
        return move(actor, command.batchId(), BATCH.STATUS.ne(BatchStatus.RECALLED)
                .and(holdsEnoughFor(command.change())), TrackAction.ADJUSTED, command.change(), description);
    }

    /**
     * Takes units out of a batch that may not be picked (disposed of or returned), if it holds them.
     *
     * @return the batch after the removal; empty if it is missing, deleted, pickable or short
     */
    Optional<MovedBatch> remove(Actor actor, RemoveStock command, TrackAction action) {
        return move(actor, command.batchId(), removable().and(holdsEnoughFor(-command.quantity())), action,
                -command.quantity(), command.note());
    }

    /** Receivable stock: active or depleted, and not expired. The twin of {@link StockRefusals#refuseReceipt}. */
    private Condition receivable() {
        return BATCH.STATUS.in(BatchStatus.ACTIVE, BatchStatus.DEPLETED).and(expiry.usableFor(0));
    }

    /** Pickable stock: active and not expired. The twin of {@link StockRefusals#refusePick}. */
    private Condition pickable() {
        return BATCH.STATUS.eq(BatchStatus.ACTIVE).and(expiry.usableFor(0));
    }

    /** Stock that leaves only by disposal or return. The twin of {@link StockRefusals#refuseRemoval}. */
    private Condition removable() {
        return not(pickable().or(BATCH.STATUS.eq(BatchStatus.DEPLETED)));
    }

    /** The batch holds at least as many units as a change takes away; in bigint, as a change may be any int. */
    private static Condition holdsEnoughFor(int change) {
        return BATCH.QUANTITY.cast(SQLDataType.BIGINT).plus((long) change).ge(0L);
    }

    /**
     * Changes one live batch's quantity by a signed number of units and appends its ledger row, in one statement,
     * if the batch meets the condition.
     *
     * @return the batch after the movement; empty if it is missing, deleted, of a deleted product or does not meet
     *         the condition
     */
    private Optional<MovedBatch> move(Actor actor, long batchId, Condition allowed, TrackAction action, int change,
                                      String description) {
        CommonTableExpression<?> moved = name("moved").as(update(BATCH)
                .set(movementColumns(BATCH.QUANTITY.plus(change), val(actor.userId(), BATCH.UPDATED_BY)))
                .where(BATCH.ID.eq(batchId).and(LiveStock.batchOfLiveProduct()).and(allowed))
                .returningResult(BATCH.ID, BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, BATCH.QUANTITY,
                        BATCH.STATUS));
        Field<Integer> after = moved.field(BATCH.QUANTITY);
        return dsl.with(moved, ledger(moved, moved.field(BATCH.ID), val(change), after,
                        val(LedgerActor.userId(actor), LEDGER.USER_ID), val(LedgerActor.name(actor), LEDGER.ACTOR_NAME),
                        action, val(description, LEDGER.DESCRIPTION), List.of()))
                .select(moved.field(BATCH.ID), moved.field(BATCH.PRODUCT_ID), moved.field(BATCH.BATCH_NUMBER),
                        moved.field(BATCH.EXPIRY_DATE), after, moved.field(BATCH.STATUS))
                .from(moved)
                .fetchOptional(row -> new MovedBatch(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), row.value6()));
    }

    /**
     * Moves a batch to another status and appends its {@code status_changed} ledger row. The caller holds the
     * batch's lock and has checked the transition.
     *
     * @return the batch after the change
     */
    ProductBatch changeStatus(Actor actor, long batchId, BatchStatus from, BatchStatus to, String reason) {
        ProductBatchesRecord changed = dsl.update(BATCH)
                .set(BATCH.STATUS, to)
                .set(BATCH.UPDATED_BY, actor.userId())
                .where(BATCH.ID.eq(batchId))
                .returning()
                .fetchSingle();
        dsl.insertInto(LEDGER)
                .set(LEDGER.PRODUCT_BATCH_ID, batchId)
                .set(LEDGER.USER_ID, LedgerActor.userId(actor))
                .set(LEDGER.ACTOR_NAME, LedgerActor.name(actor))
                .set(LEDGER.ACTION, TrackAction.STATUS_CHANGED)
                .set(LEDGER.DESCRIPTION, from.databaseValue() + " -> " + to.databaseValue() + ": " + reason)
                .execute();
        return Mappers.batch(changed);
    }

    /**
     * Marks every live active batch past its expiry date as expired, with one {@code expired} ledger row each, in
     * one statement.
     *
     * @return the batches it marked, in no particular order
     */
    List<Long> sweepExpired(Actor actor, LocalDate today) {
        CommonTableExpression<Record1<Long>> swept = name("swept").fields(BATCH.ID.getName()).as(
                update(BATCH)
                        .set(BATCH.STATUS, BatchStatus.EXPIRED)
                        .set(BATCH.UPDATED_BY, actor.userId())
                        .where(BATCH.STATUS.eq(BatchStatus.ACTIVE)
                                .and(BATCH.DELETED_AT.isNull())
                                .and(expiry.expired()))
                        .returningResult(BATCH.ID));
        return dsl.with(swept)
                .insertInto(LEDGER, LEDGER.PRODUCT_BATCH_ID, LEDGER.USER_ID, LEDGER.ACTOR_NAME, LEDGER.ACTION,
                        LEDGER.DESCRIPTION)
                .select(select(swept.field(BATCH.ID), val(LedgerActor.userId(actor), LEDGER.USER_ID),
                        val(LedgerActor.name(actor), LEDGER.ACTOR_NAME),
                        inline(TrackAction.EXPIRED, LEDGER.ACTION),
                        val("expiry date passed; swept on " + today + " by " + actor.name(), LEDGER.DESCRIPTION))
                        .from(swept))
                .returningResult(LEDGER.PRODUCT_BATCH_ID)
                .fetch(LEDGER.PRODUCT_BATCH_ID);
    }

    /**
     * Finds, in one statement, the batches whose quantity their ledger does not prove. Walking each batch's
     * quantity-moving rows in ledger order (by id), every row's quantity after must be the running total of the
     * changes up to it, and the batch's quantity must be the total of all of them, which is also the latest row's
     * quantity after (a batch without such rows must hold 0).
     *
     * @return the batches that disagree, by id, each with its first row that does
     */
    List<LedgerDiscrepancy> ledgerDiscrepancies() {
        Field<Long> runningTotal = sum(LEDGER.QUANTITY_CHANGE)
                .over(partitionBy(LEDGER.PRODUCT_BATCH_ID).orderBy(LEDGER.ID)
                        .rowsBetweenUnboundedPreceding().andCurrentRow())
                .cast(SQLDataType.BIGINT).as("running_total");
        Field<Integer> fromLast = rowNumber()
                .over(partitionBy(LEDGER.PRODUCT_BATCH_ID).orderBy(LEDGER.ID.desc())).as("from_last");
        CommonTableExpression<?> running = name("running").as(
                select(LEDGER.PRODUCT_BATCH_ID, LEDGER.ID, LEDGER.QUANTITY_AFTER, runningTotal, fromLast)
                        .from(LEDGER)
                        .where(LEDGER.QUANTITY_CHANGE.isNotNull()));
        Field<Long> rowTotal = running.field(runningTotal);
        Field<Integer> rowAfter = running.field(LEDGER.QUANTITY_AFTER);
        Condition latestRow = running.field(fromLast).eq(inline(1));
        Field<Long> ledgerSum = max(rowTotal).filterWhere(latestRow).as("ledger_sum");
        Field<Integer> latestAfter = max(rowAfter).filterWhere(latestRow).as("latest_after");
        Field<Long> firstWrong = min(running.field(LEDGER.ID))
                .filterWhere(rowTotal.ne(rowAfter.cast(SQLDataType.BIGINT))).as("first_wrong");
        CommonTableExpression<?> proof = name("proof").as(
                select(running.field(LEDGER.PRODUCT_BATCH_ID), ledgerSum, latestAfter, firstWrong)
                        .from(running)
                        .groupBy(running.field(LEDGER.PRODUCT_BATCH_ID)));
        Field<Long> provenSum = coalesce(proof.field(ledgerSum), inline(0L));
        Field<Integer> provenAfter = proof.field(latestAfter);
        Field<Long> provenFirstWrong = proof.field(firstWrong);
        return dsl.with(running, proof)
                .select(BATCH.ID, BATCH.QUANTITY, provenSum, provenAfter, provenFirstWrong)
                .from(BATCH)
                .leftJoin(proof).on(proof.field(LEDGER.PRODUCT_BATCH_ID).eq(BATCH.ID))
                .where(BATCH.QUANTITY.cast(SQLDataType.BIGINT).ne(provenSum)
                        .or(BATCH.QUANTITY.ne(coalesce(provenAfter, inline(0))))
                        .or(provenFirstWrong.isNotNull()))
                .orderBy(BATCH.ID)
                .fetch(row -> new LedgerDiscrepancy(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5()));
    }

    /**
     * Locks a live batch of a live product for an update and reads it.
     *
     * @return the batch; empty if it is missing or deleted, or its product is deleted
     */
    Optional<ProductBatchesRecord> lockLiveBatch(long batchId) {
        return dsl.selectFrom(BATCH)
                .where(BATCH.ID.eq(batchId).and(LiveStock.batchOfLiveProduct()))
                .forUpdate()
                .fetchOptional();
    }

    /**
     * Locks a live product against deletion for the rest of the transaction.
     *
     * @return {@code true} if the product exists and is not deleted
     */
    boolean lockLiveProduct(long productId) {
        return dsl.select(PRODUCTS.ID)
                .from(PRODUCTS)
                .where(PRODUCTS.ID.eq(productId).and(PRODUCTS.DELETED_AT.isNull()))
                .forShare()
                .fetchOptional()
                .isPresent();
    }

    /**
     * Locks a product's live batch with a batch number for an update and reads it.
     *
     * @return the batch; empty if the product has no live batch with that number
     */
    Optional<ProductBatchesRecord> lockLiveLot(long productId, String batchNumber) {
        return dsl.selectFrom(BATCH)
                .where(BATCH.PRODUCT_ID.eq(productId)
                        .and(BATCH.BATCH_NUMBER.eq(batchNumber))
                        .and(BATCH.DELETED_AT.isNull()))
                .forUpdate()
                .fetchOptional();
    }

    /**
     * Tells whether a product exists and is not deleted.
     *
     * @return {@code true} for a live product
     */
    boolean productIsLive(long productId) {
        return dsl.fetchExists(PRODUCTS, PRODUCTS.ID.eq(productId).and(PRODUCTS.DELETED_AT.isNull()));
    }

    /**
     * The columns a movement sets: the quantity after it, the status that quantity leads to, and who moved it.
     * Taking the last unit depletes an active batch and stock arriving in a depleted one makes it active again, the
     * two transitions {@link io.wms.core.inventory.BatchLifecycle} allows for a change of quantity; every other
     * status stays, so that a quantity change alone leaves the indexed status column as it was.
     */
    private static Map<Field<?>, Field<?>> movementColumns(Field<Integer> after, Field<Long> userId) {
        Field<BatchStatus> active = inline(BatchStatus.ACTIVE, BATCH.STATUS);
        Field<BatchStatus> depleted = inline(BatchStatus.DEPLETED, BATCH.STATUS);
        Map<Field<?>, Field<?>> changes = new LinkedHashMap<>();
        changes.put(BATCH.QUANTITY, after);
        changes.put(BATCH.STATUS, when(BATCH.STATUS.eq(active).and(after.eq(inline(0))), depleted)
                .when(BATCH.STATUS.eq(depleted).and(after.gt(inline(0))), active)
                .otherwise(BATCH.STATUS));
        changes.put(BATCH.UPDATED_BY, userId);
        return changes;
    }

    /** Appends one ledger row per batch a data-modifying expression returned. */
    private static CommonTableExpression<?> ledger(Table<?> moved, Field<Long> batchId, Field<Integer> change,
                                                   Field<Integer> after, Field<Long> userId,
                                                   Field<String> actorName, TrackAction action,
                                                   Field<String> description, List<SortField<?>> order) {
        return name("ledger").as(insertInto(LEDGER, LEDGER.PRODUCT_BATCH_ID, LEDGER.USER_ID, LEDGER.ACTOR_NAME,
                        LEDGER.ACTION, LEDGER.DESCRIPTION, LEDGER.QUANTITY_CHANGE, LEDGER.QUANTITY_AFTER)
                .select(select(batchId, userId, actorName, inline(action, LEDGER.ACTION), description, change, after)
                        .from(moved)
                        .orderBy(order))
                .returningResult(LEDGER.ID));
    }
}
