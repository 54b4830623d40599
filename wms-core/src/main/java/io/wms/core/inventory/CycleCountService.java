package io.wms.core.inventory;

import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.auth.Writes;

/**
 * Counts stock while picking goes on: a count of a location, or of a product within a warehouse, snapshots what the
 * system holds when it starts; counters record what they find; posting corrects each counted line by what the count
 * found different from that snapshot, in one transaction.
 *
 * <p>The rules:
 * <ul>
 * <li><b>Starting</b> snapshots one line per batch and location in scope that holds units: the units held there and
 *     the ledger position they were read at (the ledger's highest row id then: the rows of that batch at that
 *     location up to it make the units snapshotted). It waits only for the movements already in flight there to
 *     commit, and holds them off only until its transaction ends (inside a caller's transaction, until the caller
 *     commits): picking, receiving and transferring go on during the count.</li>
 * <li><b>Recording</b> replaces a line's counted units. A batch found at a place in scope that has no line gets one,
 *     snapshotted when it is recorded.</li>
 * <li><b>Blind counts</b>: the sheet of a blind count carries no expected quantities, unless the reader may adjust
 *     stock ({@code ADJUST_STOCK}), who posts it anyway.</li>
 * <li><b>Posting</b> adjusts each counted line by {@code counted - expected}: the movements posted between start and
 *     post are already in the current units, so the units become {@code current + (counted - expected)}, and a pick
 *     between count and post is not counted twice. Each difference is one ledger row {@code adjusted}, reason
 *     {@code STOCK_COUNT}, naming the location and the count. Lines never counted are left as they are. A line whose
 *     units would go below zero refuses the whole post ({@link io.wms.core.error.InsufficientStockException}
 *     naming the batch and location), as does a difference on a recalled batch. Locks are taken in the order every
 *     movement takes them (locations shared, then batches by id, each before its units at locations), so a post
 *     never deadlocks with a pick.</li>
 * <li>Posting and cancelling end the count; a count that is not open refuses both, and refuses recording
 *     ({@link io.wms.core.error.ValidationException} on {@code countId}, rule {@code not_open}). A post takes an
 *     idempotency key like every movement: repeated with its key, it answers the first result.</li>
 * <li>Permissions: starting, reading, recording and cancelling need {@code COUNT_STOCK}; posting needs
 *     {@code ADJUST_STOCK}, since it changes stock without goods moving.</li>
 * </ul>
 *
 * <p>Thread-safe when obtained from {@link io.wms.core.Wms}.
 */
public interface CycleCountService {

    /**
     * Starts a count and snapshots its lines. Needs {@code COUNT_STOCK}.
     *
     * @param actor   who starts it; never {@code null}
     * @param command the scope; never {@code null}
     * @return the open count
     * @throws io.wms.core.error.ValidationException       if neither or both scopes are given
     * @throws io.wms.core.error.NotFoundException         if the location, the warehouse or the product does not
     *                                                     exist (a deleted product counts as missing)
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not count stock
     */
    @Writes(Permission.COUNT_STOCK)
    CycleCount start(Actor actor, StartCount command);

    /**
     * Finds a count's header. Needs {@code COUNT_STOCK}.
     *
     * @param actor   who reads; never {@code null}
     * @param countId the count
     * @return the count; empty if there is none with that id
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not count stock
     */
    @Reads(Permission.COUNT_STOCK)
    Optional<CycleCount> find(Actor actor, long countId);

    /**
     * Reads a count with its lines, the expected quantities left out of a blind count's for a reader without
     * {@code ADJUST_STOCK}. Needs {@code COUNT_STOCK}.
     *
     * @param actor   who reads; never {@code null}
     * @param countId the count
     * @return the sheet
     * @throws io.wms.core.error.NotFoundException         if the count does not exist
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not count stock
     */
    @Reads(Permission.COUNT_STOCK)
    CountSheet sheet(Actor actor, long countId);

    /**
     * Records the units found of a batch at a location. Needs {@code COUNT_STOCK}.
     *
     * @param actor   who counted; never {@code null}
     * @param command what was found; never {@code null}
     * @return the line as the actor may see it
     * @throws io.wms.core.error.ValidationException       if the quantity is negative, the count is not open (rule
     *                                                     {@code not_open}), or the batch or location lies outside
     *                                                     the count's scope (rule {@code out_of_scope})
     * @throws io.wms.core.error.NotFoundException         if the count, the batch (or its product) or the location
     *                                                     does not exist
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not count stock
     */
    @Writes(Permission.COUNT_STOCK)
    CountLine record(Actor actor, RecordCount command);

    /**
     * Posts an open count's differences as {@code STOCK_COUNT} adjustments, in one transaction, and closes it.
     * Needs {@code ADJUST_STOCK}.
     *
     * @param actor   who posts; never {@code null}
     * @param command the count and an optional idempotency key; never {@code null}
     * @return the adjustments made
     * @throws io.wms.core.error.InsufficientStockException if a line would take its batch's units at its location
     *                                                      below zero; nothing is adjusted
     * @throws io.wms.core.error.ValidationException        if the count is not open (rule {@code not_open}), a
     *                                                      differing line's batch is recalled, a line would add
     *                                                      units at a location deactivated since (rule
     *                                                      {@code inactive}), or the key is invalid or reused;
     *                                                      nothing is adjusted
     * @throws io.wms.core.error.NotFoundException          if the count does not exist, or a differing line's batch
     *                                                      (or its product) was deleted since; nothing is adjusted
     * @throws io.wms.core.error.PermissionDeniedException  if the actor may not adjust stock
     */
    @Writes(Permission.ADJUST_STOCK)
    CountPosting post(Actor actor, PostCount command);

    /**
     * Cancels an open count: nothing is adjusted. Needs {@code COUNT_STOCK}.
     *
     * @param actor   who cancels; never {@code null}
     * @param countId the count
     * @return the cancelled count
     * @throws io.wms.core.error.ValidationException       if the count is not open (rule {@code not_open})
     * @throws io.wms.core.error.NotFoundException         if the count does not exist
     * @throws io.wms.core.error.PermissionDeniedException if the actor may not count stock
     */
    @Writes(Permission.COUNT_STOCK)
    CycleCount cancel(Actor actor, long countId);
}
