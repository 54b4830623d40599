package io.wms.migration;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.wms.core.error.MigrationException;

/**
 * Thrown when undoing migrations would drop tables that still hold rows and {@link UndoOption#DROP_DATA} was not
 * given.
 *
 * <p>Undo counts the rows before it changes anything, so normally nothing was changed. Each version counts its tables
 * again, locked, in its own transaction; if rows were written in between, that version is refused and rolled back,
 * and the newer versions stay undone ({@link WmsMigrations#currentVersion()} says where the schema is).
 */
public class UndoRefusedException extends MigrationException {

    private static final long serialVersionUID = 1L;

    /** The tables with rows, kept as an immutable list so that the exception stays serialisable. */
    private final List<TableRows> tablesWithRows;

    /**
     * Creates the exception, with a message that names the target and every table with its row count.
     *
     * @param toVersion      the version undo was asked to reach; never {@code null}
     * @param tablesWithRows the tables undo would drop that hold rows; never {@code null} or empty
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code tablesWithRows} is empty
     */
    public UndoRefusedException(String toVersion, List<TableRows> tablesWithRows) {
        super(message(toVersion, tablesWithRows), null);
        this.tablesWithRows = List.copyOf(tablesWithRows);
    }

    /**
     * Returns the tables undo would have dropped that hold rows, each with its row count.
     *
     * @return the tables, in the order undo would drop them; never empty
     */
    public List<TableRows> tablesWithRows() {
        return tablesWithRows;
    }

    private static String message(String toVersion, List<TableRows> tablesWithRows) {
        Objects.requireNonNull(toVersion, "toVersion");
        if (tablesWithRows.isEmpty()) {
            throw new IllegalArgumentException("tablesWithRows must name at least one table");
        }
        long total = tablesWithRows.stream().mapToLong(TableRows::rows).sum();
        return "Undoing the wms schema to version " + toVersion + " would drop " + total
                + (total == 1 ? " row" : " rows") + " in " + tablesWithRows.stream()
                .map(TableRows::toString).collect(Collectors.joining(", "))
                + ". Pass UndoOption.DROP_DATA to drop them anyway.";
    }
}
