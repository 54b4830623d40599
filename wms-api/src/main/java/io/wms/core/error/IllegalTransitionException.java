package io.wms.core.error;

import java.util.Locale;

import io.wms.core.model.BatchStatus;

/**
 * Thrown when an operation would move a batch between two statuses that its lifecycle does not connect, for example
 * releasing a batch that is not quarantined, or anything that leaves {@link BatchStatus#RECALLED}.
 *
 * <p>Nothing was changed.
 */
public class IllegalTransitionException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final long batchId;
    private final BatchStatus from;
    private final BatchStatus to;

    /**
     * Creates the exception with the standard message, for example "batch 3 cannot go from recalled to active".
     *
     * @param batchId the batch
     * @param from    its current status; never {@code null}
     * @param to      the status that was asked for; never {@code null}
     */
    public IllegalTransitionException(long batchId, BatchStatus from, BatchStatus to) {
        super("batch " + batchId + " cannot go from " + word(from) + " to " + word(to));
        this.batchId = batchId;
        this.from = from;
        this.to = to;
    }

    /** A status in the message as the database stores it, so that the message quotes what a host's SQL sees. */
    private static String word(BatchStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the batch.
     *
     * @return the batch's id
     */
    public long batchId() {
        return batchId;
    }

    /**
     * Returns the status the batch is in.
     *
     * @return the current status; never {@code null}
     */
    public BatchStatus from() {
        return from;
    }

    /**
     * Returns the status that was refused.
     *
     * @return the requested status; never {@code null}
     */
    public BatchStatus to() {
        return to;
    }
}
