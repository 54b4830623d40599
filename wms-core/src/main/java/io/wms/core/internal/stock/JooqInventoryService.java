package io.wms.core.internal.stock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.wms.core.auth.Actor;
import io.wms.core.error.IllegalTransitionException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.stock.StockStatements.MovedBatch;
import io.wms.core.internal.stock.StockStatements.PickOutcome;
import io.wms.core.inventory.AdjustAtLocation;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.BatchLifecycle;
import io.wms.core.inventory.BatchMovement;
import io.wms.core.inventory.ExpirySweep;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.LedgerDiscrepancy;
import io.wms.core.inventory.LocatedMovement;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickInWarehouse;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RemoveAtLocation;
import io.wms.core.inventory.RemoveStock;
import io.wms.core.inventory.StatusChange;
import io.wms.core.inventory.StockTransfer;
import io.wms.core.inventory.TransferStock;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.InputLimits;
import io.wms.jooq.tables.ProductBatchTracks;
import io.wms.jooq.tables.records.ProductBatchesRecord;

/**
 * The jOOQ implementation of {@link InventoryService}: checks the actor's permission, validates the command, and
 * hands it to its statement ({@link StockStatements}), its refusal ({@link StockRefusals}) and, when keyed, its
 * idempotency key ({@link IdempotencyKeys}).
 */
final class JooqInventoryService implements InventoryService {

    private static final int BATCH_NUMBER_LENGTH = 255;
    /** Begins a transaction that reads one snapshot and writes nothing. */
    static final String ONE_SNAPSHOT = "set transaction isolation level repeatable read, read only";

    private final Transactions transactions;
    private final ExpiryPolicy expiry;
    private final StockStatements statements;
    private final StockRefusals refusals;
    private final IdempotencyKeys keys;
    private final LocatedCorrections corrections;

    JooqInventoryService(Transactions transactions, WmsSettings settings) {
        this.transactions = transactions;
        this.expiry = new ExpiryPolicy(settings);
        this.statements = new StockStatements(transactions, expiry);
        this.refusals = new StockRefusals(transactions, statements, expiry);
        this.keys = new IdempotencyKeys(transactions.dsl());
        this.corrections = new LocatedCorrections(transactions, statements, refusals);
    }

