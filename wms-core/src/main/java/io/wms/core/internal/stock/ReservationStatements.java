package io.wms.core.internal.stock;

import static io.wms.core.internal.PgCatalog.sum;
import static io.wms.core.internal.stock.StockStatements.AVAILABLE;
import static io.wms.core.internal.stock.StockStatements.PLACE_QUANTITY;
import static io.wms.core.internal.stock.StockStatements.PLACE_RESERVED;
import static io.wms.core.internal.stock.StockStatements.TAKEN;
import static io.wms.core.internal.stock.StockStatements.walk;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.RESERVATIONS;
import static io.wms.jooq.Tables.RESERVATION_LINES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LedgerActor;
import io.wms.core.internal.LiveStock;
import io.wms.core.inventory.LocatedAllocation;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.inventory.ReservedUnits;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ReservationStatus;
import io.wms.core.model.TrackAction;
import io.wms.jooq.tables.records.ReservationsRecord;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The statements of reservations. Reserving is one statement, which walks and locks the warehouse's free units as a
 * pick does ({@link StockStatements#firstExpiredFirstOut}). Picking, cancelling and sweeping lock the reservation
 * first, then the batches and units it holds in batch id and then location id order ({@link #lockHeld}), as every
 * movement locks them, and only then change them: the changes read the rows this transaction has locked, so they
 * always see their latest versions.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable, running on the one thread-bound context.
 */
final class ReservationStatements {

    private static final Field<Long> PLACE_AFTER = field(name("place_after"), SQLDataType.BIGINT);
    private static final Field<Long> BATCH_AFTER = field(name("batch_after"), SQLDataType.BIGINT);
    private static final Field<Integer> RESERVED_AFTER = field(name("reserved_after"), SQLDataType.INTEGER);

    private final DSLContext dsl;
    private final ExpiryPolicy expiry;

    ReservationStatements(DSLContext dsl, ExpiryPolicy expiry) {
        this.dsl = dsl;
        this.expiry = expiry;
    }

    /**
     * What a reservation's statement found and held.
     *
     * @param available   the free units usable through the due date when it ran
     * @param reservation the reservation; empty if the available units did not suffice
     */
    record ReserveOutcome(long available, Optional<Reservation> reservation) {
    }

    /**
     * Reserves a product's units at the active locations of a warehouse, earliest expiry first, among the batches
     * usable from a day on, in one statement: it locks the candidates, creates the reservation and its lines and
     * raises the units reserved at each batch and location, only if the whole quantity is free.
     *
     * @param firstUsableDay the due date, or today: no batch that expires before it is held
     */
    ReserveOutcome reserve(Actor actor, ReserveStock command, LocalDate firstUsableDay) {
        StockStatements.FirstExpiredFirstOut walked = StockStatements.firstExpiredFirstOut(
                val(command.productId()), val((long) command.quantity()), val(firstUsableDay),
                LOCATIONS.WAREHOUSE_ID.eq(command.warehouseId()).and(LOCATIONS.ACTIVE));
        CommonTableExpression<?> allocation = walked.allocation();
        Field<Long> allocated = allocation.field(TAKEN);
        CommonTableExpression<?> taking = name("taking").as(select(allocation.field(PRODUCT_BATCHES.ID),
                allocation.field(BATCH_LOCATIONS.LOCATION_ID), allocation.field(PRODUCT_BATCHES.BATCH_NUMBER),
                allocation.field(PRODUCT_BATCHES.EXPIRY_DATE), allocation.field(LOCATIONS.PICK_SEQUENCE), allocated,
                allocation.field(PLACE_QUANTITY),
                allocation.field(PLACE_RESERVED).plus(allocated.cast(SQLDataType.INTEGER)).as(RESERVED_AFTER))
                .from(allocation)
                .where(allocated.gt(inline(0L)).and(allocation.field(AVAILABLE).ge((long) command.quantity()))));
        Field<Long> takingId = taking.field(PRODUCT_BATCHES.ID);
        Field<Long> takingLocation = taking.field(BATCH_LOCATIONS.LOCATION_ID);
        Table<Record1<Long>> stock = walked.stock();
        CommonTableExpression<?> header = name("header").as(insertInto(RESERVATIONS, RESERVATIONS.WAREHOUSE_ID,
                        RESERVATIONS.PRODUCT_ID, RESERVATIONS.REFERENCE, RESERVATIONS.QUANTITY, RESERVATIONS.DUE_DATE,
                        RESERVATIONS.EXPIRES_AT, RESERVATIONS.CREATED_BY)
                .select(select(val(command.warehouseId()), val(command.productId()), val(command.reference()),
                        val(command.quantity()), val(command.dueDate(), RESERVATIONS.DUE_DATE),
                        val(command.expiresAt(), RESERVATIONS.EXPIRES_AT), val(actor.userId(), RESERVATIONS.CREATED_BY))
                        .from(stock)
                        .where(stock.field(AVAILABLE).ge((long) command.quantity())))
                .returningResult(RESERVATIONS.ID));
        // Both columns are written as read under the candidates' locks (the units reserved plus those taken): the
        // update may meet an older version of a row the candidates locked in a newer one, whose values would undo
        // the movements in between (see the pick's update).
        CommonTableExpression<?> held = name("held").as(update(BATCH_LOCATIONS)
                .set(BATCH_LOCATIONS.QUANTITY, taking.field(PLACE_QUANTITY))
                .set(BATCH_LOCATIONS.RESERVED, taking.field(RESERVED_AFTER))
                .from(taking)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(takingId).and(BATCH_LOCATIONS.LOCATION_ID.eq(takingLocation)))
                .returningResult(BATCH_LOCATIONS.PRODUCT_BATCH_ID));
        Field<Long> reservationId = header.field(RESERVATIONS.ID);
        CommonTableExpression<?> lines = name("lines").as(insertInto(RESERVATION_LINES,
                        RESERVATION_LINES.RESERVATION_ID, RESERVATION_LINES.PRODUCT_BATCH_ID,
                        RESERVATION_LINES.LOCATION_ID, RESERVATION_LINES.QUANTITY)
                .select(select(reservationId, takingId, takingLocation, taking.field(TAKEN).cast(SQLDataType.INTEGER))
                        .from(taking, header))
                .returningResult(RESERVATION_LINES.RESERVATION_ID));
        List<ReservedRow> rows = dsl.with(walked.candidates(), allocation, taking, header, held, lines)
                .select(stock.field(AVAILABLE), reservationId, takingId, takingLocation,
                        taking.field(PRODUCT_BATCHES.BATCH_NUMBER), taking.field(PRODUCT_BATCHES.EXPIRY_DATE),
                        taking.field(TAKEN))
                .from(stock)
                .leftJoin(header).on(trueCondition())
                .leftJoin(taking).on(reservationId.isNotNull())
                .orderBy(walk(taking))
                .fetch(row -> new ReservedRow(row.value1(), row.value2(), row.value3() == null ? null
                        : new ReservedUnits(row.value3(), row.value4(), row.value5(), row.value6(),
                        Math.toIntExact(row.value7()))));
        ReservedRow first = rows.get(0);
        if (first.reservationId() == null) {
            return new ReserveOutcome(first.available(), Optional.empty());
        }
        return new ReserveOutcome(first.available(), Optional.of(new Reservation(first.reservationId(),
                command.warehouseId(), command.productId(), command.reference(), command.quantity(),
                command.dueDate(), command.expiresAt(), ReservationStatus.OPEN,
                rows.stream().map(ReservedRow::units).toList())));
    }

    private record ReservedRow(long available, Long reservationId, ReservedUnits units) {
    }

    /**
     * Locks a reservation for an update and reads it.
     *
     * @return the reservation's row; empty if it is missing
     */
    Optional<ReservationsRecord> lockReservation(long reservationId) {
        return dsl.selectFrom(RESERVATIONS).where(RESERVATIONS.ID.eq(reservationId)).forUpdate().fetchOptional();
    }

    /**
     * Locks the open reservations the sweep releases, in id order, skipping those another transaction holds: past
     * their expiry, or holding a batch that may no longer be picked.
     *
     * @return their ids, ascending
     */
    List<Long> lockExpired(Instant now) {
        Condition unpickable = exists(selectOne()
                .from(RESERVATION_LINES)
                .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(RESERVATION_LINES.PRODUCT_BATCH_ID))
                .where(RESERVATION_LINES.RESERVATION_ID.eq(RESERVATIONS.ID)
                        .and(not(pickable()))));
        return dsl.select(RESERVATIONS.ID)
                .from(RESERVATIONS)
                .where(RESERVATIONS.STATUS.eq(ReservationStatus.OPEN)
                        .and(RESERVATIONS.EXPIRES_AT.le(now).or(unpickable)))
                .orderBy(RESERVATIONS.ID)
                .forUpdate()
                .skipLocked()
                .fetch(RESERVATIONS.ID);
    }

    /** Stock a reservation's pick may take: a live, active batch of a live product, not expired. */
    private Condition pickable() {
        return PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE).and(expiry.usableFor(0))
                .and(LiveStock.batchOfLiveProduct());
    }

    /**
     * One batch and location a locked reservation holds units at.
     *
     * @param batchId     the batch
     * @param locationId  the location
     * @param batchNumber the batch's number
     * @param pickable    whether a pick may take from the batch now
     */
    record HeldUnits(long batchId, long locationId, String batchNumber, boolean pickable) {
    }

    /**
     * Locks the batches and the units that reservations hold, in batch id and then location id order, and reads
     * them.
     *
     * @return the units held, in lock order, once per reservation holding them
     */
    List<HeldUnits> lockHeld(List<Long> reservationIds) {
        return dsl.select(PRODUCT_BATCHES.ID, BATCH_LOCATIONS.LOCATION_ID, PRODUCT_BATCHES.BATCH_NUMBER,
                        field(pickable()))
                .from(RESERVATION_LINES)
                .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(RESERVATION_LINES.PRODUCT_BATCH_ID))
                .join(BATCH_LOCATIONS).on(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(RESERVATION_LINES.PRODUCT_BATCH_ID)
                        .and(BATCH_LOCATIONS.LOCATION_ID.eq(RESERVATION_LINES.LOCATION_ID)))
                .where(RESERVATION_LINES.RESERVATION_ID.in(reservationIds))
                .orderBy(PRODUCT_BATCHES.ID, BATCH_LOCATIONS.LOCATION_ID)
                .forUpdate()
                .of(PRODUCT_BATCHES, BATCH_LOCATIONS)
                .fetch(row -> new HeldUnits(row.value1(), row.value2(), row.value3(), row.value4()));
    }

    /**
     * Takes the units a locked open reservation holds, from their batches and locations, appends one
     * {@code picked} ledger row per batch and location in pick order, and marks the reservation consumed, in one
     * statement. The caller holds the locks of {@link #lockHeld} and has checked every batch is pickable.
     *
     * @return the units taken, in pick order
     */
    List<LocatedAllocation> consume(Actor actor, long reservationId, String note) {
        CommonTableExpression<?> lines = name("lines").as(select(RESERVATION_LINES.PRODUCT_BATCH_ID.as(
                        PRODUCT_BATCHES.ID.getName()), RESERVATION_LINES.LOCATION_ID, RESERVATION_LINES.QUANTITY,
                PRODUCT_BATCHES.BATCH_NUMBER, PRODUCT_BATCHES.EXPIRY_DATE, LOCATIONS.PICK_SEQUENCE)
                .from(RESERVATION_LINES)
                .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(RESERVATION_LINES.PRODUCT_BATCH_ID))
                .join(LOCATIONS).on(LOCATIONS.ID.eq(RESERVATION_LINES.LOCATION_ID))
                .where(RESERVATION_LINES.RESERVATION_ID.eq(reservationId)));
        Field<Long> lineBatch = lines.field(PRODUCT_BATCHES.ID);
        Field<Long> lineLocation = lines.field(RESERVATION_LINES.LOCATION_ID);
        Field<Integer> lineQuantity = lines.field(RESERVATION_LINES.QUANTITY);
        CommonTableExpression<?> emptied = name("emptied").as(update(BATCH_LOCATIONS)
                .set(BATCH_LOCATIONS.QUANTITY, BATCH_LOCATIONS.QUANTITY.minus(lineQuantity))
                .set(BATCH_LOCATIONS.RESERVED, BATCH_LOCATIONS.RESERVED.minus(lineQuantity))
                .from(lines)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(lineBatch).and(BATCH_LOCATIONS.LOCATION_ID.eq(lineLocation)))
                .returningResult(BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID,
                        BATCH_LOCATIONS.QUANTITY.cast(SQLDataType.BIGINT).as(PLACE_AFTER)));
        Field<Integer> perBatchTaken = sum(lineQuantity).cast(SQLDataType.INTEGER).as("batch_taken");
        CommonTableExpression<?> perBatch = name("per_batch").as(select(lineBatch, perBatchTaken)
                .from(lines)
                .groupBy(lineBatch));
        CommonTableExpression<?> picked = name("picked").as(update(PRODUCT_BATCHES)
                .set(StockStatements.movementColumns(PRODUCT_BATCHES.QUANTITY.minus(
                        perBatch.field(perBatchTaken).cast(SQLDataType.INTEGER)), val(actor.userId(),
                        PRODUCT_BATCHES.UPDATED_BY)))
                .from(perBatch)
                .where(PRODUCT_BATCHES.ID.eq(perBatch.field(lineBatch)))
                .returningResult(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY.cast(SQLDataType.BIGINT)
                        .as(BATCH_AFTER)));
        List<SortField<?>> order = walk(lines);
        // Each ledger row states the batch's quantity right after it, in the order the rows are written: the
        // quantity after the whole pick plus what the batch's later rows take.
        Field<Long> later = coalesce(sum(lineQuantity).over(partitionBy(lineBatch).orderBy(order)
                .rowsBetweenFollowing(1).andUnboundedFollowing()), inline(BigDecimal.ZERO)).cast(SQLDataType.BIGINT);
        CommonTableExpression<?> taken = name("taken").as(select(lineBatch, lineLocation,
                lines.field(PRODUCT_BATCHES.BATCH_NUMBER), lines.field(PRODUCT_BATCHES.EXPIRY_DATE),
                lines.field(LOCATIONS.PICK_SEQUENCE), lineQuantity, emptied.field(PLACE_AFTER),
                picked.field(BATCH_AFTER).plus(later).as(BATCH_AFTER))
                .from(lines)
                .join(emptied).on(emptied.field(BATCH_LOCATIONS.PRODUCT_BATCH_ID).eq(lineBatch)
                        .and(emptied.field(BATCH_LOCATIONS.LOCATION_ID).eq(lineLocation)))
                .join(picked).on(picked.field(PRODUCT_BATCHES.ID).eq(lineBatch)));
        List<SortField<?>> pickOrder = walk(taken);
        Field<Long> takenBatch = taken.field(lineBatch);
        Field<Long> takenLocation = taken.field(lineLocation);
        Field<Integer> takenQuantity = taken.field(lineQuantity);
        Field<Long> takenBatchAfter = taken.field(BATCH_AFTER);
        CommonTableExpression<?> ledger = name("ledger").as(insertInto(PRODUCT_BATCH_TRACKS,
                        PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, PRODUCT_BATCH_TRACKS.USER_ID,
                        PRODUCT_BATCH_TRACKS.ACTOR_NAME, PRODUCT_BATCH_TRACKS.ACTION, PRODUCT_BATCH_TRACKS.DESCRIPTION,
                        PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, PRODUCT_BATCH_TRACKS.QUANTITY_AFTER,
                        PRODUCT_BATCH_TRACKS.LOCATION_ID)
                .select(select(takenBatch, val(LedgerActor.userId(actor), PRODUCT_BATCH_TRACKS.USER_ID),
                        val(LedgerActor.name(actor), PRODUCT_BATCH_TRACKS.ACTOR_NAME),
                        inline(TrackAction.PICKED, PRODUCT_BATCH_TRACKS.ACTION),
                        val(note, PRODUCT_BATCH_TRACKS.DESCRIPTION), takenQuantity.neg(),
                        takenBatchAfter.cast(SQLDataType.INTEGER), takenLocation)
                        .from(taken)
                        .orderBy(pickOrder))
                .returningResult(PRODUCT_BATCH_TRACKS.ID));
        CommonTableExpression<?> closed = name("closed").as(update(RESERVATIONS)
                .set(RESERVATIONS.STATUS, ReservationStatus.CONSUMED)
                .where(RESERVATIONS.ID.eq(reservationId))
                .returningResult(RESERVATIONS.ID));
        return dsl.with(lines, emptied, perBatch, picked, taken, ledger, closed)
                .select(takenBatch, takenLocation, taken.field(PRODUCT_BATCHES.BATCH_NUMBER),
                        taken.field(PRODUCT_BATCHES.EXPIRY_DATE), takenQuantity, taken.field(PLACE_AFTER),
                        takenBatchAfter)
                .from(taken)
                .orderBy(pickOrder)
                .fetch(row -> new LocatedAllocation(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5(), Math.toIntExact(row.value6()), Math.toIntExact(row.value7())));
    }

    /**
     * Releases the units locked reservations hold and closes them with a status, in one statement. The caller holds
     * the locks of {@link #lockHeld}.
     */
    void release(List<Long> reservationIds, ReservationStatus to) {
        Field<Integer> units = sum(RESERVATION_LINES.QUANTITY).cast(SQLDataType.INTEGER).as("units");
        CommonTableExpression<?> held = name("held").as(select(RESERVATION_LINES.PRODUCT_BATCH_ID,
                RESERVATION_LINES.LOCATION_ID, units)
                .from(RESERVATION_LINES)
                .where(RESERVATION_LINES.RESERVATION_ID.in(reservationIds))
                .groupBy(RESERVATION_LINES.PRODUCT_BATCH_ID, RESERVATION_LINES.LOCATION_ID));
        CommonTableExpression<?> released = name("released").as(update(BATCH_LOCATIONS)
                .set(BATCH_LOCATIONS.RESERVED, BATCH_LOCATIONS.RESERVED.minus(held.field(units)))
                .from(held)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(held.field(RESERVATION_LINES.PRODUCT_BATCH_ID))
                        .and(BATCH_LOCATIONS.LOCATION_ID.eq(held.field(RESERVATION_LINES.LOCATION_ID))))
                .returningResult(BATCH_LOCATIONS.PRODUCT_BATCH_ID));
        dsl.with(held, released)
                .update(RESERVATIONS)
                .set(RESERVATIONS.STATUS, to)
                .where(RESERVATIONS.ID.in(reservationIds))
                .execute();
    }

    /**
     * Reads a reservation with its lines, first-expired first.
     *
     * @return the reservation; empty if it is missing
     */
    Optional<Reservation> find(long reservationId) {
        return dsl.selectFrom(RESERVATIONS).where(RESERVATIONS.ID.eq(reservationId)).fetchOptional()
                .map(this::withLines);
    }

    /** A reservation's row with its lines read. */
    Reservation withLines(ReservationsRecord header) {
        List<ReservedUnits> lines = dsl.select(RESERVATION_LINES.PRODUCT_BATCH_ID, RESERVATION_LINES.LOCATION_ID,
                        PRODUCT_BATCHES.BATCH_NUMBER, PRODUCT_BATCHES.EXPIRY_DATE, RESERVATION_LINES.QUANTITY)
                .from(RESERVATION_LINES)
                .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(RESERVATION_LINES.PRODUCT_BATCH_ID))
                .join(LOCATIONS).on(LOCATIONS.ID.eq(RESERVATION_LINES.LOCATION_ID))
                .where(RESERVATION_LINES.RESERVATION_ID.eq(header.getId()))
                .orderBy(PRODUCT_BATCHES.EXPIRY_DATE.asc().nullsLast(), LOCATIONS.PICK_SEQUENCE.asc().nullsLast(),
                        RESERVATION_LINES.PRODUCT_BATCH_ID, RESERVATION_LINES.LOCATION_ID)
                .fetch(row -> new ReservedUnits(row.value1(), row.value2(), row.value3(), row.value4(),
                        row.value5()));
        return new Reservation(header.getId(), header.getWarehouseId(), header.getProductId(), header.getReference(),
                header.getQuantity(), header.getDueDate(), header.getExpiresAt(), header.getStatus(), lines);
    }

    /**
     * Counts a product's usable units at a warehouse's active locations, in active live batches usable from a day
     * on, and the units of those that open reservations hold.
     *
     * @return the usable units, then the reserved ones
     */
    long[] usableAndReserved(long warehouseId, long productId, LocalDate firstUsableDay) {
        return dsl.select(coalesce(sum(BATCH_LOCATIONS.QUANTITY), inline(BigDecimal.ZERO)),
                        coalesce(sum(BATCH_LOCATIONS.RESERVED), inline(BigDecimal.ZERO)))
                .from(PRODUCT_BATCHES)
                .join(BATCH_LOCATIONS).on(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .join(LOCATIONS).on(LOCATIONS.ID.eq(BATCH_LOCATIONS.LOCATION_ID))
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(productId)
                        .and(PRODUCT_BATCHES.STATUS.eq(BatchStatus.ACTIVE))
                        .and(LiveStock.batchOfLiveProduct())
                        .and(ExpiryPolicy.usableFrom(val(firstUsableDay)))
                        .and(LOCATIONS.WAREHOUSE_ID.eq(warehouseId))
                        .and(LOCATIONS.ACTIVE))
                .fetchSingle(row -> new long[] {row.value1().longValue(), row.value2().longValue()});
    }
}
