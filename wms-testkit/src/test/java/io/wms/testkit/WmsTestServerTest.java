package io.wms.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

class WmsTestServerTest {

    @Test
    void embeddedServerGivesAMigratedEmptyDatabase() throws SQLException {
        try (WmsTestDatabase database = WmsTestDatabase.embedded()) {
            assertThat(database.server().mode()).isEqualTo(TestServerMode.EMBEDDED);
            assertThat(count(database.dataSource(), "select count(*) from flyway_schema_history where success"))
                    .as("applied migrations").isPositive();
            assertThat(count(database.dataSource(), "select count(*) from products")).isZero();
        }
    }

    @Test
    void theTestServerTradesDurabilityForSpeed() throws SQLException {
        try (WmsTestDatabase database = WmsTestServer.embedded().createEmptyDatabase()) {
            assertThat(settings(database.dataSource())).isEqualTo("off off off");
        }
    }

    @Test
    void theDurableServerWaitsForTheDiskAtEveryCommit() throws SQLException {
        WmsTestServer durable = WmsTestServer.embeddedDurable();
        try (WmsTestDatabase database = durable.createEmptyDatabase()) {
            assertThat(durable).isNotSameAs(WmsTestServer.embedded());
            assertThat(settings(database.dataSource())).isEqualTo("on on on");
        }
    }

    @Test
    void eachDatabaseIsIsolatedFromTheOthers() throws SQLException {
        try (WmsTestDatabase first = WmsTestDatabase.embedded(); WmsTestDatabase second = WmsTestDatabase.embedded()) {
            execute(first.dataSource(), "insert into roles (name) values ('only-in-first')");

            assertThat(first.databaseName()).isNotEqualTo(second.databaseName());
            assertThat(count(first.dataSource(), "select count(*) from roles")).isEqualTo(1);
            assertThat(count(second.dataSource(), "select count(*) from roles")).isZero();
        }
    }

    @Test
    void closingADatabaseDropsIt() throws SQLException {
        WmsTestDatabase database = WmsTestDatabase.embedded();
        String name = database.databaseName();
        database.close();

        DataSource maintenance = database.server().dataSource("postgres");
        assertThat(count(maintenance, "select count(*) from pg_database where datname = '" + name + "'")).isZero();
    }

    @Test
    void emptyDatabaseHasNoMigrationApplied() throws SQLException {
        try (WmsTestDatabase database = WmsTestServer.embedded().createEmptyDatabase()) {
            assertThat(count(database.dataSource(),
                    "select count(*) from information_schema.tables where table_schema = 'public'")).isZero();
        }
    }

    @Test
    void externalModeWorksAgainstARunningServer() throws SQLException {
        WmsTestServer embedded = WmsTestServer.embedded();
        String url = embedded.jdbcUrl("postgres");

        WmsTestServer external = WmsTestServer.external(url, embedded.username(), embedded.password());
        try (WmsTestDatabase database = external.createDatabase()) {
            assertThat(external.mode()).isEqualTo(TestServerMode.EXTERNAL);
            assertThat(count(database.dataSource(), "select count(*) from users")).isZero();
        }
    }

    @Test
    void environmentWithJdbcUrlChoosesTheExternalServer() {
        WmsTestServer embedded = WmsTestServer.embedded();
        Map<String, String> environment = Map.of(
                WmsTestServer.JDBC_URL_VARIABLE, embedded.jdbcUrl("postgres"),
                WmsTestServer.USER_VARIABLE, embedded.username(),
                WmsTestServer.PASSWORD_VARIABLE, embedded.password());

        WmsTestServer chosen = WmsTestServer.fromEnvironment(environment::get);

        assertThat(chosen.mode()).isEqualTo(TestServerMode.EXTERNAL);
        assertThat(chosen.reason()).contains(WmsTestServer.JDBC_URL_VARIABLE);
    }

    @Test
    void environmentWithoutJdbcUrlOrDockerChoosesTheEmbeddedServer() {
        Map<String, String> environment = Map.of(WmsTestServer.MODE_VARIABLE, "embedded");

        WmsTestServer chosen = WmsTestServer.fromEnvironment(environment::get);

        assertThat(chosen.mode()).isEqualTo(TestServerMode.EMBEDDED);
    }

    @Test
    void unknownForcedModeIsRefusedWithTheVariableName() {
        Map<String, String> environment = Map.of(WmsTestServer.MODE_VARIABLE, "cloud");

        assertThatThrownBy(() -> WmsTestServer.fromEnvironment(environment::get))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining(WmsTestServer.MODE_VARIABLE)
                .hasMessageContaining("cloud");
    }

    @Test
    void externalServerThatDoesNotAnswerIsReportedClearly() {
        assertThatThrownBy(() -> WmsTestServer.external("jdbc:postgresql://127.0.0.1:1/postgres", "nobody", "secret"))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("secret");
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String settings(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_setting('fsync') || ' ' "
                     + "|| current_setting('synchronous_commit') || ' ' || current_setting('full_page_writes')")) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
