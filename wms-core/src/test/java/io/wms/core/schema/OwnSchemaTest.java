package io.wms.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sql.DataSource;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Actor;
import io.wms.core.error.ConfigurationException;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.NewUser;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsDatabaseExtension;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * wms lives in a schema of its own, beside a host's tables and the host's own Flyway history in {@code public}, and
 * beside other wms schemas. Every instance here connects with the server's default {@code search_path}
 * ({@code "$user", public}), so a statement that named a wms object without its schema would fail.
 */
class OwnSchemaTest {

    private static final Actor SETUP = Actor.system("schema-test");

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    /** Connections with the server's default search_path, as a host's would have. */
    private DataSource plain() {
        return database.database().server().dataSource(database.database().databaseName());
    }

    private DSLContext sql() {
        return DSL.using(plain(), SQLDialect.POSTGRES);
    }

    private void migrateTheHostsOwnTables() {
        Flyway.configure().dataSource(plain()).locations("classpath:db/host/migration").load().migrate();
        sql().execute("insert into users (login) values ('host-user')");
        sql().execute("insert into products (sku, title) values ('SKU-1', 'The host''s product')");
    }

    private Wms wmsIn(String schema) {
        return Wms.builder().dataSource(plain()).schema(schema).autoMigrate(true).build();
    }

