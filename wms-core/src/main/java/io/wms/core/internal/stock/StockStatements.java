package io.wms.core.internal.stock;

import static io.wms.core.internal.PgCatalog.max;
import static io.wms.core.internal.PgCatalog.min;
import static io.wms.core.internal.PgCatalog.rowNumber;
import static io.wms.core.internal.PgCatalog.sum;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.WAREHOUSES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.partitionBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
import io.wms.core.inventory.LocatedAllocation;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.jooq.converters.BatchStatusConverter;
import io.wms.jooq.converters.WordConverter;
import io.wms.jooq.tables.BatchLocations;
import io.wms.jooq.tables.Locations;
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
    private static final BatchLocations PLACE = BATCH_LOCATIONS;
    private static final Locations LOCATION = LOCATIONS;

    /**
     * The default location of the default warehouse, where the movements that name no location move units (the
     * database places them there, see V14), and which their ledger rows name.
     */
    static final Field<Long> DEFAULT_LOCATION = field(select(LOCATION.ID)
            .from(LOCATION)
            .join(WAREHOUSES).on(WAREHOUSES.ID.eq(LOCATION.WAREHOUSE_ID))
            .where(WAREHOUSES.IS_DEFAULT.isTrue().and(LOCATION.IS_DEFAULT.isTrue())));

    /** The default warehouse, where the picks that name no warehouse pick. */
    private static final Field<Long> DEFAULT_WAREHOUSE = field(select(WAREHOUSES.ID)
            .from(WAREHOUSES)
            .where(WAREHOUSES.IS_DEFAULT));

    /**
     * What a first-expired, first-out pick found and took.
     *
     * @param available   the usable units of the product when the pick ran
     * @param allocations the units taken per batch in pick order; empty if the available units did not suffice
     */
    record PickOutcome(long available, List<LocatedAllocation> allocations) {

        /** The allocations one per batch, as a pick that names no location reports them, in pick order. */
        List<Allocation> perBatch() {
            Map<Long, Allocation> merged = new LinkedHashMap<>();
            for (LocatedAllocation taken : allocations) {
                merged.merge(taken.batchId(), new Allocation(taken.batchId(), taken.batchNumber(),
                        taken.expiryDate(), taken.quantity(), taken.batchQuantityAfter()),
                        (first, later) -> new Allocation(first.batchId(), first.batchNumber(), first.expiryDate(),
                                first.quantity() + later.quantity(), later.quantityAfter()));
            }
            return new ArrayList<>(merged.values());
        }
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
    private static final Param<Long> WAREHOUSE = DSL.param("warehouseId", SQLDataType.BIGINT);
    private static final Param<Long> AT_LOCATION = DSL.param("locationId", SQLDataType.BIGINT);
    private static final Param<Long> BATCH_ID = DSL.param("batchId", SQLDataType.BIGINT);
    private static final Param<Integer> CHANGE = DSL.param("change", SQLDataType.INTEGER);
    private static final Param<Long> UPDATED_BY = DSL.param("updatedBy", BATCH.UPDATED_BY.getDataType());
    private static final Param<String> BATCH_NUMBER = DSL.param("batchNumber", BATCH.BATCH_NUMBER.getDataType());
    private static final Param<LocalDate> MANUFACTURED = DSL.param("manufacturingDate",
            BATCH.MANUFACTURING_DATE.getDataType());
    private static final Param<LocalDate> EXPIRES = DSL.param("expiryDate", BATCH.EXPIRY_DATE.getDataType());

    private static final BatchStatusConverter BATCH_STATUS = new BatchStatusConverter();

    static final Field<Long> AVAILABLE = field(name("available"), SQLDataType.BIGINT);
    static final Field<Long> TAKEN = field(name("taken"), SQLDataType.BIGINT);
    private static final Field<Integer> BATCH_QUANTITY = field(name("batch_quantity"), SQLDataType.INTEGER);
    static final Field<Integer> PLACE_QUANTITY = field(name("place_quantity"), SQLDataType.INTEGER);
    static final Field<Integer> PLACE_RESERVED = field(name("place_reserved"), SQLDataType.INTEGER);
    static final Field<Integer> PLACE_FREE = field(name("place_free"), SQLDataType.INTEGER);
    private static final Field<Long> BATCH_AFTER = field(name("batch_after"), SQLDataType.BIGINT);
    private static final Field<Long> PLACE_AFTER = field(name("place_after"), SQLDataType.BIGINT);

    /** A row of a pick, read by position from the columns {@link #pickStatement} selects, in that order. */
    private record PickRow(long available, LocatedAllocation allocation) {
    }

    private final Transactions transactions;
    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final RenderedStatement pickInWarehouse;
    private final RenderedStatement pickAtLocation;
    private final RenderedStatement receiveIntoBatch;
    private final RenderedStatement pickFromBatch;
    private final RenderedStatement correction;
    private final Map<TrackAction, RenderedStatement> removals = new EnumMap<>(TrackAction.class);
    private final RenderedStatement receiveLotAtDefault;
    private final RenderedStatement receiveLotAtLocation;

    StockStatements(Transactions transactions, ExpiryPolicy expiry) {
        this.transactions = transactions;
        DSLContext dsl = transactions.dsl();
        this.dsl = dsl;
        this.expiry = expiry;
        // A warehouse of NULL is the default warehouse: the pick of a host that names none.
        this.pickInWarehouse = new RenderedStatement(dsl, pickStatement(dsl,
                LOCATION.WAREHOUSE_ID.eq(coalesce(WAREHOUSE, DEFAULT_WAREHOUSE)).and(LOCATION.ACTIVE)),
                PRODUCT, WANTED, FIRST_USABLE_DAY, USER, ACTOR_NAME, NOTE, WAREHOUSE);
        this.pickAtLocation = new RenderedStatement(dsl, pickStatement(dsl,
                PLACE.LOCATION_ID.eq(AT_LOCATION)), PRODUCT, WANTED, FIRST_USABLE_DAY, USER, ACTOR_NAME, NOTE,
                AT_LOCATION);
        Condition holdsEnough = BATCH.QUANTITY.cast(SQLDataType.BIGINT).plus(CHANGE.cast(SQLDataType.BIGINT))
                .ge(inline(0L));
        this.receiveIntoBatch = movement(dsl, receivable(FIRST_USABLE_DAY), TrackAction.RECEIVED);
        this.pickFromBatch = movement(dsl, pickable(FIRST_USABLE_DAY).and(holdsEnough), TrackAction.PICKED);
        this.correction = movement(dsl, BATCH.STATUS.ne(inline(BatchStatus.RECALLED, BATCH.STATUS)).and(holdsEnough),
                TrackAction.ADJUSTED);
        for (TrackAction removal : List.of(TrackAction.DISPOSED, TrackAction.RETURNED)) {
            removals.put(removal, movement(dsl, removable(FIRST_USABLE_DAY).and(holdsEnough), removal));
        }
        this.receiveLotAtDefault = new RenderedStatement(dsl, receiveLotStatement(dsl, false), LOT_PARAMETERS);
        this.receiveLotAtLocation = new RenderedStatement(dsl, receiveLotStatement(dsl, true), LOT_PARAMETERS);
    }

    /**
     * Picks a product's units from its usable batches at the active locations of a warehouse, earliest expiry first,
     * in one statement: it locks the candidate batches and their units at those locations, allocates along a running
     * sum, takes the units only if the whole quantity is there, and appends one ledger row per batch and location
     * taken from.
     *
     * @param warehouseId the warehouse; {@code null} for the default warehouse
     */
    PickOutcome pickFirstExpiredFirstOut(Actor actor, Long warehouseId, long productId, int quantity,
                                         int minimumShelfLifeDays, String note) {
        return pickOutcome(pickInWarehouse.list(transactions, StockStatements::pickRow, productId, (long) quantity,
                expiry.firstUsableDay(minimumShelfLifeDays), LedgerActor.userId(actor), LedgerActor.name(actor), note,
                warehouseId));
    }

    /**
     * Picks a product's units from its usable batches at one location, earliest expiry first, in one statement, as
     * {@link #pickFirstExpiredFirstOut} does.
     */
    PickOutcome pickAtLocation(Actor actor, long locationId, long productId, int quantity, int minimumShelfLifeDays,
                               String note) {
        return pickOutcome(pickAtLocation.list(transactions, StockStatements::pickRow, productId, (long) quantity,
                expiry.firstUsableDay(minimumShelfLifeDays), LedgerActor.userId(actor), LedgerActor.name(actor), note,
                locationId));
    }

    private static PickRow pickRow(ResultSet row) throws SQLException {
        long available = row.getLong(1);
        long batchId = row.getLong(2);
        return new PickRow(available, row.wasNull() ? null : new LocatedAllocation(batchId, row.getLong(3),
                row.getString(4), row.getObject(5, LocalDate.class), Math.toIntExact(row.getLong(6)),
                Math.toIntExact(row.getLong(7)), Math.toIntExact(row.getLong(8))));
    }

    private static PickOutcome pickOutcome(List<PickRow> rows) {
        List<LocatedAllocation> allocations = rows.stream().map(PickRow::allocation).filter(Objects::nonNull).toList();
        return new PickOutcome(rows.get(0).available(), allocations);
    }

    /**
     * A first-expired, first-out walk over a product's units that are not reserved: {@code candidates} locks them,
     * {@code allocation} gives each its share of the units wanted along the walk.
     *
     * @param candidates the usable batches' units at the places, locked, with their {@link #PLACE_QUANTITY},
     *                   {@link #PLACE_RESERVED} and {@link #PLACE_FREE}
     * @param allocation one row per candidate in walk order: its columns, the units {@link #TAKEN} from it (0 or less
     *                   past the units wanted) and the {@link #AVAILABLE} units of all candidates
     */
    record FirstExpiredFirstOut(CommonTableExpression<?> candidates, CommonTableExpression<?> allocation) {

        /** The one-row table of the units the candidates hold free, as {@link #AVAILABLE}. */
        Table<Record1<Long>> stock() {
            return select(coalesce(sum(candidates.field(PLACE_FREE)), inline(BigDecimal.ZERO))
                    .cast(SQLDataType.BIGINT).as(AVAILABLE))
                    .from(candidates)
                    .asTable("stock");
        }
    }

    /**
     * The order units are taken in, on a table with the walk's columns: expiry, then pick sequence, batch and
     * location.
     */
    static List<SortField<?>> walk(Table<?> rows) {
        return List.of(rows.field(BATCH.EXPIRY_DATE).asc().nullsLast(),
                rows.field(LOCATION.PICK_SEQUENCE).asc().nullsLast(), rows.field(BATCH.ID).asc(),
                rows.field(PLACE.LOCATION_ID).asc());
    }

    /**
     * Builds the walk of a pick or a reservation. It locks each candidate batch and then its units at each candidate
     * location, in batch id and then location id order, as every movement does, so that two never deadlock each
     * other; units reserved are not candidates, so that only a pick of their reservation takes them.
     *
     * @param places the locations it may take from
     */
    static FirstExpiredFirstOut firstExpiredFirstOut(Field<Long> product, Field<Long> wanted,
                                                     Field<LocalDate> firstUsableDay, Condition places) {
        CommonTableExpression<?> candidates = name("candidates").as(
                select(BATCH.ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, BATCH.QUANTITY.as(BATCH_QUANTITY),
                        PLACE.LOCATION_ID, PLACE.QUANTITY.as(PLACE_QUANTITY), PLACE.RESERVED.as(PLACE_RESERVED),
                        PLACE.QUANTITY.minus(PLACE.RESERVED).as(PLACE_FREE), LOCATION.PICK_SEQUENCE)
                        .from(BATCH)
                        .join(PLACE).on(PLACE.PRODUCT_BATCH_ID.eq(BATCH.ID))
                        .join(LOCATION).on(LOCATION.ID.eq(PLACE.LOCATION_ID))
                        .where(BATCH.PRODUCT_ID.eq(product)
                                .and(BATCH.STATUS.eq(inline(BatchStatus.ACTIVE, BATCH.STATUS)))
                                .and(LiveStock.batchOfLiveProduct())
                                .and(BATCH.QUANTITY.gt(inline(0)))
                                .and(ExpiryPolicy.usableFrom(firstUsableDay))
                                .and(PLACE.QUANTITY.gt(PLACE.RESERVED))
                                .and(places))
                        // Every movement locks in batch id, then location id order, whatever order it takes in.
                        .orderBy(BATCH.ID, PLACE.LOCATION_ID)
                        .forUpdate()
                        .of(BATCH, PLACE));
        Field<Integer> candidateFree = candidates.field(PLACE_FREE);
        Field<Long> takenBefore = coalesce(sum(candidateFree).over(orderBy(walk(candidates))
                        .rowsBetweenUnboundedPreceding().andPreceding(1)), inline(BigDecimal.ZERO))
                .cast(SQLDataType.BIGINT);
        CommonTableExpression<?> allocation = name("allocation").as(select(
                candidates.field(BATCH.ID), candidates.field(PLACE.LOCATION_ID), candidates.field(BATCH.BATCH_NUMBER),
                candidates.field(BATCH.EXPIRY_DATE), candidates.field(LOCATION.PICK_SEQUENCE),
                candidates.field(BATCH_QUANTITY), candidates.field(PLACE_QUANTITY), candidates.field(PLACE_RESERVED),
                least(candidateFree.cast(SQLDataType.BIGINT), wanted.minus(takenBefore)).as(TAKEN),
                sum(candidateFree).over().cast(SQLDataType.BIGINT).as(AVAILABLE))
                .from(candidates));
        return new FirstExpiredFirstOut(candidates, allocation);
    }

    /**
     * The pick, built once with parameters for its values: its rows have, in this order, the units available, then
     * the batch and location taken from, the batch's number and expiry date, the units taken, the units left at the
     * location and the batch's quantity after (all {@code NULL} on the one row of a pick that took nothing).
     *
     * <p>It locks each candidate batch and then its units at each candidate location, in batch id and then location
     * id order, as every movement does, so that two movements never deadlock each other. The batch's row and its
     * units change in the same statement, so their sum stays true without the database placing anything.
     *
     * @param places the locations it may take from
     */
    private static Query pickStatement(DSLContext dsl, Condition places) {
        FirstExpiredFirstOut walked = firstExpiredFirstOut(PRODUCT, WANTED, FIRST_USABLE_DAY, places);
        CommonTableExpression<?> candidates = walked.candidates();
        CommonTableExpression<?> allocation = walked.allocation();
        Field<Long> allocatedId = allocation.field(BATCH.ID);
        Field<Long> allocatedLocation = allocation.field(PLACE.LOCATION_ID);
        Field<Long> allocated = allocation.field(TAKEN);
        List<SortField<?>> allocationWalk = walk(allocation);
        // A batch taken from at several locations gets a ledger row for each; each row's quantity after is the
        // batch's running total, in the order the rows are written.
        Field<Long> batchAfter = allocation.field(BATCH_QUANTITY).cast(SQLDataType.BIGINT)
                .minus(sum(allocated).over(partitionBy(allocatedId).orderBy(allocationWalk)
                        .rowsBetweenUnboundedPreceding().andCurrentRow()).cast(SQLDataType.BIGINT));
        CommonTableExpression<?> taking = name("taking").as(select(
                allocatedId, allocatedLocation, allocation.field(BATCH.BATCH_NUMBER),
                allocation.field(BATCH.EXPIRY_DATE), allocation.field(LOCATION.PICK_SEQUENCE), allocated,
                allocation.field(PLACE_QUANTITY).cast(SQLDataType.BIGINT).minus(allocated).as(PLACE_AFTER),
                allocation.field(PLACE_RESERVED), batchAfter.as(BATCH_AFTER))
                .from(allocation)
                .where(allocated.gt(inline(0L)).and(allocation.field(AVAILABLE).ge(WANTED))));
        Field<Long> takingId = taking.field(BATCH.ID);
        Field<Long> takingLocation = taking.field(PLACE.LOCATION_ID);
        Field<Long> taken = taking.field(TAKEN);
        // The quantities written are the ones read under the candidates' locks, less what was taken: those rows
        // cannot have changed since. Subtracting from the column instead read, under concurrent movements, an older
        // version of a row this statement had locked in a newer one, and took units twice. The units reserved are
        // written back as read for the same reason: the older version's would undo a reservation.
        CommonTableExpression<?> emptied = name("emptied").as(update(PLACE)
                .set(PLACE.QUANTITY, taking.field(PLACE_AFTER).cast(SQLDataType.INTEGER))
                .set(PLACE.RESERVED, taking.field(PLACE_RESERVED))
                .from(taking)
                .where(PLACE.PRODUCT_BATCH_ID.eq(takingId).and(PLACE.LOCATION_ID.eq(takingLocation)))
                .returningResult(PLACE.PRODUCT_BATCH_ID));
        Field<Long> leftInBatch = min(taking.field(BATCH_AFTER)).cast(SQLDataType.BIGINT).as("left_in_batch");
        CommonTableExpression<?> perBatch = name("per_batch").as(select(takingId, leftInBatch)
                .from(taking)
                .groupBy(takingId));
        CommonTableExpression<?> picked = name("picked").as(update(BATCH)
                .set(movementColumns(perBatch.field(leftInBatch).cast(SQLDataType.INTEGER), USER))
                .from(perBatch)
                .where(BATCH.ID.eq(perBatch.field(takingId)))
                .returningResult(BATCH.ID));
        // Allocations and ledger rows in the order the units were taken, so that both read as the pick happened.
        List<SortField<?>> pickOrder = walk(taking);
        CommonTableExpression<?> ledger = name("ledger").as(insertInto(LEDGER, LEDGER.PRODUCT_BATCH_ID,
                        LEDGER.USER_ID, LEDGER.ACTOR_NAME, LEDGER.ACTION, LEDGER.DESCRIPTION, LEDGER.QUANTITY_CHANGE,
                        LEDGER.QUANTITY_AFTER, LEDGER.LOCATION_ID)
                .select(select(takingId, USER, ACTOR_NAME, inline(TrackAction.PICKED, LEDGER.ACTION), NOTE,
                        taken.neg().cast(SQLDataType.INTEGER), taking.field(BATCH_AFTER).cast(SQLDataType.INTEGER),
                        takingLocation)
                        .from(taking)
                        .orderBy(pickOrder))
                .returningResult(LEDGER.ID));
        Table<Record1<Long>> stock = walked.stock();
        return dsl.with(candidates, allocation, taking, emptied, perBatch, picked, ledger)
                .select(stock.field(AVAILABLE), takingId, takingLocation, taking.field(BATCH.BATCH_NUMBER),
                        taking.field(BATCH.EXPIRY_DATE), taken, taking.field(PLACE_AFTER),
                        taking.field(BATCH_AFTER))
                .from(stock)
                .leftJoin(taking).on(trueCondition())
                .orderBy(pickOrder);
    }

    /** The parameters of a receipt of a lot, in the order {@link #receiveLot} passes their values. */
    private static final Param<?>[] LOT_PARAMETERS = {PRODUCT, BATCH_NUMBER, CHANGE, MANUFACTURED, EXPIRES,
        FIRST_USABLE_DAY, UPDATED_BY, USER, ACTOR_NAME, NOTE, AT_LOCATION};

    /**
     * Receives a lot in one statement: creates the product's batch with that number, or adds the units to the live
     * one, if that batch is receivable and has the lot's dates (where the receipt gives them), and puts the units at
     * a location.
     *
     * @param locationId the location, which must be active (it is locked against deactivation until the transaction
     *                   ends); {@code null} for the default location, where the database places them
     * @return the receipt; empty if the product is missing or deleted, the location missing or inactive, or the
     *         existing batch may not receive
     */
    Optional<Receipt> receiveLot(Actor actor, ReceiveStock command, Long locationId) {
        RenderedStatement receipt = locationId == null ? receiveLotAtDefault : receiveLotAtLocation;
        return receipt.list(transactions, row -> new Receipt(row.getLong(1), row.getLong(2), row.getString(3),
                        command.quantity(), row.getInt(4), row.getLong(5) == 1L),
                command.productId(), command.batchNumber(), command.quantity(), command.manufacturingDate(),
                command.expiryDate(), expiry.firstUsableDay(0), actor.userId(), LedgerActor.userId(actor),
                LedgerActor.name(actor), command.note(), locationId).stream().findFirst();
    }

    /**
     * The receipt of a lot, built once with parameters for its values; its one row (none if nothing was received) has
     * the batch's id, product, number, quantity after and version.
     *
     * @param atLocation whether it places the units at {@link #AT_LOCATION}, or leaves the database to place them at
     *                   the default location
     */
    private static Query receiveLotStatement(DSLContext dsl, boolean atLocation) {
        // A date the receipt leaves out matches any batch's: the lot is known by its number.
        Condition sameLot = MANUFACTURED.isNull().or(BATCH.MANUFACTURING_DATE.eq(MANUFACTURED))
                .and(EXPIRES.isNull().or(BATCH.EXPIRY_DATE.eq(EXPIRES)));
        Table<?> source = atLocation ? PRODUCTS.join(LOCATION).on(LOCATION.ID.eq(AT_LOCATION).and(LOCATION.ACTIVE))
                : PRODUCTS;
        CommonTableExpression<?> received = name("received").as(insertInto(BATCH, BATCH.PRODUCT_ID,
                        BATCH.BATCH_NUMBER, BATCH.QUANTITY, BATCH.MANUFACTURING_DATE, BATCH.EXPIRY_DATE, BATCH.STATUS,
                        BATCH.CREATED_BY, BATCH.UPDATED_BY)
                .select(select(PRODUCTS.ID, BATCH_NUMBER, CHANGE, MANUFACTURED, EXPIRES,
                        inline(BatchStatus.ACTIVE, BATCH.STATUS), UPDATED_BY, UPDATED_BY)
                        .from(source)
                        .where(PRODUCTS.ID.eq(PRODUCT).and(PRODUCTS.DELETED_AT.isNull()))
                        // Holds off a concurrent soft delete of the product, and a deactivation of the location,
                        // until the batch is in.
                        .forShare())
                .onConflict(BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER)
                .where(BATCH.DELETED_AT.isNull())
                .doUpdate()
                .set(movementColumns(BATCH.QUANTITY.plus(CHANGE), UPDATED_BY))
                .where(receivable(FIRST_USABLE_DAY).and(sameLot))
                .returningResult(BATCH.ID, BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER, BATCH.QUANTITY, BATCH.VERSION));
        Field<Integer> after = received.field(BATCH.QUANTITY);
        List<CommonTableExpression<?>> statements = new ArrayList<>(List.of(received, ledger(received,
                received.field(BATCH.ID), CHANGE, after, USER, ACTOR_NAME, TrackAction.RECEIVED, NOTE,
                atLocation ? AT_LOCATION : DEFAULT_LOCATION, List.of())));
        if (atLocation) {
            statements.add(name("placed").as(insertInto(PLACE, PLACE.PRODUCT_BATCH_ID, PLACE.LOCATION_ID,
                            PLACE.QUANTITY)
                    .select(select(received.field(BATCH.ID), AT_LOCATION, CHANGE).from(received))
                    .onConflict(PLACE.PRODUCT_BATCH_ID, PLACE.LOCATION_ID)
                    .doUpdate()
                    .set(PLACE.QUANTITY, PLACE.QUANTITY.plus(excluded(PLACE.QUANTITY)))
                    .returningResult(PLACE.QUANTITY)));
        }
        // A new batch still has its first version: receiving into an existing one changes its quantity, which the
        // touch trigger counts.
        return dsl.with(statements)
                .select(received.field(BATCH.ID), received.field(BATCH.PRODUCT_ID), received.field(BATCH.BATCH_NUMBER),
                        after, received.field(BATCH.VERSION))
                .from(received);
    }

    /**
     * Receives more units into a named batch, if it is receivable: active or depleted, and not expired.
     *
     * @return the batch after the receipt; empty if it is missing, deleted or may not receive
     */
    Optional<MovedBatch> receiveInto(Actor actor, ReceiveIntoBatch command) {
        return move(receiveIntoBatch, actor, command.batchId(), command.quantity(), command.note());
    }

    /**
     * Picks units from a named batch, if it is pickable (active and not expired) and holds them.
     *
     * @return the batch after the pick; empty if it is missing, deleted, not pickable or short
     */
    Optional<MovedBatch> pickFrom(Actor actor, PickFromBatch command) {
        return move(pickFromBatch, actor, command.batchId(), -command.quantity(), command.note());
    }

    /**
     * Corrects a batch's quantity, if it is not recalled and does not go below zero.
     *
     * @return the batch after the correction; empty if it is missing, deleted, recalled or would go negative
     */
    Optional<MovedBatch> applyCorrection(Actor actor, AdjustStock command) {
        return move(correction, actor, command.batchId(), command.change(),
                LocatedCorrections.description(command.reason(), command.note()));
    }

    /**
     * Takes units out of a batch that may not be picked (disposed of or returned), if it holds them.
     *
     * @param action {@link TrackAction#DISPOSED} or {@link TrackAction#RETURNED}
     * @return the batch after the removal; empty if it is missing, deleted, pickable or short
     */
    Optional<MovedBatch> remove(Actor actor, RemoveStock command, TrackAction action) {
        return move(removals.get(action), actor, command.batchId(), -command.quantity(), command.note());
    }

    /** Receivable stock: active or depleted, and not expired. The twin of {@link StockRefusals#refuseReceipt}. */
    private static Condition receivable(Field<LocalDate> firstUsableDay) {
        return BATCH.STATUS.in(inline(BatchStatus.ACTIVE, BATCH.STATUS), inline(BatchStatus.DEPLETED, BATCH.STATUS))
                .and(ExpiryPolicy.usableFrom(firstUsableDay));
    }

    /** Pickable stock: active and not expired. The twin of {@link StockRefusals#refusePick}. */
    private static Condition pickable(Field<LocalDate> firstUsableDay) {
        return BATCH.STATUS.eq(inline(BatchStatus.ACTIVE, BATCH.STATUS))
                .and(ExpiryPolicy.usableFrom(firstUsableDay));
    }

    /**
     * Stock that leaves only by disposal or return: neither pickable nor depleted. The twin of
     * {@link StockRefusals#refuseRemoval}.
     */
    private static Condition removable(Field<LocalDate> firstUsableDay) {
        return not(pickable(firstUsableDay).or(BATCH.STATUS.eq(inline(BatchStatus.DEPLETED, BATCH.STATUS))));
    }

    /** Stock that leaves only by disposal or return, as of today. */
    Condition removable() {
        return removable(val(expiry.firstUsableDay(0)));
    }

    /**
     * A movement of one live batch by a signed number of units with its ledger row, in one statement, built once:
     * the batch changes only if it meets the condition, and the units come from or go to the default location (the
     * database places the change there, see V14, and refuses it if that location would go below zero). Its one row
     * (none if the batch did not move) is the batch after it.
     *
     * @param allowed the condition the batch must meet, on {@link #CHANGE} and {@link #FIRST_USABLE_DAY}
     */
    private static RenderedStatement movement(DSLContext dsl, Condition allowed, TrackAction action) {
        CommonTableExpression<?> moved = name("moved").as(update(BATCH)
                .set(movementColumns(BATCH.QUANTITY.plus(CHANGE), UPDATED_BY))
                .where(BATCH.ID.eq(BATCH_ID).and(LiveStock.batchOfLiveProduct()).and(allowed))
                .returningResult(BATCH.ID, BATCH.PRODUCT_ID, BATCH.BATCH_NUMBER, BATCH.EXPIRY_DATE, BATCH.QUANTITY,
                        BATCH.STATUS));
        Field<Integer> after = moved.field(BATCH.QUANTITY);
        Query statement = dsl.with(moved, ledger(moved, moved.field(BATCH.ID), CHANGE, after, USER, ACTOR_NAME,
                        action, NOTE, DEFAULT_LOCATION, List.of()))
                .select(moved.field(BATCH.ID), moved.field(BATCH.PRODUCT_ID), moved.field(BATCH.BATCH_NUMBER),
                        moved.field(BATCH.EXPIRY_DATE), after, moved.field(BATCH.STATUS))
                .from(moved);
        return new RenderedStatement(dsl, statement, BATCH_ID, CHANGE, FIRST_USABLE_DAY, UPDATED_BY, USER, ACTOR_NAME,
                NOTE);
    }

    private Optional<MovedBatch> move(RenderedStatement movement, Actor actor, long batchId, int change,
                                      String description) {
        return movement.list(transactions, row -> new MovedBatch(row.getLong(1), row.getLong(2), row.getString(3),
                        row.getObject(4, LocalDate.class), row.getInt(5), BATCH_STATUS.from(row.getString(6))),
                batchId, change, expiry.firstUsableDay(0), actor.userId(), LedgerActor.userId(actor),
                LedgerActor.name(actor), description).stream().findFirst();
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
                .set(LEDGER.DESCRIPTION, WordConverter.word(from) + " -> " + WordConverter.word(to) + ": " + reason)
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
     * Finds the batches whose quantity their ledger does not prove, then the units at a location that the ledger
     * does not prove, in two statements the caller runs in one snapshot.
     *
     * <p>A batch: walking its quantity-moving rows but transfers in ledger order (by id), every row's quantity after
     * must be the running total of the changes up to it, and the batch's quantity must be the total of all of them,
     * which is also the latest row's quantity after (a batch without such rows must hold 0). Transfers change no
     * batch's quantity: their rows say the batch's quantity, and are left out of the walk.
     *
     * <p>A location: for each batch the first check proved, the units at each location must be the sum of the
     * changes of the rows naming it, transfers included. Rows written before locations existed name none and count
     * for the default location, where the migration put their units.
     *
     * @return the batches that disagree, by id, each with its first row that does, then the batches' locations that
     *         disagree, by batch and location
     */
    List<LedgerDiscrepancy> ledgerDiscrepancies() {
        List<LedgerDiscrepancy> batches = batchDiscrepancies();
        List<Long> reported = batches.stream().map(LedgerDiscrepancy::batchId).toList();
        List<LedgerDiscrepancy> all = new ArrayList<>(batches);
        for (LedgerDiscrepancy located : locationDiscrepancies()) {
            if (!reported.contains(located.batchId())) {
                all.add(located);
            }
        }
        return all;
    }

    private List<LedgerDiscrepancy> batchDiscrepancies() {
        Field<Long> runningTotal = sum(LEDGER.QUANTITY_CHANGE)
                .over(partitionBy(LEDGER.PRODUCT_BATCH_ID).orderBy(LEDGER.ID)
                        .rowsBetweenUnboundedPreceding().andCurrentRow())
                .cast(SQLDataType.BIGINT).as("running_total");
        Field<Integer> fromLast = rowNumber()
                .over(partitionBy(LEDGER.PRODUCT_BATCH_ID).orderBy(LEDGER.ID.desc())).as("from_last");
        CommonTableExpression<?> running = name("running").as(
                select(LEDGER.PRODUCT_BATCH_ID, LEDGER.ID, LEDGER.QUANTITY_AFTER, runningTotal, fromLast)
                        .from(LEDGER)
                        .where(LEDGER.QUANTITY_CHANGE.isNotNull()
                                .and(LEDGER.ACTION.ne(inline(TrackAction.TRANSFERRED, LEDGER.ACTION)))));
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

    private List<LedgerDiscrepancy> locationDiscrepancies() {
        Field<Long> location = coalesce(LEDGER.LOCATION_ID, DEFAULT_LOCATION).as("location_id");
        CommonTableExpression<?> located = name("located").as(select(LEDGER.PRODUCT_BATCH_ID, location,
                LEDGER.QUANTITY_CHANGE)
                .from(LEDGER)
                .where(LEDGER.QUANTITY_CHANGE.isNotNull()));
        Field<Long> locatedBatch = located.field(LEDGER.PRODUCT_BATCH_ID);
        Field<Long> locatedLocation = located.field(location);
        Field<Long> ledgerSum = sum(located.field(LEDGER.QUANTITY_CHANGE)).cast(SQLDataType.BIGINT).as("ledger_sum");
        CommonTableExpression<?> proven = name("proven").as(select(locatedBatch, locatedLocation, ledgerSum)
                .from(located)
                .groupBy(locatedBatch, locatedLocation));
        Field<Long> provenBatch = proven.field(locatedBatch);
        Field<Long> provenLocation = proven.field(locatedLocation);
        Field<Long> provenSum = coalesce(proven.field(ledgerSum), inline(0L));
        Field<Integer> placed = coalesce(PLACE.QUANTITY, inline(0));
        return dsl.with(located, proven)
                .select(coalesce(PLACE.PRODUCT_BATCH_ID, provenBatch), coalesce(PLACE.LOCATION_ID, provenLocation),
                        placed, provenSum)
                .from(PLACE)
                .fullJoin(proven).on(provenBatch.eq(PLACE.PRODUCT_BATCH_ID).and(provenLocation.eq(PLACE.LOCATION_ID)))
                .where(placed.cast(SQLDataType.BIGINT).ne(provenSum))
                .orderBy(inline(1), inline(2))
                .fetch(row -> new LedgerDiscrepancy(row.value1(), row.value3(), row.value4(), null, null,
                        row.value2()));
    }

    /** A location's state as a movement into or out of it sees it. */
    record LockedLocation(long id, boolean active) {
    }

    /**
     * Locks locations against deactivation and moves for the rest of the transaction, in id order, and reads them.
     *
     * @return the locations that exist, by id
     */
    Map<Long, LockedLocation> lockLocations(long... ids) {
        List<Long> wanted = java.util.Arrays.stream(ids).boxed().toList();
        Map<Long, LockedLocation> found = new LinkedHashMap<>();
        dsl.select(LOCATION.ID, LOCATION.ACTIVE)
                .from(LOCATION)
                .where(LOCATION.ID.in(wanted))
                .orderBy(LOCATION.ID)
                .forShare()
                .fetch()
                .forEach(row -> found.put(row.value1(), new LockedLocation(row.value1(), row.value2())));
        return found;
    }

    /**
     * Locks a batch's units at locations for an update, in location id order, and reads those that no reservation
     * holds.
     *
     * @return the units free of reservations at each location that has a row, by location id
     */
    Map<Long, Integer> lockUnits(long batchId, long... locationIds) {
        List<Long> wanted = java.util.Arrays.stream(locationIds).boxed().toList();
        Map<Long, Integer> units = new HashMap<>();
        dsl.select(PLACE.LOCATION_ID, PLACE.QUANTITY.minus(PLACE.RESERVED))
                .from(PLACE)
                .where(PLACE.PRODUCT_BATCH_ID.eq(batchId).and(PLACE.LOCATION_ID.in(wanted)))
                .orderBy(PLACE.LOCATION_ID)
                .forUpdate()
                .fetch()
                .forEach(row -> units.put(row.value1(), row.value2()));
        return units;
    }

    /** The units at both ends after a transfer. */
    record TransferredUnits(int fromAfter, int toAfter) {
    }

    /**
     * Moves units of a batch between two locations and appends its two {@code transferred} ledger rows, the units
     * leaving first, in one statement, so that the batch's sum over its locations never disagrees. The caller holds
     * the locks of the batch and of its units at both locations, and has checked the source holds the units.
     *
     * @param batchQuantity the batch's quantity, which the rows state as their quantity after
     * @return the units at both locations after the transfer
     */
    TransferredUnits transfer(Actor actor, long batchId, long from, long to, int quantity, int batchQuantity,
                              String note) {
        CommonTableExpression<?> leaving = name("leaving").as(update(PLACE)
                .set(PLACE.QUANTITY, PLACE.QUANTITY.minus(quantity))
                .where(PLACE.PRODUCT_BATCH_ID.eq(batchId).and(PLACE.LOCATION_ID.eq(from)))
                .returningResult(PLACE.QUANTITY));
        CommonTableExpression<?> arriving = name("arriving").as(insertInto(PLACE, PLACE.PRODUCT_BATCH_ID,
                        PLACE.LOCATION_ID, PLACE.QUANTITY)
                .values(batchId, to, quantity)
                .onConflict(PLACE.PRODUCT_BATCH_ID, PLACE.LOCATION_ID)
                .doUpdate()
                .set(PLACE.QUANTITY, PLACE.QUANTITY.plus(excluded(PLACE.QUANTITY)))
                .returningResult(PLACE.QUANTITY));
        Long userId = LedgerActor.userId(actor);
        String actorName = LedgerActor.name(actor);
        CommonTableExpression<?> ledger = name("ledger").as(insertInto(LEDGER, LEDGER.PRODUCT_BATCH_ID,
                        LEDGER.USER_ID, LEDGER.ACTOR_NAME, LEDGER.ACTION, LEDGER.DESCRIPTION, LEDGER.QUANTITY_CHANGE,
                        LEDGER.QUANTITY_AFTER, LEDGER.LOCATION_ID)
                .values(batchId, userId, actorName, TrackAction.TRANSFERRED, note, -quantity, batchQuantity, from)
                .values(batchId, userId, actorName, TrackAction.TRANSFERRED, note, quantity, batchQuantity, to)
                .returningResult(LEDGER.ID));
        return dsl.with(leaving, arriving, ledger)
                .select(leaving.field(PLACE.QUANTITY), arriving.field(PLACE.QUANTITY))
                .from(leaving, arriving)
                .fetchSingle(row -> new TransferredUnits(row.value1(), row.value2()));
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
     * Tells whether a warehouse or a location exists.
     *
     * @param place {@code "warehouse"} or {@code "location"}
     * @return {@code true} if it exists
     */
    boolean placeExists(String place, long id) {
        return "warehouse".equals(place) ? dsl.fetchExists(WAREHOUSES, WAREHOUSES.ID.eq(id))
                : dsl.fetchExists(LOCATION, LOCATION.ID.eq(id));
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
    static Map<Field<?>, Field<?>> movementColumns(Field<Integer> after, Field<Long> userId) {
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

    /** Appends one ledger row per batch a data-modifying expression returned, naming the location it moved. */
    static CommonTableExpression<?> ledger(Table<?> moved, Field<Long> batchId, Field<Integer> change,
                                                   Field<Integer> after, Field<Long> userId,
                                                   Field<String> actorName, TrackAction action,
                                                   Field<String> description, Field<Long> location,
                                                   List<SortField<?>> order) {
        return name("ledger").as(insertInto(LEDGER, LEDGER.PRODUCT_BATCH_ID, LEDGER.USER_ID, LEDGER.ACTOR_NAME,
                        LEDGER.ACTION, LEDGER.DESCRIPTION, LEDGER.QUANTITY_CHANGE, LEDGER.QUANTITY_AFTER,
                        LEDGER.LOCATION_ID)
                .select(select(batchId, userId, actorName, inline(action, LEDGER.ACTION), description, change, after,
                        location)
                        .from(moved)
                        .orderBy(order))
                .returningResult(LEDGER.ID));
    }
}
