package io.wms.migration;

/**
 * Where one migration stands against the database.
 */
public enum MigrationState {
    /** Known to the library, not yet applied to the database. */
    PENDING,
    /** Applied successfully. */
    APPLIED,
    /** Applied, but failed part-way; the schema needs repair by hand. */
    FAILED,
    /** Applied to the database but no longer known to this version of the library. */
    UNKNOWN,
    /** Skipped or ignored; not applied and not expected to be. */
    IGNORED
}