    private List<String> objectsIn(String schema) {
        return sql().fetch("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = {0} and c.relkind in ('r', 'S')
                        union all
                        select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = {0}
                        order by 1""", DSL.val(schema))
                .getValues(0, String.class);
    }

    /** Runs a little of everything: catalog, stock with its ledger, users, seeding, reports, monitoring. */
    private static long exercise(Wms wms, String productName) {
        long group = wms.categories().create(SETUP, new NewProductGroup(productName + " shelf", null)).id();
        long product = wms.products().create(SETUP, new NewProduct(productName, null, group, null)).id();
        wms.inventory().receive(SETUP, ReceiveStock.of(product, "L-1", 10));
        wms.inventory().pick(SETUP, new PickStock(product, 4, 0, null, productName + "-pick"));
        wms.users().create(SETUP, new NewUser(productName.toLowerCase() + "@example.com", "correct horse"));
        assertThat(wms.inventory().verifyLedger(SETUP)).isEmpty();
        assertThat(wms.stockReports().stockPerProduct(SETUP)).filteredOn(stock -> stock.productId() == product)
                .singleElement().satisfies(stock -> assertThat(stock.usable()).isEqualTo(6));
        return product;
    }

    @Test
    void everyTableSequenceAndFunctionOfWmsAndItsHistoryAreInTheWmsSchema() {
        try (Wms wms = wmsIn(WmsConfig.DEFAULT_SCHEMA)) {
            exercise(wms, "Milk");
        }

        assertThat(objectsIn("wms")).contains("users", "products", "product_batches", "product_batch_tracks",
                "idempotency_keys", WmsMigrations.HISTORY_TABLE, "products_id_seq", "wms_touch_row", "wms_guard_ledger",
                "wms_refuse_ledger_truncate");
        assertThat(objectsIn("public")).isEmpty();
    }

    @Test
    void theHostsTablesAndFlywayHistoryInPublicFirstThenWms() {
        migrateTheHostsOwnTables();

        try (Wms wms = wmsIn("wms")) {
            exercise(wms, "Milk");
            assertThat(wms.users().list(SETUP)).extracting(user -> user.email()).containsExactly("milk@example.com");
        }

        assertThat(sql().fetchValue("select string_agg(login, ',') from public.users")).isEqualTo("host-user");
        assertThat(sql().fetchValue("select count(*) from public.products")).isEqualTo(1L);
        assertThat(sql().fetchValue("select max(version) from public.flyway_schema_history")).isEqualTo("1");
        assertThat(sql().fetchValue("select max(version::int) from wms.flyway_schema_history"))
                .isEqualTo(Integer.parseInt(WmsMigrations.on(plain()).latestVersion()));
    }

    @Test
    void wmsFirstThenTheHostsTablesAndFlywayHistoryInPublic() {
        try (Wms wms = wmsIn("wms")) {
            exercise(wms, "Milk");
        }

        migrateTheHostsOwnTables();

        try (Wms wms = wmsIn("wms")) {
            wms.migrations().validate();
            assertThat(wms.products().search(SETUP, io.wms.core.repository.ProductQuery.all(), new io.wms.core.repository.PageRequest(1, 10)).items())
                    .extracting(product -> product.name()).containsExactly("Milk");
        }
        assertThat(sql().fetchValue("select count(*) from public.users")).isEqualTo(1L);
    }

    @Test
    void twoWmsSchemasOfOneDatabaseMigrateAndRunIndependently() {
        try (Wms north = wmsIn("north_warehouse"); Wms south = wmsIn("south_warehouse")) {
            long northMilk = exercise(north, "Milk");
            long southMilk = exercise(south, "Milk");

            assertThat(southMilk).isEqualTo(northMilk);
            north.inventory().pick(SETUP, PickStock.of(northMilk, 6));

            assertThat(north.stockReports().stockPerProduct(SETUP)).singleElement()
                    .satisfies(stock -> assertThat(stock.usable()).isZero());
            assertThat(south.stockReports().stockPerProduct(SETUP)).singleElement()
                    .satisfies(stock -> assertThat(stock.usable()).isEqualTo(6));
            assertThat(north.monitoring().tableSizes(SETUP)).extracting(table -> table.table())
                    .contains("product_batches").doesNotHaveDuplicates();
        }
        assertThat(objectsIn("north_warehouse")).contains(WmsMigrations.HISTORY_TABLE);
        assertThat(objectsIn("south_warehouse")).contains(WmsMigrations.HISTORY_TABLE);
        assertThat(objectsIn("public")).isEmpty();
    }

    @Test
    void anInstallInPublicKeepsWorkingWhenTheSettingNamesPublic() {
        WmsMigrations.on(plain(), "public").migrate();

        try (Wms wms = wmsIn("public")) {
            exercise(wms, "Milk");
        }

        assertThat(sql().fetchExists(DSL.selectOne().from("pg_namespace").where("nspname = 'wms'"))).isFalse();
    }

    @Test
    void anInstallInPublicMovesIntoItsOwnSchemaAsTheReadmeSays() {
        WmsMigrations.on(plain(), "public").migrate();
        try (Wms wms = wmsIn("public")) {
            exercise(wms, "Milk");
        }

        sql().execute(MOVE_PUBLIC_INSTALL_TO_WMS);

        try (Wms wms = Wms.builder().dataSource(plain()).schema("wms").build()) {
            wms.migrations().validate();
            assertThat(wms.stockReports().stockPerProduct(SETUP)).singleElement()
                    .satisfies(stock -> assertThat(stock.usable()).isEqualTo(6));
            exercise(wms, "Bread");
            assertThat(wms.users().list(SETUP)).hasSize(2);
        }
        assertThat(objectsIn("public")).isEmpty();
    }

    /** The statements of the README's "Moving an installation out of public", verbatim. */
    private static final String MOVE_PUBLIC_INSTALL_TO_WMS = """
            BEGIN;
            CREATE SCHEMA wms;
            ALTER TABLE public.users SET SCHEMA wms;
            ALTER TABLE public.roles SET SCHEMA wms;
            ALTER TABLE public.user_roles SET SCHEMA wms;
            ALTER TABLE public.categories SET SCHEMA wms;
            ALTER TABLE public.brands SET SCHEMA wms;
            ALTER TABLE public.products SET SCHEMA wms;
            ALTER TABLE public.product_batches SET SCHEMA wms;
            ALTER TABLE public.product_batch_tracks SET SCHEMA wms;
            ALTER TABLE public.idempotency_keys SET SCHEMA wms;
            ALTER TABLE public.warehouses SET SCHEMA wms;
            ALTER TABLE public.locations SET SCHEMA wms;
            ALTER TABLE public.batch_locations SET SCHEMA wms;
            ALTER TABLE public.reservations SET SCHEMA wms;
            ALTER TABLE public.reservation_lines SET SCHEMA wms;
            ALTER TABLE public.reorder_points SET SCHEMA wms;
            ALTER TABLE public.cycle_counts SET SCHEMA wms;
            ALTER TABLE public.cycle_count_lines SET SCHEMA wms;
            ALTER TABLE public.flyway_schema_history SET SCHEMA wms;
            ALTER FUNCTION public.wms_touch_row() SET SCHEMA wms;
            ALTER FUNCTION public.wms_guard_ledger() SET SCHEMA wms;
            ALTER FUNCTION public.wms_refuse_ledger_truncate() SET SCHEMA wms;
            ALTER FUNCTION public.wms_place_batch_quantity() SET SCHEMA wms;
            ALTER FUNCTION public.wms_check_batch_sum() SET SCHEMA wms;
            ALTER FUNCTION public.wms_name_ledger_location() SET SCHEMA wms;
            ALTER FUNCTION public.wms_refuse_location_cycle() SET SCHEMA wms;
            COMMIT;
            """;

    @Test
    void aSchemaNameThatIsNotAPlainIdentifierIsRefusedByName() {
        assertThatThrownBy(() -> Wms.builder().schema("wms; drop schema public"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("schema"));
        assertThatThrownBy(() -> WmsConfig.builder().schema("pg_wms").build())
                .isInstanceOfSatisfying(ConfigurationException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("schema"));
        assertThatThrownBy(() -> WmsConfig.fromEnv(java.util.Map.of("DB_SCHEMA", "Wms")))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("DB_SCHEMA"));
    }

    @Test
    void theSchemaIsReadFromDbSchemaAndDefaultsToWms() {
        assertThat(WmsConfig.fromEnv(java.util.Map.of()).schema()).isEqualTo("wms");
        assertThat(WmsConfig.fromEnv(java.util.Map.of("DB_SCHEMA", "tenant_7")).schema()).isEqualTo("tenant_7");
    }
}
