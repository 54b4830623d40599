package io.wms.core.inventory;

import java.util.List;

import io.wms.core.auth.Actor;
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
 * <li>Each batch it changes gets exactly one new ledger row ({@code product_batch_tracks}) in the same transaction,
 *     naming the actor's user, the signed quantity change and the quantity after. {@link #verifyLedger(Actor)} proves it.</li>
 * <li>A batch is expired from the day after its expiry date in the warehouse's time zone (the library's one expiry
 *     rule), whether or not the {@linkplain #sweepExpired(Actor) sweep} has marked it yet: expired stock is never
 *     picked and never received.</li>
 * <li>Quantities never go negative and no update is lost under concurrency. Picks lock a product's candidate batches
 *     in id order, so two operations never deadlock each other; a serialization failure or deadlock with other
 *     clients is retried up to {@value #MAX_ATTEMPTS} times in all, then surfaces as
 *     {@link io.wms.core.error.RetryableException}. Inside a caller's own transaction nothing is retried: the
 *     caller's transaction decides.</li>
 * <li>Receipts, picks and corrections take an optional idempotency key. The same key sent again, sequentially or
 *     concurrently, applies the operation once and returns the first result; the same key with a different request
 *     is refused with a {@link io.wms.core.error.ValidationException} on {@code idempotencyKey}. Keys are global and
 *     at most 255 characters.</li>
 * </ul>
 *
 * <p>Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface InventoryService {

    /** How many times an operation is tried in all when the database reports a serialization failure or deadlock. */
    int MAX_ATTEMPTS = 3;

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
    Receipt receive(Actor actor, ReceiveStock command);

    /**
     * Receives more units into an existing batch named by id; see {@link #receive(Actor, ReceiveStock)}.
     *
     * @param actor   who receives; never {@code null}
     * @param command the receipt; never {@code null}
     * @return what was received
     * @throws io.wms.core.error.ValidationException       if the quantity is not positive, or the batch is expired
     *                                                     (by date or status), quarantined or recalled
     * @throws io.wms.core.error.NotFoundException         if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not receive stock
     */
    Receipt receiveInto(Actor actor, ReceiveIntoBatch command);

    /**
     * Picks units of a product first-expired, first-out: from its live, active batches that are not expired and have
     * the requested shelf life left, earliest expiry date first, batches without expiry date last, ties by batch id.
     * All or nothing. A batch that gives its last unit becomes depleted. One ledger row {@code picked} per batch
     * touched. Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the pick; never {@code null}
     * @return which batches gave how much
     * @throws io.wms.core.error.InsufficientStockException if the usable stock is short; nothing moved
     * @throws io.wms.core.error.ValidationException        if the input is invalid
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    PickResult pick(Actor actor, PickStock command);

    /**
     * Picks units from one named batch, which must be live, active and not expired. Needs {@code PICK_STOCK}.
     *
     * @param actor   who picks; never {@code null}
     * @param command the pick; never {@code null}
     * @return the one allocation
     * @throws io.wms.core.error.InsufficientStockException if the batch holds fewer units; nothing moved
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.ValidationException        if the input is invalid, or the batch is not active or is
     *                                                      expired
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not pick stock
     */
    PickResult pickFromBatch(Actor actor, PickFromBatch command);

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
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    BatchMovement adjust(Actor actor, AdjustStock command);

    /**
     * Destroys units of a batch that may not be picked: expired (by status or by date), recalled or quarantined.
     * Ledger action {@code disposed}; the status stays. Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who disposes; never {@code null}
     * @param command what to dispose of; never {@code null}
     * @return what changed
     * @throws io.wms.core.error.ValidationException        if the input is invalid or the batch is pickable stock
     * @throws io.wms.core.error.InsufficientStockException if the batch holds fewer units
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
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
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    BatchMovement returnToSupplier(Actor actor, RemoveStock command);

    /**
     * Puts an active batch on hold. Ledger action {@code status_changed}. Needs {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor   who decides; never {@code null}
     * @param batchId the batch
     * @param reason  why, for the ledger; not blank
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException if the batch is not active
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.ValidationException        if the reason is blank
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    ProductBatch quarantine(Actor actor, long batchId, String reason);

    /**
     * Releases a quarantined batch back to active. Ledger action {@code status_changed}. Needs
     * {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor   who decides; never {@code null}
     * @param batchId the batch
     * @param reason  why, for the ledger; not blank
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException if the batch is not quarantined
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.ValidationException        if the reason is blank
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    ProductBatch release(Actor actor, long batchId, String reason);

    /**
     * Recalls a batch for good, from active, quarantined, expired or depleted. Ledger action {@code status_changed}.
     * Needs {@code CHANGE_BATCH_STATUS}.
     *
     * @param actor   who decides; never {@code null}
     * @param batchId the batch
     * @param reason  why, for the ledger; not blank
     * @return the batch after the change
     * @throws io.wms.core.error.IllegalTransitionException if the batch is already recalled
     * @throws io.wms.core.error.NotFoundException          if the batch does not exist or is soft-deleted
     * @throws io.wms.core.error.ValidationException        if the reason is blank
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not change batch statuses
     */
    ProductBatch recall(Actor actor, long batchId, String reason);

    /**
     * Marks every live active batch whose expiry date has passed in the warehouse zone as expired, in one statement,
     * with one ledger row {@code expired} per batch. Running it again the same day finds nothing. Needs
     * {@code CHANGE_BATCH_STATUS}; a scheduler uses {@code Actor.system("expiry-sweep")}.
     *
     * @param actor who sweeps; never {@code null}
     * @return the batches it marked
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not change batch statuses
     */
    ExpirySweep sweepExpired(Actor actor);

    /**
     * Checks the whole database, in one statement, for batches whose quantity their ledger does not prove: the sum of
     * their rows' quantity changes differs, or the latest quantity-moving row's quantity after differs (a batch
     * without such rows must hold 0). Needs no permission: it reveals no stock, only ids and sums.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @return the batches that disagree, by id; empty when the ledger is consistent
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    List<LedgerDiscrepancy> verifyLedger(Actor actor);
}
