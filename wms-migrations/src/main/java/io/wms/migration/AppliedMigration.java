package io.wms.migration;

import java.time.Instant;
import java.util.Objects;

/**
 * One migration and its state in a database, as {@link WmsMigrations#info()} reports it.
 *
 * @param version     the migration's version, for example {@code "3"}
 * @param description what the migration does, from its file name
 * @param script      the migration's file name
 * @param state       where it stands in the database
 * @param installedOn when it was applied; {@code null} unless {@code state} is applied or failed
 */
public record AppliedMigration(String version, String description, String script, MigrationState state,
                               Instant installedOn) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if version, description, script or state is {@code null}
     */
    public AppliedMigration {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(state, "state");
    }
}
