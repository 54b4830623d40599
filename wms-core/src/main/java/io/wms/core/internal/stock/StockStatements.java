package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LedgerActor;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.jooq.tables.ProductBatchTracks;
import io.wms.jooq.tables.ProductBatches;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The stock movements that each take one statement, and so one round trip: data-modifying common table
 * expressions change the batches and append their ledger rows together. A movement whose conditions do not hold
 * changes nothing and returns nothing; telling the caller why is the inventory service's part.
 */
final class StockStatements {

    private static final ProductBatches BATCH = PRODUCT_BATCHES;
    private static final ProductBatchTracks LEDGER = PRODUCT_BATCH_TRACKS;
    private static final String ACTIVE = BatchStatus.ACTIVE.databaseValue();
    private static final String DEPLETED = BatchStatus.DEPLETED.databaseValue();

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

    private final ExpiryPolicy expiry;
    private final RenderedStatement pick;

    StockStatements(DSLContext dsl, ExpiryPolicy expiry) {
        this.expiry = expiry;
        this.pick = new RenderedStatement(dsl, pickStatement(dsl, expiry), PRODUCT, WANTED, FIRST_USABLE_DAY, USER,
                ACTOR_NAME, NOTE);
    }

    /**
     * Picks a product's units from its usable batches, earliest expiry first, in one statement: it locks the
     * candidate batches, allocates along a running sum, takes the units only if the whole quantity is there, and
     * appends one ledger row per batch taken from.
     */
    PickOutcome pickFirstExpiredFirstOut(DSLContext dsl, Actor actor, PickStock command) {
        Map<String, Object> values = new HashMap<>();
        values.put(PRODUCT.getParamName(), command.productId());
        values.put(WANTED.getParamName(), (long) command.quantity());
        values.put(FIRST_USABLE_DAY.getParamName(), expiry.firstUsableDay(command.minimumShelfLifeDays()));
        values.put(USER.getParamName(), LedgerActor.userId(actor));
        values.put(ACTOR_NAME.getParamName(), LedgerActor.name(actor));
        values.put(NOTE.getParamName(), command.note());
        Result<Record> rows = pick.bind(dsl, values).fetch();
        List<Allocation> allocations = rows.stream()
                .filter(row -> row.get(1) != null)
                .map(row -> new Allocation(row.get(1, Long.class), row.get(2, String.class),
                        row.get(3, LocalDate.class), row.get(4, Integer.class), row.get(5, Integer.class)))
                .toList();
        return new PickOutcome(rows.get(0).get(0, Long.class), allocations);
    }

    /**
     * The pick, built once with parameters for its values: columns of each row are the units available, then the
     * batch taken from, its number, its expiry date, the units taken and the units left (all {@code NULL} on the one
     * row of a pick that took nothing).
     */
    private static Query pickStatement(DSLContext dsl, ExpiryPolicy expiry) {
        CommonTableExpression<?> candidates = name("candidates").as(
                select(BATCH.ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, BATCH.QUANTITY)
                        .from(BATCH)
                        .where(BATCH.PRODUCT_ID.eq(PRODUCT)
                                .and(BATCH.STATUS.eq(inline(ACTIVE)))
                                .and(BATCH.DELETED_AT.isNull())
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
                least(candidateQuantity.cast(SQLDataType.BIGINT), WANTED.minus(takenBefore)).as("taken"),
                sum(candidateQuantity).over().cast(SQLDataType.BIGINT).as("available"))
                .from(candidates));
        Field<Long> taken = allocation.field("taken", Long.class);
        Field<Integer> after = BATCH.QUANTITY.minus(taken);
        CommonTableExpression<?> picked = name("picked").as(update(BATCH)
                .set(movementColumns(after, USER))
                .from(allocation)
                .where(BATCH.ID.eq(allocation.field(candidateId))
                        .and(taken.gt(inline(0L)))
                        .and(allocation.field("available", Long.class).ge(WANTED)))
                .returningResult(BATCH.ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, taken, BATCH.QUANTITY));
        Field<Long> pickedId = picked.field(BATCH.ID);
        Field<Long> pickedTaken = picked.field(taken);
        Field<Integer> pickedAfter = picked.field(BATCH.QUANTITY);
        // Allocations and ledger rows in the order the units were taken, so that both read as the pick happened.
        List<SortField<?>> pickOrder = List.of(picked.field(BATCH.EXPIRY_DATE).asc().nullsLast(), pickedId.asc());
        Table<Record1<Long>> stock = select(coalesce(sum(candidateQuantity), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT).as("available"))
                .from(candidates)
                .asTable("stock");
        return dsl.with(candidates, allocation, picked, ledger(picked, pickedId,
                        pickedTaken.neg().cast(SQLDataType.INTEGER), pickedAfter, USER, ACTOR_NAME, TrackAction.PICKED,
                        NOTE, pickOrder))
                .select(stock.field("available", Long.class), pickedId, picked.field(BATCH.BATCH_NUMBER),
                        picked.field(BATCH.EXPIRY_DATE), pickedTaken, pickedAfter)
                .from(stock)
                .leftJoin(picked).on(trueCondition())
                .orderBy(pickOrder);
    }

