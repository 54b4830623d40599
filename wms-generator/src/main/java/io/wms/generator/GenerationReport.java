package io.wms.generator;

import java.util.List;

/**
 * What the synthetic data generator loaded, table by table in loading order.
 *
 * @param tables one entry per table; never {@code null}
 */
public record GenerationReport(List<TableLoad> tables) {

    /**
     * Creates the record, copying the list.
     *
     * @throws NullPointerException if {@code tables} is {@code null}
     */
    public GenerationReport {
        tables = List.copyOf(tables);
    }

    /**
     * Returns the entry of one table.
     *
     * @param table the table's name, for example {@code "products"}
     * @return the entry
     * @throws IllegalArgumentException if the table was not loaded
     */
    public TableLoad table(String table) {
        return tables.stream().filter(load -> load.table().equals(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not loaded: " + table));
    }
}
