package io.wms.core.repository;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.Reads;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;

/**
 * The stock ledger, read only: it is append-only and written by the inventory service alone.
 *
 * <p>Every listing is newest first (by time, then id) and read by keyset, so that scrolling a long history costs
 * the same on every page. A listing starts with the method without a cursor and continues with the returned
 * {@link KeysetPage#nextCursor()}. Limits run from 1 to {@link PageRequest#MAX_LIMIT}; a limit out of range or a
 * malformed cursor is a {@link io.wms.core.error.ValidationException}. Thread-safe when obtained from
 * {@link io.wms.core.Wms}.
 */
public interface ProductBatchTrackRepository {

    /**
     * Reads the first page of a batch's ledger, live or soft-deleted.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param batchId the batch's id
     * @param limit   the rows per page
     * @return the page; empty for an unknown batch
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatchTrack> byBatch(Actor actor, long batchId, int limit);

    /**
     * Reads the page of a batch's ledger after a cursor.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param batchId the batch's id
     * @param limit   the rows per page
     * @param cursor  the previous page's next cursor
     * @return the page
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatchTrack> byBatch(Actor actor, long batchId, int limit, String cursor);

    /**
     * Reads the first page of the ledger rows a user wrote.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param userId the user's id
     * @param limit  the rows per page
     * @return the page; empty for an unknown user
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    KeysetPage<ProductBatchTrack> byUser(Actor actor, long userId, int limit);

    /**
     * Reads the page of a user's ledger rows after a cursor.
     *
     * @param actor who reads; needs {@code MANAGE_USERS}
     * @param userId the user's id
     * @param limit  the rows per page
     * @param cursor the previous page's next cursor
     * @return the page
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code MANAGE_USERS}
     */
    @Reads(Permission.MANAGE_USERS)
    KeysetPage<ProductBatchTrack> byUser(Actor actor, long userId, int limit, String cursor);

    /**
     * Reads the first page of the ledger rows of one action, across all batches.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param action the action
     * @param limit  the rows per page
     * @return the page
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatchTrack> byAction(Actor actor, TrackAction action, int limit);

    /**
     * Reads the page of one action's ledger rows after a cursor.
     *
     * @param actor who reads; needs {@code READ_CATALOG}
     * @param action the action
     * @param limit  the rows per page
     * @param cursor the previous page's next cursor
     * @return the page
     * @throws io.wms.core.error.PermissionDeniedException if the actor lacks {@code READ_CATALOG}
     */
    @Reads(Permission.READ_CATALOG)
    KeysetPage<ProductBatchTrack> byAction(Actor actor, TrackAction action, int limit, String cursor);
}
