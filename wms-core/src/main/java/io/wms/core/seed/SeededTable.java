package io.wms.core.seed;

/**
 * What one seeder did.
 *
 * @param table     the table, for example {@code "roles"}; never {@code null}
 * @param rowsAdded the rows it added; 0 when everything was there already
 */
public record SeededTable(String table, int rowsAdded) {
}
