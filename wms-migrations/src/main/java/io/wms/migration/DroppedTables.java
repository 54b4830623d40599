package io.wms.migration;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The tables each version's down script drops, declared here rather than read from the scripts, and for each the rows
 * whose loss needs {@link UndoOption#DROP_DATA}.
 *
 * <p>Undo counts these tables' rows before it changes anything, and checks in each version's transaction that its
 * down script dropped exactly the declared tables, in any schema: a script that drops another table, or keeps a
 * declared one, is rolled back and refused. So a down script's text is only ever run, never read for facts, and a
 * declaration that drifts from its script fails the first undo of that version (every version is undone by
 * {@code UndoMigrationsTest}). A version not listed here drops no table.
 *
 * <p>Immutable and thread-safe.
 */
final class DroppedTables {

    private static final Map<String, List<DroppedTable>> BY_VERSION = Map.of(
            "1", List.of(all("user_roles"), all("roles"), all("users")),
            "2", List.of(all("products"), all("brands"), all("categories")),
            "3", List.of(all("product_batch_tracks"), all("product_batches")),
            "5", List.of(all("idempotency_keys")),
            // V14 made the default warehouse and location and moved every batch's units there: only what lies beyond
            // them is known to these tables alone, and a warehouse that never used locations undoes V14 unasked.
            "14", List.of(
                    rowsWhere("batch_locations", tables -> "quantity > 0 AND location_id NOT IN (SELECT id FROM "
                            + tables.apply("locations") + " WHERE is_default)"),
                    rowsWhere("locations", tables -> "NOT is_default"),
                    rowsWhere("warehouses", tables -> "NOT is_default")),
            "15", List.of(all("reorder_points"), all("reservation_lines"), all("reservations")),
            "16", List.of(all("cycle_count_lines"), all("cycle_counts")));

    private DroppedTables() {
    }

    /**
     * Returns the tables a version's down script drops.
     *
     * @param version a version, for example {@code "14"}
     * @return the tables in the order the script drops them; empty for a version that drops none or is not listed
     */
    static List<DroppedTable> of(String version) {
        return BY_VERSION.getOrDefault(version, List.of());
    }

    private static DroppedTable all(String table) {
        return new DroppedTable(table, null);
    }

    private static DroppedTable rowsWhere(String table, LostRows lostRows) {
        return new DroppedTable(table, lostRows);
    }

    /**
     * A table of the wms schema that a down script drops.
     *
     * @param name     the table's name in the wms schema
     * @param lostRows which of its rows dropping it loses; {@code null} for all of them
     */
    record DroppedTable(String name, LostRows lostRows) {
    }

    /** Which rows of a dropped table are data: the others are rows its migration made itself, or that others say. */
    @FunctionalInterface
    interface LostRows {

        /**
         * Returns the condition, a constant of this class over the table's columns.
         *
         * @param tables names another table of the wms schema as a statement must: schema and table, each quoted
         * @return the condition of a {@code WHERE} clause
         */
        String condition(UnaryOperator<String> tables);
    }
}
