package io.wms.core.monitoring;

/**
 * How many client connections to the database are in one state.
 *
 * @param state       the state as {@code pg_stat_activity} names it: {@code active}, {@code idle},
 *                    {@code idle in transaction}, ...
 * @param connections how many
 */
public record ConnectionStateCount(String state, long connections) {
}
