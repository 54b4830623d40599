package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.wms.core.auth.Actor;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.LedgerActor;
import io.wms.core.internal.LiveStock;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.LocatedMovement;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

/**
 * Corrections, disposals and returns of a batch's units at a named location: the statement that changes the batch,
 * its units there and appends the ledger row together, and the locking reads that say why it changed nothing. Used
 * by {@code adjustAt}, {@code disposeAt}, {@code returnToSupplierAt} and by the posting of cycle counts.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class LocatedCorrections {

    private static final Field<Integer> BATCH_QUANTITY = field(name("batch_quantity"), SQLDataType.INTEGER);
    private static final Field<Integer> PLACE_QUANTITY = field(name("place_quantity"), SQLDataType.INTEGER);

    private final Transactions transactions;
    private final DSLContext dsl;
    private final StockStatements statements;
    private final StockRefusals refusals;

    LocatedCorrections(Transactions transactions, StockStatements statements, StockRefusals refusals) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.statements = statements;
        this.refusals = refusals;
    }

    /**
     * The ledger description of a correction: its reason, then its note.
     *
     * @param note details; {@code null} for none
     * @return the description
     */
    static String description(AdjustmentReason reason, String note) {
        return reason.name() + (note == null ? "" : ": " + note);
    }

    /**
     * Corrects a batch's units at a location with its one statement, or, when that changes nothing, locks the
     * location, the batch and its units there (in the order every movement locks them) and throws why; a reason
     * gone by the time of the locks lets the statement run again under them.
     *
     * @param change the signed units; not 0
     * @return what changed
     * @throws NotFoundException          if the location or the batch (or its product) is missing
     * @throws InsufficientStockException if the location holds fewer units of the batch than removed
     * @throws io.wms.core.error.ValidationException if the batch is recalled, or units are added at an inactive
     *                                               location
     */
    LocatedMovement correct(Actor actor, long locationId, long batchId, int change, String description) {
        return moveOrExplain(actor, new Movement(locationId, batchId, change, TrackAction.ADJUSTED, description,
                PRODUCT_BATCHES.STATUS.ne(BatchStatus.RECALLED), refusals::refuseCorrectionOfRecalled));
    }

    /**
     * Takes units of a batch that may not be picked out of one location (disposed of or returned), as
     * {@link #correct} corrects them.
     *
     * @return what changed
     * @throws NotFoundException          if the location or the batch (or its product) is missing
     * @throws InsufficientStockException if the location holds fewer units of the batch
     * @throws io.wms.core.error.ValidationException if the batch is pickable stock
     */
    LocatedMovement remove(Actor actor, long locationId, RemoveStock command, TrackAction action) {
        return moveOrExplain(actor, new Movement(locationId, command.batchId(), -command.quantity(), action,
                command.note(), statements.removable(), batch -> refusals.refuseRemovalOfPickable(batch, action)));
    }

    /**
     * A change of one batch's units at one location.
     *
     * @param allowed the condition the batch must meet; the twin of {@code refusal}
     * @param refusal throws why the locked batch does not meet it
     */
    private record Movement(long locationId, long batchId, int change, TrackAction action, String description,
                            Condition allowed, Consumer<ProductBatchesRecord> refusal) {
    }

    private LocatedMovement moveOrExplain(Actor actor, Movement movement) {
        return attempt(actor, movement).orElseGet(() -> transactions.transaction(() -> {
            explain(movement);
            return attempt(actor, movement).orElseThrow(() -> StockRefusals.disagreement("movement of batch "
                    + movement.batchId() + " at location " + movement.locationId()));
        }));
    }

    private void explain(Movement movement) {
        long locationId = movement.locationId();
        long batchId = movement.batchId();
        int change = movement.change();
        StockStatements.LockedLocation location = statements.lockLocations(locationId).get(locationId);
        if (location == null) {
            throw new NotFoundException("location", locationId);
        }
        movement.refusal().accept(statements.lockLiveBatch(batchId)
                .orElseThrow(() -> new NotFoundException("batch", batchId)));
        if (change > 0 && !location.active()) {
            Validator.of("adjustment at location " + locationId)
                    .add("locationId", Rule.INACTIVE, "names an inactive location: activate it first").validate();
        }
        int held = statements.lockUnits(batchId, locationId).getOrDefault(locationId, 0);
        if ((long) held + change < 0) {
            // Negated as a long: the removal of Integer.MIN_VALUE units has no int opposite.
            throw new InsufficientStockException("batch " + batchId + " at location " + locationId, -(long) change,
                    held);
        }
    }

    /**
     * The correction in one statement. Units removed: the batch and its units at the location are locked together
     * and must cover the removal. Units added: the location is locked shared and must be active, then the batch is
     * locked, and the units arrive in the location's row, made if missing. Either way the values written are the
     * ones read under the locks, and the batch and its units change in the same statement, so that their sum stays
     * true without the database placing anything.
     *
     * @return what changed; empty if a condition does not hold
     */
    private Optional<LocatedMovement> attempt(Actor actor, Movement movement) {
        long locationId = movement.locationId();
        long batchId = movement.batchId();
        int change = movement.change();
        CommonTableExpression<?> target;
        CommonTableExpression<?> place = name("place").as(select(LOCATIONS.ID)
                .from(LOCATIONS)
                .where(LOCATIONS.ID.eq(locationId).and(LOCATIONS.ACTIVE))
                .forShare());
        boolean removal = change < 0;
        if (removal) {
            target = name("target").as(select(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY.as(BATCH_QUANTITY),
                    BATCH_LOCATIONS.QUANTITY.as(PLACE_QUANTITY))
                    .from(PRODUCT_BATCHES)
                    .join(BATCH_LOCATIONS).on(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                    .where(PRODUCT_BATCHES.ID.eq(batchId)
                            .and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId))
                            .and(LiveStock.batchOfLiveProduct())
                            .and(movement.allowed())
                            .and(BATCH_LOCATIONS.QUANTITY.cast(SQLDataType.BIGINT).plus((long) change).ge(0L)))
                    .forUpdate()
                    .of(PRODUCT_BATCHES, BATCH_LOCATIONS));
        } else {
            target = name("target").as(select(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY.as(BATCH_QUANTITY))
                    .from(PRODUCT_BATCHES, place)
                    .where(PRODUCT_BATCHES.ID.eq(batchId)
                            .and(LiveStock.batchOfLiveProduct())
                            .and(movement.allowed()))
                    .forUpdate()
                    .of(PRODUCT_BATCHES));
        }
        Field<Long> targetId = target.field(PRODUCT_BATCHES.ID);
        Field<Long> userId = val(LedgerActor.userId(actor), PRODUCT_BATCH_TRACKS.USER_ID);
        CommonTableExpression<?> moved = name("moved").as(update(PRODUCT_BATCHES)
                .set(StockStatements.movementColumns(target.field(BATCH_QUANTITY).plus(change),
                        val(actor.userId(), PRODUCT_BATCHES.UPDATED_BY)))
                .from(target)
                .where(PRODUCT_BATCHES.ID.eq(targetId))
                .returningResult(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY, PRODUCT_BATCHES.STATUS));
        CommonTableExpression<?> placed = removal
                ? name("placed").as(update(BATCH_LOCATIONS)
                        .set(BATCH_LOCATIONS.QUANTITY, target.field(PLACE_QUANTITY).plus(change))
                        .from(target)
                        .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(targetId)
                                .and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId)))
                        .returningResult(BATCH_LOCATIONS.QUANTITY))
                : name("placed").as(insertInto(BATCH_LOCATIONS, BATCH_LOCATIONS.PRODUCT_BATCH_ID,
                                BATCH_LOCATIONS.LOCATION_ID, BATCH_LOCATIONS.QUANTITY)
                        .select(select(targetId, val(locationId, BATCH_LOCATIONS.LOCATION_ID),
                                val(change, BATCH_LOCATIONS.QUANTITY))
                                .from(target))
                        .onConflict(BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID)
                        .doUpdate()
                        .set(BATCH_LOCATIONS.QUANTITY, BATCH_LOCATIONS.QUANTITY.plus(excluded(BATCH_LOCATIONS.QUANTITY)))
                        .returningResult(BATCH_LOCATIONS.QUANTITY));
        Field<Integer> after = moved.field(PRODUCT_BATCHES.QUANTITY);
        CommonTableExpression<?> ledger = StockStatements.ledger(moved, moved.field(PRODUCT_BATCHES.ID), val(change),
                after, userId, val(LedgerActor.name(actor), PRODUCT_BATCH_TRACKS.ACTOR_NAME), movement.action(),
                val(movement.description(), PRODUCT_BATCH_TRACKS.DESCRIPTION), val(locationId, PRODUCT_BATCH_TRACKS.LOCATION_ID),
                List.of());
        List<CommonTableExpression<?>> parts = removal ? List.of(target, moved, placed, ledger)
                : List.of(place, target, moved, placed, ledger);
        return dsl.with(parts)
                .select(after, moved.field(PRODUCT_BATCHES.STATUS), placed.field(BATCH_LOCATIONS.QUANTITY))
                .from(moved, placed)
                .fetchOptional(row -> new LocatedMovement(batchId, locationId, movement.action(), change,
                        row.value3(), row.value1(), row.value2()));
    }
}
