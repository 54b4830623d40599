package io.wms.core.monitoring;

import java.time.Duration;

/**
 * One normalised statement and its execution times, from {@code pg_stat_statements}.
 *
 * @param query     the statement text, with constants replaced by placeholders
 * @param calls     how often it ran
 * @param totalTime the time of all runs together (PostgreSQL 13+ {@code total_exec_time}; the seed's
 *                  {@code total_time} was renamed)
 * @param meanTime  the mean time of one run ({@code mean_exec_time})
 * @param maxTime   the longest run ({@code max_exec_time})
 */
public record SlowStatement(String query, long calls, Duration totalTime, Duration meanTime, Duration maxTime) {
}
