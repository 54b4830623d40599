package io.wms.core.model;

/**
 * Where a batch stands in its lifecycle; only {@link #ACTIVE} stock can be picked.
 */
public enum BatchStatus {
    /** In stock and pickable. */
    ACTIVE,
    /** On hold, for example awaiting inspection: not pickable until released. */
    QUARANTINED,
    /** Withdrawn for good; final. */
    RECALLED,
    /** Past its expiry date: not pickable, only disposed of or returned. */
    EXPIRED,
    /** Its quantity reached zero; becomes active again when stock is received. */
    DEPLETED
}