    @Override
    public Receipt receive(Actor actor, ReceiveStock command) {
        Validator validator = lotChecks(command);
        ReceiveStock request = stripped(command);
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.RECEIVE, request,
                () -> receiveLot(actor, request, null));
    }

    @Override
    public Receipt receiveAt(Actor actor, ReceiveAtLocation command) {
        ReceiveStock lot = new ReceiveStock(command.productId(), command.batchNumber(), command.quantity(),
                command.manufacturingDate(), command.expiryDate(), command.note(), command.idempotencyKey());
        Validator validator = lotChecks(lot);
        ReceiveStock request = stripped(lot);
        ReceiveAtLocation keyed = new ReceiveAtLocation(command.locationId(), request.productId(),
                request.batchNumber(), request.quantity(), request.manufacturingDate(), request.expiryDate(),
                request.note(), request.idempotencyKey());
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.RECEIVE, keyed,
                () -> receiveLot(actor, request, command.locationId()));
    }

    private Validator lotChecks(ReceiveStock command) {
        Validator validator = Validator.of("receipt")
                .requiredText("batchNumber", command.batchNumber(), BATCH_NUMBER_LENGTH)
                .positive("quantity", command.quantity())
                .datesInOrder("manufacturingDate", command.manufacturingDate(), "expiryDate", command.expiryDate())
                .optionalText("note", command.note(), InputLimits.MAX_NOTE_LENGTH);
        if (expiry.isExpired(command.expiryDate())) {
            validator.add("expiryDate", Rule.EXPIRED, "is already past (" + command.expiryDate()
                    + "): expired stock cannot be received");
        }
        return validator;
    }

    private static ReceiveStock stripped(ReceiveStock command) {
        return new ReceiveStock(command.productId(),
                command.batchNumber() == null ? null : command.batchNumber().strip(), command.quantity(),
                command.manufacturingDate(), command.expiryDate(), command.note(), command.idempotencyKey());
    }

    @Override
    public Receipt receiveInto(Actor actor, ReceiveIntoBatch command) {
        Validator validator = Validator.of("receipt")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), InputLimits.MAX_NOTE_LENGTH);
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.RECEIVE, command, () -> {
            MovedBatch moved = refusals.moveOrExplain(command.batchId(), refusals::refuseReceipt,
                    () -> statements.receiveInto(actor, command));
            return new Receipt(moved.batchId(), moved.productId(), moved.batchNumber(), command.quantity(),
                    moved.quantityAfter(), false);
        });
    }

    @Override
    public PickResult pick(Actor actor, PickStock command) {
        Validator validator = pickChecks(command.quantity(), command.minimumShelfLifeDays(), command.note());
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.PICK, command, () -> {
            PickOutcome outcome = statements.pickFirstExpiredFirstOut(actor, null, command.productId(),
                    command.quantity(), command.minimumShelfLifeDays(), command.note());
            if (outcome.allocations().isEmpty()) {
                throw refusals.refuseShortPick(command, outcome.available());
            }
            return new PickResult(command.productId(), command.quantity(), outcome.perBatch());
        });
    }

    @Override
    public LocatedPick pickInWarehouse(Actor actor, PickInWarehouse command) {
        Validator validator = pickChecks(command.quantity(), command.minimumShelfLifeDays(), command.note());
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.LOCATED_PICK, command, () -> {
            PickOutcome outcome = statements.pickFirstExpiredFirstOut(actor, command.warehouseId(),
                    command.productId(), command.quantity(), command.minimumShelfLifeDays(), command.note());
            if (outcome.allocations().isEmpty()) {
                throw refusals.refuseShortLocatedPick(command.productId(), command.quantity(), "warehouse",
                        command.warehouseId(), outcome.available());
            }
            return new LocatedPick(command.productId(), command.quantity(), outcome.allocations());
        });
    }

    @Override
    public LocatedPick pickAtLocation(Actor actor, PickAtLocation command) {
        Validator validator = pickChecks(command.quantity(), command.minimumShelfLifeDays(), command.note());
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.LOCATED_PICK, command, () -> {
            PickOutcome outcome = statements.pickAtLocation(actor, command.locationId(), command.productId(),
                    command.quantity(), command.minimumShelfLifeDays(), command.note());
            if (outcome.allocations().isEmpty()) {
                throw refusals.refuseShortLocatedPick(command.productId(), command.quantity(), "location",
                        command.locationId(), outcome.available());
            }
            return new LocatedPick(command.productId(), command.quantity(), outcome.allocations());
        });
    }

    private static Validator pickChecks(int quantity, int minimumShelfLifeDays, String note) {
        return Validator.of("pick")
                .positive("quantity", quantity)
                .notNegative("minimumShelfLifeDays", minimumShelfLifeDays)
                .optionalText("note", note, InputLimits.MAX_NOTE_LENGTH);
    }

    @Override
    public StockTransfer transfer(Actor actor, TransferStock command) {
        Validator validator = Validator.of("transfer")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), InputLimits.MAX_NOTE_LENGTH);
        if (command.fromLocationId() == command.toLocationId()) {
            validator.add("toLocationId", Rule.DIFFERENT, "must differ from fromLocationId");
        }
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.TRANSFER, command,
                () -> transactions.transaction(() -> transferUnderLocks(actor, command)));
    }

    /**
     * Locks the two locations (shared, against deactivation), then the batch, then its units at both locations in
     * location id order: the batch before its units, as every movement locks them.
     */
    private StockTransfer transferUnderLocks(Actor actor, TransferStock command) {
        long from = command.fromLocationId();
        long to = command.toLocationId();
        Map<Long, StockStatements.LockedLocation> locations = statements.lockLocations(Math.min(from, to),
                Math.max(from, to));
        for (long location : new long[] {from, to}) {
            if (!locations.containsKey(location)) {
                throw new NotFoundException("location", location);
            }
        }
        if (!locations.get(to).active()) {
            Validator.of("transfer").add("toLocationId", Rule.INACTIVE,
                    "names an inactive location: activate it first").validate();
        }
        ProductBatchesRecord batch = statements.lockLiveBatch(command.batchId())
                .orElseThrow(() -> new NotFoundException("batch", command.batchId()));
        Map<Long, Integer> units = statements.lockUnits(batch.getId(), from, to);
        int held = units.getOrDefault(from, 0);
        if (held < command.quantity()) {
            throw new InsufficientStockException("batch " + batch.getId() + " at location " + from,
                    command.quantity(), held);
        }
        StockStatements.TransferredUnits after = statements.transfer(actor, batch.getId(), from, to,
                command.quantity(), batch.getQuantity(), command.note());
        return new StockTransfer(batch.getId(), from, to, command.quantity(), after.fromAfter(), after.toAfter(),
                batch.getQuantity());
    }

    @Override
    public PickResult pickFromBatch(Actor actor, PickFromBatch command) {
        Validator validator = Validator.of("pick")
                .positive("quantity", command.quantity())
                .optionalText("note", command.note(), InputLimits.MAX_NOTE_LENGTH);
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.PICK, command, () -> {
            MovedBatch moved = refusals.moveOrExplain(command.batchId(), batch -> refusals.refusePick(batch, command),
                    () -> statements.pickFrom(actor, command));
            return new PickResult(moved.productId(), command.quantity(), List.of(new Allocation(moved.batchId(),
                    moved.batchNumber(), moved.expiryDate(), command.quantity(), moved.quantityAfter())));
        });
    }

    @Override
    public BatchMovement adjust(Actor actor, AdjustStock command) {
        Validator validator = correctionChecks(command.change(), command.reason(), command.note());
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.ADJUST, command, () -> {
            MovedBatch moved = refusals.moveOrExplain(command.batchId(),
                    batch -> refusals.refuseCorrection(batch, command),
                    () -> statements.applyCorrection(actor, command));
            return new BatchMovement(moved.batchId(), TrackAction.ADJUSTED, command.change(), moved.quantityAfter(),
                    moved.statusAfter());
        });
    }

    @Override
    public LocatedMovement adjustAt(Actor actor, AdjustAtLocation command) {
        Validator validator = correctionChecks(command.change(), command.reason(), command.note());
        return runOnceByKey(actor, validator, command.idempotencyKey(), KeyedOperation.ADJUST_AT, command,
                () -> corrections.correct(actor, command.locationId(), command.batchId(), command.change(),
                        LocatedCorrections.description(command.reason(), command.note())));
    }

    private static Validator correctionChecks(int change, AdjustmentReason reason, String note) {
        Validator validator = Validator.of("adjustment")
                .required("reason", reason)
                .optionalText("note", note, InputLimits.MAX_NOTE_LENGTH);
        if (change == 0) {
            validator.add("change", Rule.NOT_ZERO, "must not be 0");
        }
        if (reason == AdjustmentReason.OTHER && (note == null || note.isBlank())) {
            validator.add("note", Rule.REQUIRED, "is required when the reason is OTHER");
        }
        return validator;
    }

    @Override
    public BatchMovement dispose(Actor actor, RemoveStock command) {
        return remove(actor, command, TrackAction.DISPOSED, KeyedOperation.DISPOSE);
    }

    @Override
    public BatchMovement returnToSupplier(Actor actor, RemoveStock command) {
        return remove(actor, command, TrackAction.RETURNED, KeyedOperation.RETURN);
    }

    @Override
    public LocatedMovement disposeAt(Actor actor, RemoveAtLocation command) {
        return removeAt(actor, command, TrackAction.DISPOSED, KeyedOperation.DISPOSE_AT);
    }

    @Override
    public LocatedMovement returnToSupplierAt(Actor actor, RemoveAtLocation command) {
        return removeAt(actor, command, TrackAction.RETURNED, KeyedOperation.RETURN_AT);
    }

    private LocatedMovement removeAt(Actor actor, RemoveAtLocation command, TrackAction action,
                                     KeyedOperation<LocatedMovement> operation) {
        return runOnceByKey(actor, removalChecks(command.quantity(), command.note()), command.idempotencyKey(),
                operation, command, () -> corrections.remove(actor, command.locationId(),
                        new RemoveStock(command.batchId(), command.quantity(), command.note()), action));
    }

    private static Validator removalChecks(int quantity, String note) {
        return Validator.of("removal")
                .positive("quantity", quantity)
                .optionalText("note", note, InputLimits.MAX_NOTE_LENGTH);
    }

    @Override
    public ProductBatch quarantine(Actor actor, StatusChange change) {
        return changeStatus(actor, change, BatchStatus.QUARANTINED, KeyedOperation.QUARANTINE);
    }

    @Override
    public ProductBatch release(Actor actor, StatusChange change) {
        return changeStatus(actor, change, BatchStatus.ACTIVE, KeyedOperation.RELEASE);
    }

    @Override
    public ProductBatch recall(Actor actor, StatusChange change) {
        return changeStatus(actor, change, BatchStatus.RECALLED, KeyedOperation.RECALL);
    }

    @Override
    public ExpirySweep sweepExpired(Actor actor) {
        LocalDate today = expiry.today();
        List<Long> expired = transactions.statement(() -> statements.sweepExpired(actor, today));
        return new ExpirySweep(today, expired.stream().sorted().toList());
    }

    @Override
    public List<LedgerDiscrepancy> verifyLedger(Actor actor) {
        // The batches' check and their locations' read one snapshot, so that a movement between them is not a gap.
        return transactions.snapshot(fresh -> {
            if (fresh) {
                transactions.dsl().execute(ONE_SNAPSHOT);
            }
            return statements.ledgerDiscrepancies();
        });
    }

    @Override
    public int purgeIdempotencyKeys(Actor actor, Duration olderThan) {
        if (olderThan.isNegative() || olderThan.isZero()) {
            Validator.of("key purge").add("olderThan", Rule.POSITIVE, "must be longer than 0, got " + olderThan)
                    .validate();
        }
        Instant now = Instant.now();
        // An age beyond the epoch purges every key, where subtracting it would leave the range of Instant.
        Instant before = olderThan.compareTo(Duration.between(Instant.EPOCH, now)) >= 0 ? Instant.EPOCH
                : now.minus(olderThan);
        return transactions.statement(() -> keys.purgeClaimedBefore(before));
    }

    private Receipt receiveLot(Actor actor, ReceiveStock request, Long locationId) {
        return statements.receiveLot(actor, request, locationId).orElseGet(() -> transactions.transaction(() -> {
            if (locationId != null) {
                refusals.refuseLocationReceipt(locationId);
            }
            refusals.refuseLotReceipt(request);
            return statements.receiveLot(actor, request, locationId)
                    .orElseThrow(() -> StockRefusals.disagreement("receipt of lot " + request.batchNumber()));
        }));
    }

    private BatchMovement remove(Actor actor, RemoveStock command, TrackAction action,
                                 KeyedOperation<BatchMovement> operation) {
        Validator validator = removalChecks(command.quantity(), command.note());
        return runOnceByKey(actor, validator, command.idempotencyKey(), operation, command, () -> {
            MovedBatch moved = refusals.moveOrExplain(command.batchId(),
                    batch -> refusals.refuseRemoval(batch, command, action),
                    () -> statements.remove(actor, command, action));
            return new BatchMovement(moved.batchId(), action, -command.quantity(), moved.quantityAfter(),
                    moved.statusAfter());
        });
    }

    private ProductBatch changeStatus(Actor actor, StatusChange change, BatchStatus to,
                                      KeyedOperation<ProductBatch> operation) {
        Validator validator = Validator.of("status change")
                .requiredText("reason", change.reason(), InputLimits.MAX_NOTE_LENGTH);
        long batchId = change.batchId();
        return runOnceByKey(actor, validator, change.idempotencyKey(), operation, change,
                () -> transactions.transaction(() -> {
                    ProductBatchesRecord batch = statements.lockLiveBatch(batchId)
                            .orElseThrow(() -> new NotFoundException("batch", batchId));
                    BatchStatus from = batch.getStatus();
                    if (to == BatchStatus.ACTIVE && from != BatchStatus.QUARANTINED) {
                        // Releasing ends a quarantine; a depleted batch becomes active only by receiving stock.
                        throw new IllegalTransitionException(batchId, from, to);
                    }
                    BatchLifecycle.check(batchId, from, to);
                    return statements.changeStatus(actor, batchId, from, to, change.reason());
                }));
    }

    private <T> T runOnceByKey(Actor actor, Validator validator, String key, KeyedOperation<T> operation,
                               Record request, Supplier<T> work) {
        return KeyedRuns.runOnceByKey(transactions, keys, actor, validator, key, operation, request, work);
    }
}
