package io.wms.core.security;

import static io.wms.core.testing.TestConfigs.configFor;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import io.wms.core.Wms;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A role that may create objects in schema {@code public} (every role may, on PostgreSQL 14) cannot make wms run its
 * code (CVE-2018-1058): functions and operators it plants there, which match wms's calls better than pg_catalog's
 * ({@code lower(varchar)} beside {@code pg_catalog.lower(text)}, {@code =(varchar, varchar)} beside
 * {@code pg_catalog.=(text, text)}), are neither bound into the schema's indexes and checks when wms migrates nor
 * called by its statements. Each planted object records who called it in a table of the planting role's.
 *
 * <p>Every scenario runs on the default test server and on PostgreSQL 14 ({@link OldestServer}).
 */
class SearchPathHijackTest {

    private static final String PASSWORD = "a passphrase long enough";

    private static OldestServer oldest;

    @AfterAll
    static void stopTheOldestServer() {
        if (oldest != null) {
            oldest.close();
        }
    }

    static Stream<Named<ServerSource>> servers() {
        return Stream.of(Named.of("the default server", WmsTestServer::shared),
                Named.of("PostgreSQL " + OldestServer.MAJOR, SearchPathHijackTest::oldestServer));
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    void migratingBesidePlantedObjectsRunsNoneAndBindsNone(ServerSource source) throws Exception {
        try (Planted planted = Planted.in(source.server())) {
            WmsMigrations.on(planted.withDefaultSearchPath()).migrate();

            assertThat(planted.calls()).as("calls of the planted objects").isEmpty();
            assertThat(planted.wmsObjectsBoundToThem()).as("wms objects that call planted ones").isEmpty();
            assertThat(planted.query("""
                    select n.nspname || '.' || p.proname
                      from pg_index i, pg_proc p join pg_namespace n on n.oid = p.pronamespace
                     where i.indexrelid = 'wms.users_email_live_key'::regclass
                       and p.oid = (regexp_match(i.indexprs::text, ':funcid (\\d+)'))[1]::oid
                    """)).as("the function of the e-mail index").containsExactly("pg_catalog.lower");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    void wmsOnItsOwnPoolRunsNoPlantedCode(ServerSource source) throws Exception {
        try (Planted planted = Planted.in(source.server());
             Wms wms = Wms.create(configFor(planted.database()).build())) {
            work(wms);

            assertThat(planted.calls()).as("calls of the planted objects").isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    void wmsOnAHostDataSourceCallsNoPlantedFunction(ServerSource source) throws Exception {
        try (Planted planted = Planted.functionsOnlyIn(source.server())) {
            WmsMigrations.on(planted.withDefaultSearchPath()).migrate();
            try (Wms wms = Wms.create(planted.withDefaultSearchPath())) {
                work(wms);
            }

            assertThat(planted.calls()).as("calls of the planted functions").isEmpty();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("servers")
    void anInstallationMigratedBehindPlantedObjectsIsRepairedByTheUpgrade(ServerSource source) throws Exception {
        try (Planted planted = Planted.in(source.server());
             WmsTestDatabase fresh = source.server().createEmptyDatabase()) {
            migrateUpTo17AsBeforeTheSearchPathWasNarrowed(planted.withDefaultSearchPath());
            assertThat(planted.wmsObjectsBoundToThem()).as("bound before the upgrade").isNotEmpty();
            planted.forgetCalls();

            WmsMigrations.on(planted.withDefaultSearchPath()).migrate();
            try (Wms wms = Wms.create(configFor(planted.database()).autoMigrate(false).build())) {
                work(wms);
            }

            assertThat(planted.wmsObjectsBoundToThem()).as("wms objects that call planted ones").isEmpty();
            assertThat(planted.calls()).as("calls of the planted objects").isEmpty();
            PGSimpleDataSource freshWithDefaultSearchPath = source.server().dataSource(fresh.databaseName());
            WmsMigrations.on(freshWithDefaultSearchPath).migrate();
            assertThat(expressions(planted.withDefaultSearchPath()))
                    .as("the expressions of the indexes and checks, as in a fresh installation")
                    .isEqualTo(expressions(freshWithDefaultSearchPath));
        }
    }

    /** What a host does every day: users and logins, the catalog and its search, stock in and out. */
    private static void work(Wms wms) {
        wms.users().create(ADMIN, new NewUser("Picker@Example.com", PASSWORD));
        wms.auth().authenticate("picker@example.com", PASSWORD);
        wms.users().list(ADMIN);
        Category dairy = wms.categories().create(ADMIN, new NewProductGroup("Dairy", null));
        Product milk = wms.products().create(ADMIN, new NewProduct("Whole milk", null, dairy.id(), null));
        wms.inventory().receive(ADMIN, ReceiveStock.of(milk.id(), "L-1", 10));
        wms.inventory().pick(ADMIN, PickStock.of(milk.id(), 4));
        assertThat(wms.products().search(ADMIN, ProductQuery.all().withText("milk"), PageRequest.first(10)).items())
                .extracting(Product::id).containsExactly(milk.id());
        assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
    }

    /** Migrates to V17 as wms did before V18: Flyway puts the schema in front of the connection's search_path. */
    private static void migrateUpTo17AsBeforeTheSearchPathWasNarrowed(DataSource dataSource) {
        Flyway.configure(WmsMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(WmsMigrations.DEFAULT_SCHEMA)
                .defaultSchema(WmsMigrations.DEFAULT_SCHEMA)
                .createSchemas(true)
                .locations(WmsMigrations.LOCATION)
                .table(WmsMigrations.HISTORY_TABLE)
                .placeholderReplacement(true)
                .target("17")
                .load()
                .migrate();
    }

    /**
     * Each index and check of the wms schema with its expression as PostgreSQL stores it, by name, without the
     * positions in the statement that created it (PostgreSQL 14 keeps them).
     */
    private static List<String> expressions(DataSource dataSource) throws SQLException {
        return query(dataSource, """
                select regexp_replace(expression, ':location -?\\d+', '', 'g')
                  from (select i.indexrelid::regclass || ' ' || coalesce(i.indexprs::text, '') || ' '
                               || coalesce(i.indpred::text, '')
                          from pg_index i join pg_class c on c.oid = i.indrelid
                         where c.relnamespace = 'wms'::regnamespace
                        union all
                        select k.conrelid::regclass || ' ' || k.conname || ' ' || k.conbin::text
                          from pg_constraint k
                         where k.connamespace = 'wms'::regnamespace and k.contype = 'c') objects (expression)
                 order by 1
                """);
    }

    private static List<String> query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static WmsTestServer oldestServer() {
        if (oldest == null) {
            oldest = OldestServer.start();
        }
        return oldest.server();
    }

    /** Where a scenario's server comes from: the PostgreSQL 14 one is started on first use. */
    @FunctionalInterface
    interface ServerSource {
        WmsTestServer server();
    }

    /**
     * An empty database in which a role with nothing but {@code CREATE} on schema {@code public} planted a function
     * for each text function the schema and the library call, and (unless told not to) the two comparison operators
     * of varchar; each records its call, then does what pg_catalog's does. Called in a read-only transaction, the
     * record cannot be written, and the call fails the statement instead: either way a call shows.
     */
    private static final class Planted implements AutoCloseable {

        private static final String RECORDER = """
                create function public.record_planted_call(text, text) returns void language sql volatile
                    as $$ insert into public.planted_calls values ($1, $2, current_user, session_user) $$
                """;

        private final WmsTestServer server;
        private final WmsTestDatabase database;
        private final String role = "planter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        private Planted(WmsTestServer server) {
            this.server = server;
            this.database = server.createEmptyDatabase();
        }

        static Planted in(WmsTestServer server) throws SQLException {
            return plantedIn(server, true);
        }

        /**
         * Plants the functions only: operators cannot be named with their schema in jOOQ's statements, so on a
         * host's data source they are kept out by the host's search_path (README, "Its own schema").
         */
        static Planted functionsOnlyIn(WmsTestServer server) throws SQLException {
            return plantedIn(server, false);
        }

        private static Planted plantedIn(WmsTestServer server, boolean operators) throws SQLException {
            Planted planted = new Planted(server);
            try {
                planted.plant(operators);
            } catch (SQLException | RuntimeException e) {
                planted.close();
                throw e;
            }
            return planted;
        }

        private void plant(boolean operators) throws SQLException {
            execute(withDefaultSearchPath(), "create role " + role + " login password 'planter-secret'",
                    // PostgreSQL 15 and newer give PUBLIC no CREATE on public; 14 does, and this grant changes nothing.
                    "grant create on schema public to " + role);
            PGSimpleDataSource asPlanter = withDefaultSearchPath();
            asPlanter.setUser(role);
            asPlanter.setPassword("planter-secret");
            execute(asPlanter,
                    "create table public.planted_calls (kind text, name text, called_by text, session_role text)",
                    "grant insert on public.planted_calls to public",
                    RECORDER,
                    function("lower(varchar)", "text", "pg_catalog.lower($1::text)"),
                    function("btrim(varchar)", "text", "pg_catalog.btrim($1::text)"),
                    function("to_tsvector(regconfig, varchar)", "tsvector", "pg_catalog.to_tsvector($1, $2::text)"),
                    function("websearch_to_tsquery(regconfig, varchar)", "tsquery",
                            "pg_catalog.websearch_to_tsquery($1, $2::text)"));
            if (operators) {
                execute(asPlanter, operator("=", "planted_varchar_eq"), operator("<>", "planted_varchar_ne"));
            }
        }

        private static String function(String signature, String returns, String body) {
            String name = signature.substring(0, signature.indexOf('('));
            return "create function public." + signature + " returns " + returns + " language plpgsql immutable as $$"
                    + " begin perform public.record_planted_call('function', '" + name + "'); return " + body
                    + "; end $$";
        }

        private static String operator(String operator, String function) {
            return "create function public." + function + "(varchar, varchar) returns boolean language plpgsql"
                    + " immutable as $$ begin perform public.record_planted_call('operator', '" + operator + "');"
                    + " return $1::text operator(pg_catalog." + operator + ") $2::text; end $$;"
                    + " create operator public." + operator + " (leftarg = varchar, rightarg = varchar, function = public."
                    + function + ")";
        }

        WmsTestDatabase database() {
            return database;
        }

        /** Connections as the server's superuser with the server's default search_path, {@code "$user", public}. */
        PGSimpleDataSource withDefaultSearchPath() {
            return server.dataSource(database.databaseName());
        }

        /** Each call of a planted object: what was called, and as whom. */
        List<String> calls() throws SQLException {
            return query("select kind || ' ' || name || ' as ' || called_by from public.planted_calls");
        }

        void forgetCalls() throws SQLException {
            execute(withDefaultSearchPath(), "delete from public.planted_calls");
        }

        /** Each object of the wms schema whose expression calls a planted function or operator, and which. */
        List<String> wmsObjectsBoundToThem() throws SQLException {
            return query("""
                    select pg_describe_object(d.classid, d.objid, d.objsubid) || ' calls '
                           || pg_describe_object(d.refclassid, d.refobjid, 0)
                      from pg_depend d
                     where d.classid <> 'pg_operator'::regclass
                       and (d.refclassid = 'pg_proc'::regclass
                                and d.refobjid in (select oid from pg_proc where pronamespace = 'public'::regnamespace)
                            or d.refclassid = 'pg_operator'::regclass
                                and d.refobjid in (select oid from pg_operator
                                                    where oprnamespace = 'public'::regnamespace))
                     order by 1
                    """);
        }

        List<String> query(String sql) throws SQLException {
            return SearchPathHijackTest.query(withDefaultSearchPath(), sql);
        }

        @Override
        public void close() throws SQLException {
            database.close();
            execute(server.dataSource("postgres"), "drop role if exists " + role);
        }
    }
}
