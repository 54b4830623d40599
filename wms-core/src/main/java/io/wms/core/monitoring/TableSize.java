package io.wms.core.monitoring;

/**
 * How much space one table takes.
 *
 * @param table         the table's name
 * @param totalBytes    table, indexes and TOAST together ({@code pg_total_relation_size})
 * @param indexBytes    its indexes alone
 * @param estimatedRows the planner's row estimate ({@code reltuples}); {@code -1} before the first ANALYZE
 */
public record TableSize(String table, long totalBytes, long indexBytes, long estimatedRows) {
}
