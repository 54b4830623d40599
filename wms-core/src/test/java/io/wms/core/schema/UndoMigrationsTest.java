package io.wms.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import io.wms.core.error.MigrationException;
import io.wms.migration.AppliedMigration;
import io.wms.migration.MigrationState;
import io.wms.migration.TableRows;
import io.wms.migration.UndoOption;
import io.wms.migration.UndoRefusedException;
import io.wms.migration.UndoResult;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsDatabaseExtension;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

class UndoMigrationsTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    @Test
    void upDownUpLeavesTheCatalogIdentical() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        List<String> empty = catalog();
        migrations.migrate();
        List<String> migrated = catalog();

        migrations.undo("0");
        List<String> undone = catalog();
        migrations.migrate();

        assertThat(undone).isEqualTo(empty);
        assertThat(catalog()).isEqualTo(migrated);
    }

    @Test
    void undoOneVersionAtATimeMatchesAFreshSchemaAtEveryVersion() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        List<String> versions = migrations.info().stream().map(AppliedMigration::version).toList();
        Map<String, List<String>> fresh = new LinkedHashMap<>();
        fresh.put("0", catalog());
        for (String version : versions) {
            flywayUpTo(version).migrate();
            fresh.put(version, catalog());
        }

        for (int index = versions.size() - 2; index >= -1; index--) {
            String target = index < 0 ? "0" : versions.get(index);
            UndoResult result = migrations.undo(target);

            assertThat(result.undone()).containsExactly(versions.get(index + 1));
            assertThat(catalog()).as("catalog after undo to %s", target).isEqualTo(fresh.get(target));
        }
        migrations.migrate();
        assertThat(catalog()).as("catalog after migrating up again").isEqualTo(fresh.get(versions.get(versions.size() - 1)));
    }

    @Test
    void everyMigrationHasADownScriptOfTheSameDescription() {
        List<AppliedMigration> shipped = WmsMigrations.on(database.dataSource()).info();

        assertThat(shipped).isNotEmpty().allSatisfy(migration -> assertThat(
                getClass().getClassLoader().getResource(WmsMigrations.UNDO_LOCATION + "/U" + migration.script().substring(1)))
                .as("down script of %s", migration.script())
                .isNotNull());
    }

    @Test
    void undoRefusesToDropTablesThatHoldStockAndNamesEachWithItsRowCount() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        holdStock();

        assertThatThrownBy(() -> migrations.undo("0"))
                .isInstanceOfSatisfying(UndoRefusedException.class, refused -> assertThat(refused.tablesWithRows())
                        .containsExactly(new TableRows("product_batch_tracks", 2), new TableRows("product_batches", 1),
                                new TableRows("products", 1), new TableRows("users", 1)))
                .hasMessageContaining("product_batch_tracks (2 rows), product_batches (1 row), products (1 row), users (1 row)")
                .hasMessageContaining("UndoOption.DROP_DATA");
        assertThat(migrations.currentVersion()).isEqualTo(migrations.latestVersion());
        assertThat(sql().fetchCount(DSL.table("product_batch_tracks"))).isEqualTo(2);
    }

    @Test
    void undoWithDropDataDropsTablesThatHoldStockAndReportsTheirRows() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        holdStock();

        UndoResult result = migrations.undo(0, UndoOption.DROP_DATA);

        assertThat(result.versionBefore()).isEqualTo(migrations.latestVersion());
        assertThat(result.versionAfter()).isNull();
        assertThat(result.undone()).isEqualTo(versionsAbove("0", migrations));
        assertThat(result.droppedRows()).containsExactly(new TableRows("product_batch_tracks", 2),
                new TableRows("product_batches", 1), new TableRows("products", 1), new TableRows("users", 1));
        assertThat(tables()).containsExactly(WmsMigrations.HISTORY_TABLE);
    }

    @Test
    void undoKeepsStockWhenTheTablesItDropsAreEmpty() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        holdStock();

        UndoResult result = migrations.undo("4");

        assertThat(result.undone()).isEqualTo(versionsAbove("4", migrations)).contains("5");
        assertThat(result.droppedRows()).isEmpty();
        assertThat(tables()).doesNotContain("idempotency_keys");
        assertThat(sql().fetchCount(DSL.table("product_batch_tracks"))).isEqualTo(2);
    }

    @Test
    void undoToTheCurrentVersionChangesNothing() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        List<String> before = catalog();

        UndoResult result = migrations.undo(migrations.currentVersion());

        assertThat(result.changedSchema()).isFalse();
        assertThat(catalog()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "3.5", "-1", "three", ""})
    void undoRefusesAVersionThisLibraryDoesNotShip(String unknown) {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();

        assertThatThrownBy(() -> migrations.undo(unknown))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("Cannot undo the wms schema to version " + (unknown.matches("[0-9.]+") ? unknown : "'" + unknown + "'"));
        assertThat(migrations.currentVersion()).isEqualTo(migrations.latestVersion());
    }

    @Test
    void undoRefusesATargetAboveTheCurrentVersion() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        flywayUpTo("3").migrate();

        assertThatThrownBy(() -> migrations.undo("5"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("the database is at version 3")
                .hasMessageContaining("undo only goes down");
        assertThat(migrations.currentVersion()).isEqualTo("3");
    }

    @Test
    void undoRefusesADatabaseWithAnAppliedVersionThatHasNoDownScript() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        applied("99", "V99__from_a_newer_library.sql");

        assertThatThrownBy(() -> migrations.undo("5"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("no down script for applied version 99 (db/wms/undo/U99__from_a_newer_library.sql)");
        assertThat(migrations.info()).filteredOn(migration -> migration.state() == MigrationState.APPLIED)
                .extracting(AppliedMigration::version).contains("6", "99");
    }

    @Test
    void undoToZeroThroughADataSourceWhoseSearchPathLacksTheSchemaLeavesNoWmsObject() {
        WmsMigrations migrations = WmsMigrations.on(publicOnly(), WmsMigrations.DEFAULT_SCHEMA);
        migrations.migrate();
        holdStock();

        UndoResult result = migrations.undo(0, UndoOption.DROP_DATA);

        assertThat(result.versionAfter()).isNull();
        assertThat(result.droppedRows()).containsExactly(new TableRows("product_batch_tracks", 2),
                new TableRows("product_batches", 1), new TableRows("products", 1), new TableRows("users", 1));
        assertThat(objectsIn(WmsMigrations.DEFAULT_SCHEMA)).as("wms objects left after undo to 0")
                .containsExactlyInAnyOrder("relation " + WmsMigrations.HISTORY_TABLE,
                        "relation " + WmsMigrations.HISTORY_TABLE + "_pk",
                        "relation " + WmsMigrations.HISTORY_TABLE + "_s_idx");
        assertThat(objectsIn("public")).as("objects in public").isEmpty();
    }

    @Test
    void undoWithDropDataLeavesTheHostsTablesOfTheSameNamesInPublicAndReportsOnlyWmsRows() {
        WmsMigrations migrations = WmsMigrations.on(publicOnly(), WmsMigrations.DEFAULT_SCHEMA);
        migrations.migrate();
        holdStock();
        startACycleCount();
        Map<String, Integer> hostTables = hostTablesNamedLikeWms();

        UndoResult result = migrations.undo("15", UndoOption.DROP_DATA);

        assertThat(result.undone()).isEqualTo(versionsAbove("15", migrations));
        assertThat(result.droppedRows()).as("rows reported as dropped")
                .containsExactly(new TableRows("cycle_counts", 1));
        assertThat(rowsOfPublic(hostTables.keySet())).as("the host's tables and rows").isEqualTo(hostTables);
    }

    @Test
    void undoToZeroWithDropDataLeavesTheHostsTablesOfTheSameNamesInPublicAndReportsOnlyWmsRows() {
        WmsMigrations migrations = WmsMigrations.on(publicOnly(), WmsMigrations.DEFAULT_SCHEMA);
        migrations.migrate();
        holdStock();
        Map<String, Integer> hostTables = hostTablesNamedLikeWms();

        UndoResult result = migrations.undo(0, UndoOption.DROP_DATA);

        assertThat(result.droppedRows()).as("rows reported as dropped").containsExactly(
                new TableRows("product_batch_tracks", 2), new TableRows("product_batches", 1),
                new TableRows("products", 1), new TableRows("users", 1));
        assertThat(rowsOfPublic(hostTables.keySet())).as("the host's tables and rows").isEqualTo(hostTables);
        assertThat(objectsIn(WmsMigrations.DEFAULT_SCHEMA)).allSatisfy(
                object -> assertThat(object).startsWith("relation " + WmsMigrations.HISTORY_TABLE));
    }

    @Test
    void undoIsNotRefusedForRowsOfTheHostsTablesOfTheSameNames() {
        WmsMigrations migrations = WmsMigrations.on(publicOnly(), WmsMigrations.DEFAULT_SCHEMA);
        migrations.migrate();
        Map<String, Integer> hostTables = hostTablesNamedLikeWms();

        UndoResult result = migrations.undo("0");

        assertThat(result.versionAfter()).isNull();
        assertThat(result.droppedRows()).isEmpty();
        assertThat(rowsOfPublic(hostTables.keySet())).as("the host's tables and rows").isEqualTo(hostTables);
    }

    @Test
    void undoRollsBackAndRefusesADownScriptThatDropsATableItsDeclarationDoesNotName() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        String shipped = migratedWithTestVersion(migrations, "98", "V98__drops_a_table_it_does_not_declare.sql");

        assertThatThrownBy(() -> migrations.undo(shipped))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("db/wms/undo/U98__drops_a_table_it_does_not_declare.sql dropped "
                        + "wms.reorder_points where DroppedTables declares none for version 98");
        assertThat(tables()).contains("reorder_points");
        assertThat(migrations.currentVersion()).isEqualTo("98");
    }

    @Test
    void undoRollsBackAndRefusesADownScriptThatDropsAHostsTable() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        String shipped = migratedWithTestVersion(migrations, "96", "V96__drops_a_hosts_table.sql");
        sql().execute("create table public.orders (id bigint); insert into public.orders values (1)");

        assertThatThrownBy(() -> migrations.undo(shipped))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("dropped public.orders where DroppedTables declares none for version 96");
        assertThat(sql().fetchCount(DSL.table(DSL.name("public", "orders")))).isEqualTo(1);
    }

    @Test
    void aDownScriptsCommentIsNeverRunAsSql() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        String shipped = migratedWithTestVersion(migrations, "97", "V97__a_comment_that_reads_as_sql.sql");
        sql().execute("create table scratch (id bigint); create table marker (id bigint)");

        catchThrowable(() -> migrations.undo(shipped));

        assertThat(tables()).as("tables after undoing a script whose comment drops marker").contains("marker");
    }

    /**
     * Connections whose search_path is {@code public} alone, as a host's data source may be: a statement or a count
     * that named a wms table without its schema would miss it, or reach the host's table of that name.
     */
    private DataSource publicOnly() {
        PGSimpleDataSource dataSource = database.database().server().dataSource(database.database().databaseName());
        dataSource.setOptions("-c search_path=public");
        return dataSource;
    }

    /**
     * A host's own tables in {@code public}, one of each name a down script drops, each holding two rows (wms's
     * tables of those names hold at most one here); by name, with their row counts.
     */
    private Map<String, Integer> hostTablesNamedLikeWms() {
        List<String> names = List.of("users", "roles", "user_roles", "categories", "brands", "products",
                "product_batches", "product_batch_tracks", "idempotency_keys", "warehouses", "locations",
                "batch_locations", "reservations", "reservation_lines", "reorder_points", "cycle_counts",
                "cycle_count_lines");
        Map<String, Integer> tables = new LinkedHashMap<>();
        for (String name : names) {
            sql().execute("create table public." + name + " (id bigint primary key, is_default boolean not null, "
                    + "quantity integer not null, location_id bigint)");
            sql().execute("insert into public." + name + " values (1, false, 1, 1), (2, false, 1, 1)");
            tables.put(name, 2);
        }
        return tables;
    }

    /** The row counts of the named tables of {@code public}, leaving out those that are gone. */
    private Map<String, Integer> rowsOfPublic(Iterable<String> names) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (String name : names) {
            if (sql().fetchExists(DSL.selectOne().from("pg_tables")
                    .where("schemaname = 'public' and tablename = {0}", DSL.val(name)))) {
                rows.put(name, sql().fetchCount(DSL.table(DSL.name("public", name))));
            }
        }
        return rows;
    }

    /** Each relation, function and type of a schema that is not a table's own row type, as a line. */
    private List<String> objectsIn(String schema) {
        return sql().fetch("""
                        select 'relation ' || c.relname from pg_class c
                        where c.relnamespace = {0}::regnamespace
                        union all
                        select 'function ' || p.proname from pg_proc p where p.pronamespace = {0}::regnamespace
                        union all
                        select 'type ' || t.typname from pg_type t
                        where t.typnamespace = {0}::regnamespace and t.typrelid = 0 and t.typcategory <> 'A'
                        """, DSL.val(schema))
                .getValues(0, String.class);
    }

    /** An open count of the stock {@link #holdStock()} made, in the default warehouse. */
    private void startACycleCount() {
        sql().execute("""
                insert into cycle_counts (warehouse_id, product_id, blind, started_by_name)
                    select w.id, p.id, false, 'ann' from warehouses w, products p
                """);
    }

    /** One batch with two ledger rows, received and picked by one user, as the library itself would leave them. */
    private void holdStock() {
        sql().execute("""
                insert into users (email, password) values ('ann@example.com', 'not-a-real-hash');
                insert into products (name) values ('Rye bread');
                insert into product_batches (product_id, batch_number, quantity) select id, 'L-1', 3 from products;
                insert into product_batch_tracks (product_batch_id, user_id, action, quantity_change, quantity_after)
                    select b.id, u.id, 'received', 5, 5 from product_batches b, users u;
                insert into product_batch_tracks (product_batch_id, user_id, action, quantity_change, quantity_after)
                    select b.id, u.id, 'picked', -2, 3 from product_batches b, users u;
                """);
    }

    /**
     * Migrates, then records a version of the test's own down scripts ({@code src/test/resources/db/wms/undo}) as
     * applied above the shipped ones.
     *
     * @return the newest shipped version, the one undo to leaves only the test's version undone
     */
    private String migratedWithTestVersion(WmsMigrations migrations, String version, String script) {
        migrations.migrate();
        String shipped = migrations.latestVersion();
        applied(version, script);
        return shipped;
    }

    /** Records a version as applied, as a newer library or a test's own down script would find it. */
    private void applied(String version, String script) {
        sql().execute("""
                insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                values ({0}, {1}, 'a test', 'SQL', {2}, 0, current_user, 0, true)
                """, DSL.val(Integer.parseInt(version)), DSL.val(version), DSL.val(script));
    }

    /** Newest first, so that a migration added later needs no change here. */
    private static List<String> versionsAbove(String target, WmsMigrations migrations) {
        List<String> above = new ArrayList<>(migrations.info().stream().map(AppliedMigration::version)
                .filter(version -> Integer.parseInt(version) > Integer.parseInt(target)).toList());
        Collections.reverse(above);
        return above;
    }

    private Flyway flywayUpTo(String version) {
        return Flyway.configure(WmsMigrations.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(WmsMigrations.LOCATION)
                .schemas(WmsMigrations.DEFAULT_SCHEMA)
                .defaultSchema(WmsMigrations.DEFAULT_SCHEMA)
                .createSchemas(true)
                .table(WmsMigrations.HISTORY_TABLE)
                .target(version)
                .load();
    }

    private DSLContext sql() {
        return DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    }

    private List<String> tables() {
        return sql().fetch("select table_name from information_schema.tables where table_schema = current_schema()")
                .getValues(0, String.class);
    }

    /**
     * Every object of the schema that a migration creates, each as one line of its definition as the server prints
     * it, and the applied versions. Flyway's own history table is left out: it outlives an undo to version 0.
     */
    private List<String> catalog() {
        String[] queries = {
                """
                select format('relation %s kind %s options %s comment %s', c.relname, c.relkind, c.reloptions,
                              obj_description(c.oid, 'pg_class'))
                from pg_class c
                where c.relnamespace = current_schema()::regnamespace and c.relname not like 'flyway_schema_history%'
                """,
                """
                select format('column %s.%s #%s %s not null %s default %s identity %s generated %s comment %s',
                              c.relname, a.attname, a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                              pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                              col_description(c.oid, a.attnum))
                from pg_attribute a
                join pg_class c on c.oid = a.attrelid
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                where c.relnamespace = current_schema()::regnamespace and c.relname <> 'flyway_schema_history'
                  and c.relkind in ('r', 'p', 'v', 'm', 'f') and a.attnum > 0 and not a.attisdropped
                """,
                """
                select format('constraint %s on %s: %s', conname, conrelid::regclass, pg_get_constraintdef(oid))
                from pg_constraint
                where connamespace = current_schema()::regnamespace and conrelid::regclass::text <> 'flyway_schema_history'
                """,
                """
                select 'index ' || indexdef from pg_indexes
                where schemaname = current_schema() and tablename <> 'flyway_schema_history'
                """,
                """
                select format('function %s comment %s', pg_get_functiondef(oid), obj_description(oid, 'pg_proc'))
                from pg_proc where pronamespace = current_schema()::regnamespace
                """,
                """
                select 'trigger ' || pg_get_triggerdef(t.oid)
                from pg_trigger t join pg_class c on c.oid = t.tgrelid
                where c.relnamespace = current_schema()::regnamespace and not t.tgisinternal
                """,
                """
                select format('sequence %s %s start %s increment %s min %s max %s cycle %s', sequencename, data_type,
                              start_value, increment_by, min_value, max_value, cycle)
                from pg_sequences where schemaname = current_schema()
                """
        };
        List<String> lines = new ArrayList<>();
        for (String query : queries) {
            lines.addAll(sql().fetch(query).getValues(0, String.class));
        }
        lines.sort(null);
        WmsMigrations.on(database.dataSource()).info().stream()
                .filter(migration -> migration.state() == MigrationState.APPLIED)
                .map(migration -> "applied " + migration.script())
                .forEach(lines::add);
        return lines;
    }
}
