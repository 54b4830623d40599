package io.wms.core.model;

import java.util.Locale;

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
    DEPLETED;

    /**
     * Returns the value stored in {@code product_batches.status}.
     *
     * @return the lower-case name, for example {@code "active"}
     */
    public String databaseValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the status stored as a database value.
     *
     * @param value the stored value, for example {@code "active"}
     * @return the status
     * @throws IllegalArgumentException if the value is not a known status
     */
    public static BatchStatus fromDatabaseValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
