package io.wms.core.model;

/**
 * Where a cycle count stands. A count is open until it is posted or cancelled, both final.
 */
public enum CountStatus {
    /** Started: lines may be recorded. */
    OPEN,
    /** Its differences were posted as stock adjustments. */
    POSTED,
    /** Abandoned: nothing was adjusted. */
    CANCELLED
}
