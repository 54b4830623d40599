package io.wms.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A batch with its whole ledger.
 *
 * @param batch   the batch; never {@code null}
 * @param history its ledger rows with their users, newest first (by time, then id); never {@code null}
 */
public record BatchWithHistory(ProductBatch batch, List<TrackEntry> history) {

    /**
     * Creates the record, copying the history.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public BatchWithHistory {
        Objects.requireNonNull(batch, "batch");
        history = List.copyOf(history);
    }
}
