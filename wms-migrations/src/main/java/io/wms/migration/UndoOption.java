package io.wms.migration;

/**
 * A choice that widens what {@link WmsMigrations#undo(String, UndoOption...)} may do.
 */
public enum UndoOption {
    /**
     * Lets undo drop tables that hold rows, losing those rows. Without it, undo refuses to start while any table it
     * would drop holds a row.
     */
    DROP_DATA
}
