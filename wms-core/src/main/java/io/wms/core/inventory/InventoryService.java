package io.wms.core.inventory;

import java.time.Duration;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;
import io.wms.core.model.ProductBatch;

/**
 * Moves stock: receives, picks, corrects, disposes of and returns units of product batches, and moves batches
 * through their {@linkplain BatchLifecycle lifecycle}, so that stock can never be wrong and every unit can be traced.
 *
 * <p>The rules every operation keeps:
 * <ul>
 * <li>Each operation checks the actor's permission first, validates its input before any statement (a
 *     {@link io.wms.core.error.ValidationException} names every failing field), and runs in one transaction: it is
 *     applied completely or not at all.</li>
 * <li>Each batch it changes gets exactly one new ledger row ({@code product_batch_tracks}) per location it moves
 *     units at, in the same transaction, naming the actor's user, the location, the signed quantity change and the
 *     batch's quantity after. {@link #verifyLedger(Actor)} proves it, per batch and per location.</li>
 * <li>Stock is held per batch and location. The operations that name no location act on the default location of the
 *     default warehouse, where all stock of a host that has no use for locations is: receipts, corrections,
 *     disposals, returns and picks from a named batch move units there; {@link #pick(Actor, PickStock)} picks
 *     across every active location of the default warehouse.</li>
 * <li>Units that open reservations hold ({@link ReservationService}) are taken only by the pick of their
 *     reservation: every pick here takes only unreserved units, a transfer refuses to move reserved ones
 *     ({@link io.wms.core.error.InsufficientStockException}), and a correction, disposal, return or pick from a named
 *     batch that would take a location below its reserved units is refused with a
 *     {@link io.wms.core.error.ValidationException} on {@code quantity} (rule {@code reserved}).</li>
 * <li>Stock exists only in a live batch of a live product: a soft-deleted product's batches are neither moved nor
 *     counted by any operation or report ({@code NotFoundException}) until the product is restored.</li>
 * <li>A batch is expired from the day after its expiry date in the warehouse's time zone (the library's one expiry
 *     rule), whether or not the {@linkplain #sweepExpired(Actor) sweep} has marked it yet: expired stock is never
 *     picked and never received.</li>
 * <li>Quantities never go negative, at no location, and no update is lost under concurrency. Every movement locks a
 *     batch before its units at locations, batches in id order and a batch's locations in location id order, so two
 *     operations never deadlock each other; a serialization failure or deadlock with other
 *     clients is retried up to {@value #MAX_ATTEMPTS} times in all, then surfaces as
 *     {@link io.wms.core.error.RetryableException}. Inside a caller's own transaction nothing is retried: the
 *     caller's transaction decides.</li>
 * <li>Every movement (receipts, picks, corrections, disposals, returns and status changes) takes an optional
 *     idempotency key of at most 255 characters. The same key sent again by the same actor, sequentially or
 *     concurrently, applies the operation once and returns the first result; the same key with a different request
 *     is refused with a {@link io.wms.core.error.ValidationException} on {@code idempotencyKey} (rule
 *     {@code reused}). Requests are compared field by field, so they differ exactly when their commands do (the
 *     key aside). Keys belong to the actor: a user's keys to that user, a system actor's to its name, so two
 *     actors may use the same key, each applied once. A key is kept for {@link #KEY_RETENTION} unless the host
 *     purges with another age: the host calls {@link #purgeIdempotencyKeys(Actor)} daily, for example beside the
 *     nightly {@link #sweepExpired(Actor) sweep}; a request repeated after its key was purged is applied again.</li>
 * </ul>
 *
 * <p>Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface InventoryService {

    /** How many times an operation is tried in all when the database reports a serialization failure or deadlock. */
    int MAX_ATTEMPTS = 3;

    /** How long an idempotency key answers repetitions by default: 7 days, far beyond any client's retries. */
    Duration KEY_RETENTION = Duration.ofDays(7);

    /**
     * Receives a lot of a product: creates the batch, or adds the units to the product's live batch with that batch
     * number when one exists (its dates must then be the ones given, or the command's dates {@code null}). A depleted
     * batch becomes active again. Ledger action {@code received}. Needs {@code RECEIVE_STOCK}.
     *
     * @param actor   who receives; never {@code null}
     * @param command the receipt; never {@code null}
     * @return what was received where
     * @throws io.wms.core.error.ValidationException       if the input is invalid, the lot is already expired, its
     *                                                     dates differ from the existing batch's, or the existing
     *                                                     batch is quarantined, expired or recalled
     * @throws io.wms.core.error.NotFoundException         if the product does not exist or is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not receive stock
     */
    @Writes(Permission.RECEIVE_STOCK)
    Receipt receive(Actor actor, ReceiveStock command);

    /**
     * Receives more units into an existing batch named by id; see {@link #receive(Actor, ReceiveStock)}.
     *
     * @param actor   who receives; never {@code null}
     * @param command the receipt; never {@code null}
     * @return what was received
     * @throws io.wms.core.error.ValidationException       if the quantity is not positive, or the batch is expired
     *                                                     (by date or status), quarantined or recalled
     * @throws io.wms.core.error.NotFoundException         if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not receive stock
     */
    @Writes(Permission.RECEIVE_STOCK)
    Receipt receiveInto(Actor actor, ReceiveIntoBatch command);

    /**
     * Picks units of a product first-expired, first-out: from its live, active batches that are not expired and have
     * the requested shelf life left, at the active locations of the default warehouse, earliest expiry date first,
     * batches without expiry date last, then by the locations' pick sequence, ties by batch id. All or nothing. A
     * batch that gives its last unit becomes depleted. One allocation per batch, one ledger row {@code picked} per
     * batch and location touched. Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the pick; never {@code null}
     * @return which batches gave how much
     * @throws io.wms.core.error.InsufficientStockException if the usable stock is short; nothing moved
     * @throws io.wms.core.error.NotFoundException          if the product does not exist or is soft-deleted
     * @throws io.wms.core.error.ValidationException        if the input is invalid
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    @Writes(Permission.PICK_STOCK)
    PickResult pick(Actor actor, PickStock command);

    /**
     * Picks units from one named batch, which must be live, active and not expired. Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the pick; never {@code null}
     * @return the one allocation
     * @throws io.wms.core.error.InsufficientStockException if the batch holds fewer units; nothing moved
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.ValidationException        if the input is invalid, or the batch is not active or is
     *                                                      expired
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    @Writes(Permission.PICK_STOCK)
    PickResult pickFromBatch(Actor actor, PickFromBatch command);

    /**
     * Receives a lot of a product into a named active location, with the rules of
     * {@link #receive(Actor, ReceiveStock)}; the ledger row {@code received} names the location. Needs
     * {@code RECEIVE_STOCK}.
     *
     * @param actor   who receives; never {@code null}
     * @param command the receipt; never {@code null}
     * @return what was received where
     * @throws io.wms.core.error.ValidationException       as for {@link #receive(Actor, ReceiveStock)}, or if the
     *                                                     location is inactive (rule {@code inactive})
     * @throws io.wms.core.error.NotFoundException         if the product or the location does not exist
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not receive stock
     */
    @Writes(Permission.RECEIVE_STOCK)
    Receipt receiveAt(Actor actor, ReceiveAtLocation command);

    /**
     * Moves units of a batch from one location to an active other, atomically: two ledger rows
     * {@code transferred}, the units leaving the source (negative) and arriving at the destination (positive), each
     * with the batch's unchanged quantity as its quantity after. The batch may be in any status. Needs
     * {@code PICK_STOCK}.
     *
     * @param actor   who moves the stock; never {@code null}
     * @param command the transfer; never {@code null}
     * @return the units at both locations after the transfer
     * @throws io.wms.core.error.InsufficientStockException if the source holds fewer units of the batch; nothing moved
     * @throws io.wms.core.error.NotFoundException          if the batch (or its product) or either location does not
     *                                                      exist
     * @throws io.wms.core.error.ValidationException        if the input is invalid, source and destination are the
     *                                                      same (rule {@code different}), or the destination is
     *                                                      inactive (rule {@code inactive})
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    // readme-snippet: declared-operation
    @Writes(Permission.PICK_STOCK)
    StockTransfer transfer(Actor actor, TransferStock command);
    // readme-snippet-end

    /**
     * Picks units of a product in one warehouse, first-expired, first-out across the batches at its active
     * locations: earliest expiry date first, batches without expiry date last, then the location's pick sequence
     * (locations without one last), then batch id and location id. All or nothing; one ledger row {@code picked}
     * per batch and location taken from, naming the location. Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the pick; never {@code null}
     * @return which batch at which location gave how much, in pick order
     * @throws io.wms.core.error.InsufficientStockException if the usable stock in the warehouse is short; nothing
     *                                                      moved
     * @throws io.wms.core.error.NotFoundException          if the product does not exist or is soft-deleted, or the
     *                                                      warehouse does not exist
     * @throws io.wms.core.error.ValidationException        if the input is invalid
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    @Writes(Permission.PICK_STOCK)
    LocatedPick pickInWarehouse(Actor actor, PickInWarehouse command);

    /**
     * Picks units of a product at one named location, first-expired, first-out across the batches there, as
     * {@link #pickInWarehouse(Actor, PickInWarehouse)} does. Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the pick; never {@code null}
     * @return which batch gave how much, in pick order
     * @throws io.wms.core.error.InsufficientStockException if the usable stock at the location is short; nothing
     *                                                      moved
     * @throws io.wms.core.error.NotFoundException          if the product does not exist or is soft-deleted, or the
     *                                                      location does not exist
     * @throws io.wms.core.error.ValidationException        if the input is invalid
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    @Writes(Permission.PICK_STOCK)
    LocatedPick pickAtLocation(Actor actor, PickAtLocation command);

    /**
     * Corrects a batch's quantity by a signed number of units, with a reason; ledger action {@code adjusted}. An active
     * batch corrected to 0 becomes depleted, a depleted batch corrected above 0 becomes active; other statuses stay.
     * A correction below zero is refused with {@link io.wms.core.error.InsufficientStockException}: it is a fact about
     * the stock, not about the input's form. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who corrects; never {@code null}
     * @param command the correction; never {@code null}
     * @return what changed
     * @throws io.wms.core.error.InsufficientStockException if the batch holds fewer units than removed
     * @throws io.wms.core.error.ValidationException        if the input is invalid or the batch is recalled
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    BatchMovement adjust(Actor actor, AdjustStock command);

    /**
     * Corrects a batch's units at one named location by a signed number, with a reason, under the rules of
     * {@link #adjust(Actor, AdjustStock)}: the batch's quantity and its units there change together, with one ledger
     * row {@code adjusted} naming the location. Units added need an active location. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who corrects; never {@code null}
     * @param command the correction; never {@code null}
     * @return what changed, at the location and in the batch
     * @throws io.wms.core.error.InsufficientStockException if the location holds fewer units of the batch than
     *                                                      removed; nothing moved
     * @throws io.wms.core.error.ValidationException        if the input is invalid, the batch is recalled, or units
     *                                                      are added at an inactive location (rule {@code inactive})
     * @throws io.wms.core.error.NotFoundException          if the batch (or its product) or the location does not
     *                                                      exist
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    LocatedMovement adjustAt(Actor actor, AdjustAtLocation command);

    /**
     * Destroys units of a batch that may not be picked: expired (by status or by date), recalled or quarantined.
     * Ledger action {@code disposed}; the status stays. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who disposes; never {@code null}
     * @param command what to dispose of; never {@code null}
     * @return what changed
     * @throws io.wms.core.error.ValidationException        if the input is invalid or the batch is pickable stock
     * @throws io.wms.core.error.InsufficientStockException if the batch holds fewer units
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    BatchMovement dispose(Actor actor, RemoveStock command);

    /**
     * Sends units of a batch that may not be picked back to the supplier, under the rules of
     * {@link #dispose(Actor, RemoveStock)}. Ledger action {@code returned}. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who returns; never {@code null}
     * @param command what to return; never {@code null}
     * @return what changed
     * @throws io.wms.core.error.ValidationException        if the input is invalid or the batch is pickable stock
     * @throws io.wms.core.error.InsufficientStockException if the batch holds fewer units
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    BatchMovement returnToSupplier(Actor actor, RemoveStock command);

    /**
     * Destroys units of a batch that may not be picked at one named location, under the rules of
     * {@link #dispose(Actor, RemoveStock)}: the batch's quantity and its units there change together, with one
     * ledger row {@code disposed} naming the location. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who disposes; never {@code null}
     * @param command what to dispose of, and where; never {@code null}
     * @return what changed, at the location and in the batch
     * @throws io.wms.core.error.ValidationException        if the input is invalid or the batch is pickable stock
     * @throws io.wms.core.error.InsufficientStockException if the location holds fewer units of the batch
     * @throws io.wms.core.error.NotFoundException          if the batch (or its product) or the location does not
     *                                                      exist
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    LocatedMovement disposeAt(Actor actor, RemoveAtLocation command);

    /**
     * Sends units of a batch that may not be picked back to the supplier from one named location, under the rules
     * of {@link #disposeAt(Actor, RemoveAtLocation)}. Ledger action {@code returned}. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who returns; never {@code null}
     * @param command what to return, and from where; never {@code null}
     * @return what changed, at the location and in the batch
     * @throws io.wms.core.error.ValidationException        if the input is invalid or the batch is pickable stock
     * @throws io.wms.core.error.InsufficientStockException if the location holds fewer units of the batch
     * @throws io.wms.core.error.NotFoundException          if the batch (or its product) or the location does not
     *                                                      exist
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    LocatedMovement returnToSupplierAt(Actor actor, RemoveAtLocation command);

    /**
     * Puts an active batch on hold. Ledger action {@code status_changed}. Needs {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor   who decides; never {@code null}
     * @param batchId the batch
     * @param reason  why, for the ledger; not blank
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException if the batch is not active
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.ValidationException        if the reason is blank
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    default ProductBatch quarantine(Actor actor, long batchId, String reason) {
        return quarantine(actor, StatusChange.of(batchId, reason));
    }

    /**
     * Does what {@link #quarantine(Actor, long, String)} does, with an optional idempotency key.
     *
     * @param actor  who decides; never {@code null}
     * @param change the batch, the reason and the key; never {@code null}
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException as {@link #quarantine(Actor, long, String)}
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted, or its
     *                                                      product is
     * @throws io.wms.core.error.ValidationException        if the reason is blank or the key invalid or reused
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    ProductBatch quarantine(Actor actor, StatusChange change);

    /**
     * Releases a quarantined batch back to active. Ledger action {@code status_changed}. Needs
     * {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor   who decides; never {@code null}
     * @param batchId the batch
     * @param reason  why, for the ledger; not blank
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException if the batch is not quarantined
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.ValidationException        if the reason is blank
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    default ProductBatch release(Actor actor, long batchId, String reason) {
        return release(actor, StatusChange.of(batchId, reason));
    }

    /**
     * Does what {@link #release(Actor, long, String)} does, with an optional idempotency key.
     *
     * @param actor  who decides; never {@code null}
     * @param change the batch, the reason and the key; never {@code null}
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException as {@link #release(Actor, long, String)}
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted, or its
     *                                                      product is
     * @throws io.wms.core.error.ValidationException        if the reason is blank or the key invalid or reused
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    ProductBatch release(Actor actor, StatusChange change);

    /**
     * Recalls a batch for good, from active, quarantined, expired or depleted. Ledger action {@code status_changed}.
     * Needs {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor   who decides; never {@code null}
     * @param batchId the batch
     * @param reason  why, for the ledger; not blank
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException if the batch is already recalled
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted,
     *                                                     or its product is
     * @throws io.wms.core.error.ValidationException        if the reason is blank
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    default ProductBatch recall(Actor actor, long batchId, String reason) {
        return recall(actor, StatusChange.of(batchId, reason));
    }

    /**
     * Does what {@link #recall(Actor, long, String)} does, with an optional idempotency key.
     *
     * @param actor  who decides; never {@code null}
     * @param change the batch, the reason and the key; never {@code null}
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException as {@link #recall(Actor, long, String)}
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist, is soft-deleted, or its
     *                                                      product is
     * @throws io.wms.core.error.ValidationException        if the reason is blank or the key invalid or reused
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    ProductBatch recall(Actor actor, StatusChange change);

    /**
     * Marks every live active batch whose expiry date has passed in the warehouse zone as expired, in one statement,
     * with one ledger row {@code expired} per batch. Running it again the same day finds nothing. Needs
     * {@code CHANGE_BATCH_STATUS}; a scheduler uses {@code Actor.system("expiry-sweep")}.
     *
     * @param actor who sweeps; never {@code null}
     * @return the batches it marked
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not change batch statuses
     */
    @Writes(Permission.CHANGE_BATCH_STATUS)
    ExpirySweep sweepExpired(Actor actor);

    /**
     * Checks the whole database, in one statement, for batches whose quantity their ledger does not prove. Each
     * batch's quantity-moving rows are walked in ledger order: every row's quantity after must be the running total
     * of the changes up to it (so two wrong rows that cancel out are caught at the first), and the batch's quantity
     * must be their total and the latest row's quantity after (a batch without such rows must hold 0). Needs no
     * permission: it reveals no stock, only ids and sums.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return the batches that disagree, by id; empty when the ledger is consistent
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    List<LedgerDiscrepancy> verifyLedger(Actor actor);

    /**
     * Deletes the idempotency keys, of every actor, older than an age: a repetition of their requests is then applied
     * again. Run it daily; keys still in a transaction are never touched. Needs {@code PURGE_DATA}.
     *
     * @param actor     who purges, for example
     *                  {@code Actor.system("key-purge", EnumSet.of(Permission.PURGE_DATA))}; never {@code null}
     * @param olderThan the age past which keys go; positive; never {@code null}
     * @return how many keys were deleted
     * @throws io.wms.core.error.ValidationException       if the age is not positive
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not purge data
     */
    @Writes(Permission.PURGE_DATA)
    int purgeIdempotencyKeys(Actor actor, Duration olderThan);

    /**
     * Deletes the idempotency keys older than {@link #KEY_RETENTION}; see
     * {@link #purgeIdempotencyKeys(Actor, Duration)}.
     *
     * @param actor who purges; never {@code null}
     * @return how many keys were deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not purge data
     */
    @Writes(Permission.PURGE_DATA)
    default int purgeIdempotencyKeys(Actor actor) {
        return purgeIdempotencyKeys(actor, KEY_RETENTION);
    }
}
