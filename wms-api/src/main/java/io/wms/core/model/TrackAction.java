package io.wms.core.model;

/**
 * What a ledger row ({@link ProductBatchTrack}) records about a batch.
 */
public enum TrackAction {
    /** Stock came in: a new batch, or more quantity into an existing one. */
    RECEIVED,
    /** Stock went out: consumed or shipped. */
    PICKED,
    /** A signed correction with a reason: a stock count, damage, loss. */
    ADJUSTED,
    /** The batch's status changed (quarantine, release, recall); quantity unchanged. */
    STATUS_CHANGED,
    /** The expiry sweep marked the batch expired; quantity unchanged. */
    EXPIRED,
    /** Expired or recalled stock was destroyed. */
    DISPOSED,
    /** Stock was sent back to its supplier. */
    RETURNED,
    /**
     * The batch's lot number or dates were corrected, or it was hidden (soft-deleted) or restored; quantity unchanged.
     * The description says what changed from what to what.
     */
    CORRECTED,
    /**
     * Units of the batch moved between two locations: two rows, the units leaving one location (negative) and
     * arriving at the other (positive); the batch's quantity is unchanged, and each row's quantity after is the
     * batch's.
     */
    TRANSFERRED
}
