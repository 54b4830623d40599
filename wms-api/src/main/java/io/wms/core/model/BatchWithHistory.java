package io.wms.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A batch with its newest ledger rows.
 *
 * @param batch        the batch; never {@code null}
 * @param history      its ledger rows with their users, newest first (by time, then id); the whole ledger, or its
 *                     newest rows when the reader bounds it; never {@code null}
 * @param olderHistory {@code true} when the batch has older ledger rows than those in {@code history}, to be read
 *                     from the ledger page by page
 */
public record BatchWithHistory(ProductBatch batch, List<TrackEntry> history, boolean olderHistory) {

    /**
     * Creates the record, copying the history.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public BatchWithHistory {
        Objects.requireNonNull(batch, "batch");
        history = List.copyOf(history);
    }

    /**
     * Creates the record of a batch with its whole ledger.
     *
     * @param batch   the batch; never {@code null}
     * @param history every ledger row of the batch, newest first; never {@code null}
     * @throws NullPointerException if an argument is {@code null}
     */
    public BatchWithHistory(ProductBatch batch, List<TrackEntry> history) {
        this(batch, history, false);
    }
}
