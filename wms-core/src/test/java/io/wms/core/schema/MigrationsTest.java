package io.wms.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.wms.core.testing.TestSql;
import io.wms.migration.AppliedMigration;
import io.wms.migration.MigrationResult;
import io.wms.migration.MigrationState;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationsTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    @Test
    void migrateAppliesEveryMigrationToAnEmptyDatabase() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());

        List<String> shipped = migrations.info().stream().map(AppliedMigration::version).toList();

        MigrationResult result = migrations.migrate();

        assertThat(result.versionBefore()).isNull();
        assertThat(shipped).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "10", "12", "13", "14", "15", "16",
                "17", "18", "19", "20");
        assertThat(result.applied()).isEqualTo(shipped);
        assertThat(result.versionAfter()).isEqualTo(migrations.latestVersion());
        assertThat(tables()).containsExactlyInAnyOrder("users", "roles", "user_roles", "categories", "brands",
                "products", "product_batches", "product_batch_tracks", "idempotency_keys", "warehouses", "locations",
                "batch_locations", "reservations", "reservation_lines", "reorder_points", "cycle_counts",
                "cycle_count_lines", WmsMigrations.HISTORY_TABLE);
    }

    @Test
    void secondMigrateChangesNothing() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        String schemaBefore = schemaFingerprint();

        MigrationResult second = migrations.migrate();

        assertThat(second.changedSchema()).isFalse();
        assertThat(second.versionBefore()).isEqualTo(second.versionAfter());
        assertThat(schemaFingerprint()).isEqualTo(schemaBefore);
    }

    @Test
    void infoReportsPendingThenApplied() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        assertThat(migrations.info()).extracting(AppliedMigration::state).containsOnly(MigrationState.PENDING);

        migrations.migrate();

        assertThat(migrations.info()).extracting(AppliedMigration::state).containsOnly(MigrationState.APPLIED);
        assertThat(migrations.info()).allSatisfy(migration -> assertThat(migration.installedOn()).isNotNull());
    }

    @Test
    void validatePassesOnAMigratedSchema() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();

        migrations.validate();

        assertThat(migrations.currentVersion()).isEqualTo(migrations.latestVersion());
    }

    @Test
    void validateRefusesAnUnmigratedSchema() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());

        org.assertj.core.api.Assertions.assertThatThrownBy(migrations::validate)
                .isInstanceOf(io.wms.core.error.MigrationException.class)
                .hasMessageContaining("does not match");
    }

    private List<String> tables() {
        return TestSql.on(database.dataSource())
                .fetch("select table_name from information_schema.tables where table_schema = 'wms'")
                .getValues(0, String.class);
    }

    private String schemaFingerprint() {
        return TestSql.on(database.dataSource()).fetchSingle("""
                select string_agg(table_name || '.' || column_name || ':' || data_type, ',' order by table_name, column_name)
                  || (select string_agg(indexdef, ',' order by indexdef) from pg_indexes where schemaname = 'public')
                  || (select count(*) from flyway_schema_history)
                from information_schema.columns where table_schema = 'public'
                """).get(0, String.class);
    }
}
