package io.wms.core.model;

import java.time.Instant;

/**
 * One row of a batch's ledger: what happened, who did it, and how the quantity moved.
 *
 * @param id             the row's id; later rows of one batch have larger ids
 * @param productBatchId the batch
 * @param userId         who acted; {@code null} for the system or a since-deleted user
 * @param action         what happened; never {@code null}
 * @param description    why, in words; may be {@code null}
 * @param quantityChange the signed change of quantity; {@code null} for actions that move no stock
 * @param quantityAfter  the batch's quantity after this row; {@code null} exactly when quantityChange is
 * @param createdAt      when it happened; never {@code null}
 */
public record ProductBatchTrack(long id, long productBatchId, Long userId, TrackAction action, String description,
                                Integer quantityChange, Integer quantityAfter, Instant createdAt) {
}
