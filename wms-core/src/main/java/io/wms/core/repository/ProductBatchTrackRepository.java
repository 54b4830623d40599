package io.wms.core.repository;

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
     * @param batchId the batch's id
     * @param limit   the rows per page
     * @return the page; empty for an unknown batch
     */
    KeysetPage<ProductBatchTrack> byBatch(long batchId, int limit);

    /**
     * Reads the page of a batch's ledger after a cursor.
     *
     * @param batchId the batch's id
     * @param limit   the rows per page
     * @param cursor  the previous page's next cursor
     * @return the page
     */
    KeysetPage<ProductBatchTrack> byBatch(long batchId, int limit, String cursor);

    /**
     * Reads the first page of the ledger rows a user wrote.
     *
     * @param userId the user's id
     * @param limit  the rows per page
     * @return the page; empty for an unknown user
     */
    KeysetPage<ProductBatchTrack> byUser(long userId, int limit);

    /**
     * Reads the page of a user's ledger rows after a cursor.
     *
     * @param userId the user's id
     * @param limit  the rows per page
     * @param cursor the previous page's next cursor
     * @return the page
     */
    KeysetPage<ProductBatchTrack> byUser(long userId, int limit, String cursor);

    /**
     * Reads the first page of the ledger rows of one action, across all batches.
     *
     * @param action the action
     * @param limit  the rows per page
     * @return the page
     */
    KeysetPage<ProductBatchTrack> byAction(TrackAction action, int limit);

    /**
     * Reads the page of one action's ledger rows after a cursor.
     *
     * @param action the action
     * @param limit  the rows per page
     * @param cursor the previous page's next cursor
     * @return the page
     */
    KeysetPage<ProductBatchTrack> byAction(TrackAction action, int limit, String cursor);
}
