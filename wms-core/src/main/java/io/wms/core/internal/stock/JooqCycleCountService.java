package io.wms.core.internal.stock;

import static io.wms.core.internal.PgCatalog.max;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.CYCLE_COUNTS;
import static io.wms.jooq.Tables.CYCLE_COUNT_LINES;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.WAREHOUSES;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LiveStock;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.CountAdjustment;
import io.wms.core.inventory.CountLine;
import io.wms.core.inventory.CountPosting;
import io.wms.core.inventory.CountSheet;
import io.wms.core.inventory.CycleCount;
import io.wms.core.inventory.CycleCountService;
import io.wms.core.inventory.LocatedMovement;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.RecordCount;
import io.wms.core.inventory.StartCount;
import io.wms.core.model.CountStatus;
import io.wms.jooq.converters.WordConverter;
import io.wms.jooq.tables.records.CycleCountLinesRecord;
import io.wms.jooq.tables.records.CycleCountsRecord;
import io.wms.jooq.tables.records.LocationsRecord;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * The jOOQ implementation of {@link CycleCountService}. A start locks the stock rows in scope shared (waiting for
 * the movements in flight there), then snapshots them and their ledger positions in the next statement, which sees
 * every one of those movements committed; see V16. A post corrects each differing line through
 * {@link LocatedCorrections}, the statement of {@code adjustAt}, in one transaction.
 *
 * <p>Thread-safe: built once per {@code Wms}, immutable.
 */
final class JooqCycleCountService implements CycleCountService {

    private final Transactions transactions;
    private final DSLContext dsl;
    private final StockStatements statements;
    private final LocatedCorrections corrections;
    private final IdempotencyKeys keys;

