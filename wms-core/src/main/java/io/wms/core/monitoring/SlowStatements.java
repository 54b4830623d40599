package io.wms.core.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * The slowest statements, or why they cannot be had.
 *
 * @param available         {@code true} if {@code pg_stat_statements} answered
 * @param unavailableReason what is missing and how to install it; {@code null} when available
 * @param statements        the statements, slowest mean first; empty when not available
 */
public record SlowStatements(boolean available, String unavailableReason, List<SlowStatement> statements) {

    /** How to make {@code pg_stat_statements} available, for the unavailable answer. */
    public static final String HOW_TO_INSTALL = "add pg_stat_statements to shared_preload_libraries in "
            + "postgresql.conf, restart the server, then run CREATE EXTENSION pg_stat_statements in this database "
            + "as a superuser";

    /**
     * Creates the record.
     *
     * @throws NullPointerException if {@code statements} is {@code null}
     */
    public SlowStatements {
        statements = List.copyOf(Objects.requireNonNull(statements, "statements"));
    }
}
