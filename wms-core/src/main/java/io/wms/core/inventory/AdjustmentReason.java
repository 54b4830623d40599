package io.wms.core.inventory;

/**
 * Why a batch's quantity was corrected; recorded in the ledger.
 */
public enum AdjustmentReason {
    /** A physical count found a different quantity. */
    STOCK_COUNT,
    /** Units were damaged and written off. */
    DAMAGE,
    /** Units went missing. */
    LOSS,
    /** Units turned up that were not on record. */
    FOUND,
    /** Anything else; the note must say what. */
    OTHER
}