    JooqCycleCountService(Transactions transactions, WmsSettings settings) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        ExpiryPolicy expiry = new ExpiryPolicy(settings);
        this.statements = new StockStatements(transactions, expiry);
        this.corrections = new LocatedCorrections(transactions, statements,
                new StockRefusals(transactions, statements, expiry));
        this.keys = new IdempotencyKeys(dsl);
    }

    @Override
    public CycleCount start(Actor actor, StartCount command) {
        boolean byLocation = command.locationId() != null;
        Validator validator = Validator.of("cycle count");
        if (byLocation && (command.warehouseId() != null || command.productId() != null)) {
            validator.add("locationId", Rule.PAIR, "counts a location alone: leave warehouseId and productId empty");
        } else if (!byLocation) {
            validator.required("warehouseId", command.warehouseId()).required("productId", command.productId());
        }
        validator.validate();
        return transactions.transaction(() -> {
            long warehouseId;
            Condition scope;
            if (byLocation) {
                warehouseId = dsl.fetchOptional(LOCATIONS, LOCATIONS.ID.eq(command.locationId()))
                        .orElseThrow(() -> new NotFoundException("location", command.locationId()))
                        .getWarehouseId();
                scope = BATCH_LOCATIONS.LOCATION_ID.eq(command.locationId());
            } else {
                warehouseId = command.warehouseId();
                if (!statements.placeExists("warehouse", warehouseId)) {
                    throw new NotFoundException("warehouse", warehouseId);
                }
                if (!statements.lockLiveProduct(command.productId())) {
                    throw new NotFoundException("product", command.productId());
                }
                scope = PRODUCT_BATCHES.PRODUCT_ID.eq(command.productId())
                        .and(LOCATIONS.WAREHOUSE_ID.eq(warehouseId));
            }
            CycleCountsRecord count = dsl.insertInto(CYCLE_COUNTS)
                    .set(CYCLE_COUNTS.WAREHOUSE_ID, warehouseId)
                    .set(CYCLE_COUNTS.LOCATION_ID, command.locationId())
                    .set(CYCLE_COUNTS.PRODUCT_ID, command.productId())
                    .set(CYCLE_COUNTS.BLIND, command.blind())
                    .set(CYCLE_COUNTS.STARTED_BY, actor.userId())
                    .set(CYCLE_COUNTS.STARTED_BY_NAME, actor.name())
                    .returning()
                    .fetchSingle();
            Condition inScope = scope.and(LiveStock.batchOfLiveProduct());
            // The movements in flight on these rows commit before the lock is granted, and none can start until
            // this transaction ends: the snapshot below sees each row with all of its ledger rows. Each batch is
            // locked before its units, as every movement locks them; the lines' foreign keys would otherwise lock
            // the batches after their units.
            dsl.select(BATCH_LOCATIONS.PRODUCT_BATCH_ID)
                    .from(BATCH_LOCATIONS)
                    .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(BATCH_LOCATIONS.PRODUCT_BATCH_ID))
                    .join(LOCATIONS).on(LOCATIONS.ID.eq(BATCH_LOCATIONS.LOCATION_ID))
                    .where(inScope)
                    .orderBy(BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID)
                    .forShare()
                    .of(PRODUCT_BATCHES, BATCH_LOCATIONS)
                    .fetch();
            dsl.insertInto(CYCLE_COUNT_LINES, CYCLE_COUNT_LINES.CYCLE_COUNT_ID, CYCLE_COUNT_LINES.PRODUCT_BATCH_ID,
                            CYCLE_COUNT_LINES.LOCATION_ID, CYCLE_COUNT_LINES.EXPECTED_QUANTITY,
                            CYCLE_COUNT_LINES.LEDGER_POSITION)
                    .select(select(val(count.getId(), CYCLE_COUNT_LINES.CYCLE_COUNT_ID),
                            BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID, BATCH_LOCATIONS.QUANTITY,
                            ledgerMark())
                            .from(BATCH_LOCATIONS)
                            .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(BATCH_LOCATIONS.PRODUCT_BATCH_ID))
                            .join(LOCATIONS).on(LOCATIONS.ID.eq(BATCH_LOCATIONS.LOCATION_ID))
                            .where(inScope.and(BATCH_LOCATIONS.QUANTITY.gt(0))))
                    .execute();
            return count(count);
        });
    }

    /**
     * The ledger's high-water mark: its highest row id. Read after the locks of a snapshot, it splits the ledger rows
     * of each line's batch at its location exactly: every writer of those rows takes the batch's lock before it
     * draws a row id, so the rows up to the mark are the ones the snapshot sees, and every later one comes after it.
     * One read of the primary key's end, where the highest row of each batch at each location would walk the
     * batch's whole ledger.
     */
    private static Field<Long> ledgerMark() {
        return field(select(max(PRODUCT_BATCH_TRACKS.ID)).from(PRODUCT_BATCH_TRACKS));
    }

    @Override
    public Optional<CycleCount> find(Actor actor, long countId) {
        return dsl.fetchOptional(CYCLE_COUNTS, CYCLE_COUNTS.ID.eq(countId)).map(JooqCycleCountService::count);
    }

    @Override
    public CountSheet sheet(Actor actor, long countId) {
        // The header and its lines in one snapshot, so that a post between them cannot show a posted count's lines
        // as they were before it.
        return transactions.snapshot(fresh -> {
            if (fresh) {
                dsl.execute(JooqInventoryService.ONE_SNAPSHOT);
            }
            CycleCount count = find(actor, countId).orElseThrow(() -> new NotFoundException("cycle count", countId));
            boolean shown = expectedShown(actor, count);
            List<CountLine> lines = dsl.select(CYCLE_COUNT_LINES.fields())
                    .select(PRODUCT_BATCHES.PRODUCT_ID, PRODUCT_BATCHES.BATCH_NUMBER)
                    .from(CYCLE_COUNT_LINES)
                    .join(PRODUCT_BATCHES).on(PRODUCT_BATCHES.ID.eq(CYCLE_COUNT_LINES.PRODUCT_BATCH_ID))
                    .where(CYCLE_COUNT_LINES.CYCLE_COUNT_ID.eq(countId))
                    .orderBy(CYCLE_COUNT_LINES.PRODUCT_BATCH_ID, CYCLE_COUNT_LINES.LOCATION_ID)
                    .fetch(row -> line(row.into(CYCLE_COUNT_LINES), row.get(PRODUCT_BATCHES.PRODUCT_ID),
                            row.get(PRODUCT_BATCHES.BATCH_NUMBER), shown));
            return new CountSheet(count, shown, lines);
        });
    }

    /** A blind count hides what the system expects from those who count, not from those who post. */
    private static boolean expectedShown(Actor actor, CycleCount count) {
        return !count.blind() || actor.can(Permission.ADJUST_STOCK);
    }

    @Override
    public CountLine record(Actor actor, RecordCount command) {
        Validator.of("count").notNegative("countedQuantity", command.countedQuantity()).validate();
        return transactions.transaction(() -> {
            // Shared: counters record side by side, and a post, which locks the count for an update, waits for them.
            CycleCountsRecord count = lockedOpenCount(command.countId(), false);
            boolean found = !dsl.fetchExists(CYCLE_COUNT_LINES, lineKey(command.countId(), command.batchId(),
                    command.locationId()));
            SelectConditionStep<ProductBatchesRecord> live = dsl.selectFrom(PRODUCT_BATCHES)
                    .where(PRODUCT_BATCHES.ID.eq(command.batchId()).and(LiveStock.batchOfLiveProduct()));
            // A new line locks its batch before its units there, as every movement locks them.
            ProductBatchesRecord batch = (found ? live.forShare() : live).fetchOptional()
                    .orElseThrow(() -> new NotFoundException("batch", command.batchId()));
            if (found) {
                addFoundLine(count, batch, command.locationId());
            }
            CycleCountLinesRecord line = dsl.update(CYCLE_COUNT_LINES)
                    .set(CYCLE_COUNT_LINES.COUNTED_QUANTITY, command.countedQuantity())
                    .set(CYCLE_COUNT_LINES.COUNTED_BY_NAME, actor.name())
                    .set(CYCLE_COUNT_LINES.COUNTED_AT, DSL.currentInstant())
                    .where(lineKey(command.countId(), command.batchId(), command.locationId()))
                    .returning()
                    .fetchSingle();
            return line(line, batch.getProductId(), batch.getBatchNumber(), expectedShown(actor, count(count)));
        });
    }

    private static Condition lineKey(long countId, long batchId, long locationId) {
        return CYCLE_COUNT_LINES.CYCLE_COUNT_ID.eq(countId)
                .and(CYCLE_COUNT_LINES.PRODUCT_BATCH_ID.eq(batchId))
                .and(CYCLE_COUNT_LINES.LOCATION_ID.eq(locationId));
    }

    /**
     * Adds the line of a batch found at a place in scope that had none, snapshotted now, as the start snapshots:
     * its units there locked shared first, then read with their ledger position.
     */
    private void addFoundLine(CycleCountsRecord count, ProductBatchesRecord batch, long locationId) {
        LocationsRecord location = dsl.fetchOptional(LOCATIONS, LOCATIONS.ID.eq(locationId))
                .orElseThrow(() -> new NotFoundException("location", locationId));
        Validator scope = Validator.of("count " + count.getId());
        if (count.getLocationId() != null && count.getLocationId() != locationId) {
            scope.add("locationId", Rule.OUT_OF_SCOPE, "is not the location counted (" + count.getLocationId() + ")");
        }
        if (count.getProductId() != null && !count.getProductId().equals(batch.getProductId())) {
            scope.add("batchId", Rule.OUT_OF_SCOPE, "names a batch of another product than the one counted ("
                    + count.getProductId() + ")");
        }
        if (location.getWarehouseId() != count.getWarehouseId().longValue()) {
            scope.add("locationId", Rule.OUT_OF_SCOPE, "lies outside the warehouse counted ("
                    + count.getWarehouseId() + ")");
        }
        scope.validate();
        dsl.select(BATCH_LOCATIONS.QUANTITY)
                .from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batch.getId()).and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId)))
                .forShare()
                .fetch();
        Field<Long> batchId = val(batch.getId(), CYCLE_COUNT_LINES.PRODUCT_BATCH_ID);
        Field<Long> at = val(locationId, CYCLE_COUNT_LINES.LOCATION_ID);
        Field<Integer> held = coalesce(field(select(BATCH_LOCATIONS.QUANTITY)
                .from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId).and(BATCH_LOCATIONS.LOCATION_ID.eq(at)))),
                inline(0));
        dsl.insertInto(CYCLE_COUNT_LINES, CYCLE_COUNT_LINES.CYCLE_COUNT_ID, CYCLE_COUNT_LINES.PRODUCT_BATCH_ID,
                        CYCLE_COUNT_LINES.LOCATION_ID, CYCLE_COUNT_LINES.EXPECTED_QUANTITY,
                        CYCLE_COUNT_LINES.LEDGER_POSITION)
                .select(select(val(count.getId(), CYCLE_COUNT_LINES.CYCLE_COUNT_ID), batchId, at, held,
                        ledgerMark()))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public CountPosting post(Actor actor, PostCount command) {
        Validator validator = Validator.of("count post");
        if (command.idempotencyKey() != null) {
            validator.requiredText("idempotencyKey", command.idempotencyKey(), IdempotencyKeys.KEY_LENGTH);
        }
        validator.validate();
        Supplier<CountPosting> work = () -> postUnderLocks(actor, command.countId());
        return transactions.transaction(() -> command.idempotencyKey() == null ? work.get()
                : keys.runOnce(actor, command.idempotencyKey(), KeyedOperation.POST_COUNT,
                        CanonicalRequest.of(command), work));
    }

    /**
     * Locks the count for an update, then the locations of its differing lines (shared, in id order), then corrects
     * each line in batch id, then location id order: each correction locks its batch before its units, so the post
     * takes its locks in the order every movement takes them.
     */
    private CountPosting postUnderLocks(Actor actor, long countId) {
        lockedOpenCount(countId, true);
        List<CycleCountLinesRecord> differing = dsl.selectFrom(CYCLE_COUNT_LINES)
                .where(CYCLE_COUNT_LINES.CYCLE_COUNT_ID.eq(countId)
                        .and(CYCLE_COUNT_LINES.COUNTED_QUANTITY.ne(CYCLE_COUNT_LINES.EXPECTED_QUANTITY)))
                .orderBy(CYCLE_COUNT_LINES.PRODUCT_BATCH_ID, CYCLE_COUNT_LINES.LOCATION_ID)
                .fetch();
        long[] locations = differing.stream().mapToLong(CycleCountLinesRecord::getLocationId).distinct().toArray();
        if (locations.length > 0) {
            statements.lockLocations(locations);
        }
        String description = LocatedCorrections.description(AdjustmentReason.STOCK_COUNT, "cycle count " + countId);
        List<CountAdjustment> adjustments = new ArrayList<>(differing.size());
        for (CycleCountLinesRecord line : differing) {
            int change = line.getCountedQuantity() - line.getExpectedQuantity();
            LocatedMovement moved = corrections.correct(actor, line.getLocationId(), line.getProductBatchId(), change,
                    description);
            adjustments.add(new CountAdjustment(line.getProductBatchId(), line.getLocationId(),
                    line.getExpectedQuantity(), line.getCountedQuantity(), change, moved.locationQuantityAfter(),
                    moved.batchQuantityAfter()));
        }
        close(actor, countId, CountStatus.POSTED);
        return new CountPosting(countId, adjustments);
    }

    @Override
    public CycleCount cancel(Actor actor, long countId) {
        return transactions.transaction(() -> {
            lockedOpenCount(countId, true);
            return close(actor, countId, CountStatus.CANCELLED);
        });
    }

    private CycleCount close(Actor actor, long countId, CountStatus status) {
        return count(dsl.update(CYCLE_COUNTS)
                .set(CYCLE_COUNTS.STATUS, status)
                .set(CYCLE_COUNTS.CLOSED_BY_NAME, actor.name())
                .set(CYCLE_COUNTS.CLOSED_AT, DSL.currentInstant())
                .where(CYCLE_COUNTS.ID.eq(countId))
                .returning()
                .fetchSingle());
    }

    /**
     * Locks a count and checks it is open.
     *
     * @param forUpdate {@code true} to lock it against every other change, {@code false} to share it
     * @throws NotFoundException if there is no such count
     * @throws io.wms.core.error.ValidationException if it is posted or cancelled
     */
    private CycleCountsRecord lockedOpenCount(long countId, boolean forUpdate) {
        var query = dsl.selectFrom(CYCLE_COUNTS).where(CYCLE_COUNTS.ID.eq(countId));
        CycleCountsRecord count = (forUpdate ? query.forUpdate() : query.forShare()).fetchOptional()
                .orElseThrow(() -> new NotFoundException("cycle count", countId));
        if (count.getStatus() != CountStatus.OPEN) {
            Validator.of("cycle count " + countId).add("countId", Rule.NOT_OPEN, "names a count that is "
                    + WordConverter.word(count.getStatus()) + ": it takes no more counts, posts or cancellations")
                    .validate();
        }
        return count;
    }

    private static CycleCount count(CycleCountsRecord row) {
        return new CycleCount(row.getId(), row.getWarehouseId(), row.getLocationId(), row.getProductId(),
                row.getBlind(), row.getStatus(),
                row.getStartedByName(), row.getStartedAt(), row.getClosedByName(), row.getClosedAt());
    }

    private static CountLine line(CycleCountLinesRecord row, long productId, String batchNumber, boolean shown) {
        return new CountLine(row.getProductBatchId(), row.getLocationId(), productId, batchNumber,
                shown ? row.getExpectedQuantity() : null, row.getCountedQuantity(), row.getCountedAt());
    }
}
