package io.wms.generator;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the synthetic data generator loaded one table.
 *
 * @param table   the table, for example {@code "product_batches"}; never {@code null}
 * @param rows    the rows loaded
 * @param elapsed how long generating and loading them took; never {@code null}
 */
public record TableLoad(String table, long rows, Duration elapsed) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if {@code table} or {@code elapsed} is {@code null}
     */
    public TableLoad {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * Returns the load rate.
     *
     * @return rows per second; 0 when nothing was loaded
     */
    public double rowsPerSecond() {
        long nanos = Math.max(1, elapsed.toNanos());
        return rows * 1_000_000_000.0 / nanos;
    }
}