    /**
     * Changes one live batch's quantity by a signed number of units and appends its ledger row, in one statement,
     * if the batch meets the condition.
     *
     * @return the batch after the movement; empty if it is missing, deleted or does not meet the condition
     */
    Optional<MovedBatch> move(DSLContext dsl, Actor actor, long batchId, Condition allowed, TrackAction action,
                              int change, String description) {
        CommonTableExpression<?> moved = name("moved").as(update(BATCH)
                .set(movementColumns(BATCH.QUANTITY.plus(change), val(actor.userId(), BATCH.UPDATED_BY)))
                .where(BATCH.ID.eq(batchId).and(BATCH.DELETED_AT.isNull()).and(allowed))
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
                        row.value5(), BatchStatus.fromDatabaseValue(row.value6())));
    }

    /**
     * Receives a lot in one statement: creates the product's batch with that number, or adds the units to the live
     * one, if that batch meets the condition and has the lot's dates (where the receipt gives them).
     *
     * @return the receipt; empty if the product is missing or deleted, or the existing batch may not receive
     */
    Optional<Receipt> receiveLot(DSLContext dsl, Actor actor, ReceiveStock command, Condition receivable) {
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
                        val(command.expiryDate(), BATCH.EXPIRY_DATE), val(ACTIVE, BATCH.STATUS),
                        val(actor.userId(), BATCH.CREATED_BY), val(actor.userId(), BATCH.UPDATED_BY))
                        .from(PRODUCTS)
                        .where(PRODUCTS.ID.eq(command.productId()).and(PRODUCTS.DELETED_AT.isNull()))
                        // Holds off a concurrent soft delete of the product until the batch is in.
                        .forShare())
                .onConflict(BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER)
                .where(BATCH.DELETED_AT.isNull())
                .doUpdate()
                .set(movementColumns(BATCH.QUANTITY.plus(command.quantity()), val(actor.userId(), BATCH.UPDATED_BY)))
                .where(receivable.and(sameLot))
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
     * The columns a movement sets: the quantity after it, the status that quantity leads to, and who moved it.
     * Taking the last unit depletes an active batch and stock arriving in a depleted one makes it active again, the
     * two transitions {@link io.wms.core.inventory.BatchLifecycle} allows for a change of quantity; every other
     * status stays, so that a quantity change alone leaves the indexed status column as it was.
     */
    private static Map<Field<?>, Field<?>> movementColumns(Field<Integer> after, Field<Long> userId) {
        Map<Field<?>, Field<?>> changes = new LinkedHashMap<>();
        changes.put(BATCH.QUANTITY, after);
        changes.put(BATCH.STATUS, when(BATCH.STATUS.eq(inline(ACTIVE)).and(after.eq(inline(0))), inline(DEPLETED))
                .when(BATCH.STATUS.eq(inline(DEPLETED)).and(after.gt(inline(0))), inline(ACTIVE))
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
                .select(select(batchId, userId, actorName, inline(action.databaseValue()), description, change, after)
                        .from(moved)
                        .orderBy(order))
                .returningResult(LEDGER.ID));
    }
}
