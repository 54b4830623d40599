package io.wms.migration;

import java.util.Objects;

/**
 * A table and the number of rows it holds, as undo reports the rows it would drop or did drop.
 *
 * @param table the table's name in the wms schema, without the schema, for example {@code "product_batches"}; a
 *              host's table of the same name in another schema is never counted
 * @param rows  how many rows the table held; never negative
 */
public record TableRows(String table, long rows) {

    /**
     * Creates the record.
     *
     * @param table the table's name; never {@code null}
     * @param rows  how many rows it held; never negative
     * @throws NullPointerException     if {@code table} is {@code null}
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public TableRows {
        Objects.requireNonNull(table, "table");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
    }

    @Override
    public String toString() {
        return table + " (" + rows + (rows == 1 ? " row)" : " rows)");
    }
}
