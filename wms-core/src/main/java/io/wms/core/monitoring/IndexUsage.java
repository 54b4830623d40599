package io.wms.core.monitoring;

/**
 * How often one index was used since the statistics were last reset.
 *
 * @param table         the indexed table
 * @param index         the index's name
 * @param scans         index scans started ({@code idx_scan})
 * @param tuplesRead    index entries returned ({@code idx_tup_read})
 * @param tuplesFetched live table rows fetched through it ({@code idx_tup_fetch})
 * @param sizeBytes     the index's size
 */
public record IndexUsage(String table, String index, long scans, long tuplesRead, long tuplesFetched,
                         long sizeBytes) {
}
