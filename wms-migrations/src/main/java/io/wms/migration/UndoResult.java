package io.wms.migration;

import java.util.List;
import java.util.Objects;

/**
 * What one call of {@link WmsMigrations#undo(String, UndoOption...)} did.
 *
 * @param versionBefore the schema version before the call; {@code null} on a database where nothing was applied
 * @param versionAfter  the schema version after the call; {@code null} when every migration was undone
 * @param undone        the versions this call undid, newest first; empty when the schema already was at the target
 * @param droppedRows   the tables that held rows when they were dropped, with their counts; empty unless
 *                      {@link UndoOption#DROP_DATA} was given and some table held rows
 */
public record UndoResult(String versionBefore, String versionAfter, List<String> undone, List<TableRows> droppedRows) {

    /**
     * Creates the record.
     *
     * @param versionBefore the schema version before the call, or {@code null}
     * @param versionAfter  the schema version after the call, or {@code null}
     * @param undone        the versions undone, newest first; never {@code null}
     * @param droppedRows   the tables dropped with their rows; never {@code null}
     * @throws NullPointerException if {@code undone} or {@code droppedRows} is {@code null}
     */
    public UndoResult {
        undone = List.copyOf(Objects.requireNonNull(undone, "undone"));
        droppedRows = List.copyOf(Objects.requireNonNull(droppedRows, "droppedRows"));
    }

    /**
     * Tells whether this call changed the schema.
     *
     * @return {@code true} if at least one migration was undone
     */
    public boolean changedSchema() {
        return !undone.isEmpty();
    }
}
