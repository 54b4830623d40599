package io.wms.core.security;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import io.wms.core.Wms;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * On PostgreSQL 14, the oldest version wms supports and the last on which {@code PUBLIC} may create objects in
 * schema {@code public}, an installation made in schema {@code public} (as before wms had a schema of its own), the
 * application role that {@link WmsMigrations#grantApplicationRole(String)} sets up can
 * neither create objects in the schema nor create temporary tables, and the application still works.
 *
 * <p>The server runs from zonky's PostgreSQL 14 binaries ({@link OldestServer}); where there are none for the machine,
 * the test is skipped with a message.
 */
class OldestServerLeastPrivilegeTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final Path PSQL = Path.of("/usr/lib/postgresql/15/bin/psql");
    /** The schema of an installation older than wms's own schema, the one PUBLIC may create in on PostgreSQL 14. */
    private static final String LEGACY_SCHEMA = "public";

    private static OldestServer server;

    private final String role = "wms_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private WmsTestDatabase database;

    @BeforeAll
    static void startTheOldestSupportedServer() {
        server = OldestServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createDatabaseAndRole() throws SQLException {
        database = server.server().createEmptyDatabase();
        legacyInstallation().migrate();
        execute(database.dataSource(), "create role " + role + " login password 'app-secret'");
    }

    @AfterEach
    void dropDatabaseAndRole() throws SQLException {
        database.close();
        execute(server.server().dataSource("postgres"), "drop role " + role);
    }

    @Test
    void theServerIsTheOldestSupportedVersionAndPublicMayCreateInItsSchema() throws SQLException {
        assertThat(queryInt(database.dataSource(), "select current_setting('server_version_num')::int / 10000"))
                .isEqualTo(OldestServer.MAJOR);

        execute(asRole(database), "create table public.planted (id int)");
        execute(asRole(database), "create temporary table product_batches (id bigint)");
    }

    @Test
    void applicationRoleCannotCreateInTheSchema() {
        legacyInstallation().grantApplicationRole(role);

        assertRefused(() -> execute(asRole(database), "create table public.planted (id int)"));
    }

    @Test
    void roleWithOnlyPublicsRightsCannotCreateInTheSchema() throws SQLException {
        String bystander = role + "_other";
        execute(database.dataSource(), "create role " + bystander + " login password 'other-secret'");
        try {
            legacyInstallation().grantApplicationRole(role);
            PGSimpleDataSource asBystander = asRole(database);
            asBystander.setUser(bystander);
            asBystander.setPassword("other-secret");

            assertRefused(() -> execute(asBystander, "create table public.planted (id int)"));
        } finally {
            execute(database.dataSource(), "drop owned by " + bystander);
            execute(database.dataSource(), "drop role " + bystander);
        }
    }

    @Test
    void grantsOnTheWmsSchemaTakeCreateOnPublicFromEveryRole() throws SQLException {
        WmsTestDatabase installation = server.server().createEmptyDatabase();
        String bystander = role + "_other";
        execute(installation.dataSource(), "create role " + bystander + " login password 'other-secret'");
        try {
            WmsMigrations.on(installation.dataSource()).migrate();
            WmsMigrations.on(installation.dataSource()).grantApplicationRole(role);
            PGSimpleDataSource asBystander = asRole(installation);
            asBystander.setUser(bystander);
            asBystander.setPassword("other-secret");

            assertRefused(() -> execute(asBystander, "create function public.lower(varchar) returns text "
                    + "language sql immutable as $$ select 'planted' $$"));
            assertRefused(() -> execute(asRole(installation), "create table public.planted (id int)"));
        } finally {
            installation.close();
            execute(server.server().dataSource("postgres"), "drop role " + bystander);
        }
    }

    @Test
    void applicationRoleCannotCreateTemporaryTables() {
        legacyInstallation().grantApplicationRole(role);

        assertRefused(() -> execute(asRole(database), "create temporary table product_batches (id bigint)"));
    }

    @Test
    void applicationRoleStillMovesStockThroughTheLibrary() {
        legacyInstallation().grantApplicationRole(role);

        try (Wms wms = Wms.builder().dataSource(asRole(database)).schema(LEGACY_SCHEMA).build()) {
            Category food = wms.categories().create(ADMIN, new NewProductGroup("Food", null));
            Product milk = wms.products().create(ADMIN, new NewProduct("Milk", null, food.id(), null));
            wms.inventory().receive(ADMIN, ReceiveStock.of(milk.id(), "L-1", 10));
            wms.inventory().pick(ADMIN, PickStock.of(milk.id(), 4));

            assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
            assertThat(wms.categories().findById(ADMIN, food.id())).contains(food);
        }
    }

    @Test
    void grantScriptRunWithPsqlTakesTheSameRights() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed at " + PSQL);
        Path script = Files.createTempFile("grant-application-role", ".sql");
        try (InputStream grants = WmsMigrations.class.getClassLoader()
                .getResourceAsStream(WmsMigrations.APPLICATION_ROLE_GRANTS)) {
            Files.write(script, grants.readAllBytes());
            Process psql = new ProcessBuilder(PSQL.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-v", "app_role=" + role, "-v", "wms_schema=" + LEGACY_SCHEMA, "-f", script.toString(),
                    "-h", "localhost", "-p", Integer.toString(server.port()), "-U", "postgres",
                    "-d", database.databaseName())
                    .redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes());
            assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(psql.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(script);
        }
        assertRefused(() -> execute(asRole(database), "create temporary table product_batches (id bigint)"));
        assertRefused(() -> execute(asRole(database), "create table public.planted (id int)"));
    }

    private WmsMigrations legacyInstallation() {
        return WmsMigrations.on(database.dataSource(), LEGACY_SCHEMA);
    }

    private PGSimpleDataSource asRole(WmsTestDatabase on) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(on.jdbcUrl());
        dataSource.setUser(role);
        dataSource.setPassword("app-secret");
        return dataSource;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int queryInt(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void assertRefused(SqlAction action) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(SQLException.class,
                        refusal -> assertThat(refusal.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
