package io.wms.core.model;

import java.util.Objects;

/**
 * One ledger row with the user who acted.
 *
 * @param track the ledger row; never {@code null}
 * @param user  who acted, soft-deleted or not; {@code null} for the system or a user deleted for good
 */
public record TrackEntry(ProductBatchTrack track, User user) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if {@code track} is {@code null}
     */
    public TrackEntry {
        Objects.requireNonNull(track, "track");
    }
}
