package io.wms.migration;

import java.util.List;
import java.util.Objects;

/**
 * What one call of {@link WmsMigrations#migrate()} did.
 *
 * @param versionBefore the schema version before the call; {@code null} on an empty database
 * @param versionAfter  the schema version after the call; {@code null} only if nothing was ever applied
 * @param applied       the versions this call applied, in order; empty when the schema was already current
 */
public record MigrationResult(String versionBefore, String versionAfter, List<String> applied) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if {@code applied} is {@code null}
     */
    public MigrationResult {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
    }

    /**
     * Tells whether this call changed the schema.
     *
     * @return {@code true} if at least one migration was applied
     */
    public boolean changedSchema() {
        return !applied.isEmpty();
    }
}
