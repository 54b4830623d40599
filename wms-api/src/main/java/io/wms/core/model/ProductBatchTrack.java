package io.wms.core.model;

import java.time.Instant;

/**
 * One row of a batch's ledger: what happened, who did it, and how the quantity moved.
 *
 * @param id             the row's id; later rows of one batch have larger ids
 * @param productBatchId the batch
 * @param userId         the user who acted; {@code null} for a system actor or a user hard-deleted since
 * @param actorName      the system actor that acted, for example {@code "expiry-sweep"}; {@code null} when a user
 *                       acted (their id is {@code userId}), and on rows written before system actors were recorded
 * @param action         what happened; never {@code null}
 * @param description    why, in words; may be {@code null}
 * @param quantityChange the signed change of quantity; {@code null} for actions that move no stock
 * @param quantityAfter  the batch's quantity after this row; {@code null} exactly when quantityChange is
 * @param createdAt      when it happened; never {@code null}
 * @param locationId     the location whose units the row moved; {@code null} on rows that move none, and on rows
 *                       written before locations existed, whose units are now in the default location
 */
public record ProductBatchTrack(long id, long productBatchId, Long userId, String actorName, TrackAction action,
                                String description, Integer quantityChange, Integer quantityAfter, Instant createdAt,
                                Long locationId) {

    /**
     * Creates a row that names no location.
     *
     * @param id             the row's id
     * @param productBatchId the batch
     * @param userId         the user who acted; may be {@code null}
     * @param actorName      the system actor that acted; may be {@code null}
     * @param action         what happened; never {@code null}
     * @param description    why, in words; may be {@code null}
     * @param quantityChange the signed change of quantity; may be {@code null}
     * @param quantityAfter  the batch's quantity after this row; may be {@code null}
     * @param createdAt      when it happened; never {@code null}
     */
    public ProductBatchTrack(long id, long productBatchId, Long userId, String actorName, TrackAction action,
                             String description, Integer quantityChange, Integer quantityAfter, Instant createdAt) {
        this(id, productBatchId, userId, actorName, action, description, quantityChange, quantityAfter, createdAt,
                null);
    }
}
