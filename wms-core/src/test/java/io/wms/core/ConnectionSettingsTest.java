package io.wms.core;

import static io.wms.core.testing.TestConfigs.messagesOfCauseChain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.error.DatabaseException;
import io.wms.core.error.RetryableException;
import io.wms.testkit.WmsTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

class ConnectionSettingsTest {

    private static final String SECRET = "Xq7-unmistakable-secret-42";

    private static WmsTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = WmsTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    /** A configuration for the test database, read from its JDBC URL the way pgjdbc reads it. */
    private static WmsConfig.Builder testDatabaseConfig() {
        Properties url = Driver.parseURL(database.jdbcUrl(), null);
        return WmsConfig.builder()
                .host(url.getProperty(PGProperty.PG_HOST.getName()))
                .port(Integer.parseInt(url.getProperty(PGProperty.PG_PORT.getName())))
                .databaseName(database.databaseName())
                .username(database.username())
                .password(database.password())
                .maxConnections(4)
                .idleConnections(1);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aPoolForTheTestDatabaseRunsSelect1() throws SQLException {
        try (HikariDataSource pool = openPool(testDatabaseConfig().build());
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select 1")) {

            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void thePoolTakesItsSizeAndLifetimeFromTheConfig() {
        WmsConfig config = testDatabaseConfig().connectionMaxLifetime(Duration.ofMinutes(10)).build();

        try (HikariDataSource pool = openPool(config)) {
            assertThat(pool.getPoolName()).isEqualTo("wms");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getMaxLifetime()).isEqualTo(Duration.ofMinutes(10).toMillis());
        }
    }

    @Test
    void thePoolTakesItsTimeoutsAndLeakDetectionFromTheConfig() {
        WmsConfig config = testDatabaseConfig().poolTimeout(Duration.ofSeconds(5)).idleTimeout(Duration.ofMinutes(2))
                .leakDetection(Duration.ofSeconds(90)).build();

        try (HikariDataSource pool = openPool(config)) {
            assertThat(pool.getConnectionTimeout()).isEqualTo(5_000);
            assertThat(pool.getIdleTimeout()).isEqualTo(120_000);
            assertThat(pool.getLeakDetectionThreshold()).isEqualTo(90_000);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SslMode.class, names = {"DISABLE", "ALLOW", "PREFER", "REQUIRE"})
    void aRemoteDatabaseReachedWithoutCheckingItsCertificateIsWarnedAbout(SslMode mode) {
        WmsConfig config = WmsConfig.builder().host("db.internal").sslMode(mode).build();

        assertThat(ConnectionSettings.transportWarning(config)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("db.internal").contains("sslmode=" + mode).contains("verify-full"));
    }

    @ParameterizedTest
    @EnumSource(value = SslMode.class, names = {"VERIFY_CA", "VERIFY_FULL"})
    void aRemoteDatabaseWhoseCertificateIsCheckedIsNotWarnedAbout(SslMode mode) {
        assertThat(ConnectionSettings.transportWarning(WmsConfig.builder().host("db.internal").sslMode(mode).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1"})
    void aDatabaseOnThisMachineIsNotWarnedAbout(String host) {
        assertThat(ConnectionSettings.transportWarning(WmsConfig.builder().host(host).sslMode(SslMode.DISABLE).build()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "fe80::1", "localhost.example.com", "127.0.0.1.example.com"})
    void aDatabaseOnAnotherMachineIsWarnedAbout(String host) {
        assertThat(ConnectionSettings.transportWarning(WmsConfig.builder().host(host).build())).isPresent();
    }

    @Test
    void connectionsCarryTheConnectionProperties() throws SQLException {
        try (HikariDataSource pool = openPool(testDatabaseConfig().build());
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_setting('application_name')")) {

            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("wms");
        }
    }

    @Test
    void aClosedPortFailsFastNamingHostAndPort() throws IOException {
        int port = closedPort();
        WmsConfig config = WmsConfig.builder().host("localhost").port(port).password(SECRET).build();
        long start = System.nanoTime();

        RetryableException failure = catchThrowableOfType(RetryableException.class, () -> openPool(config));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(failure.getMessage())
                .startsWith("Cannot connect to PostgreSQL at localhost:" + port + "/go_wms as postgres: ");
        assertThat(failure.sqlState()).isEqualTo("08001");
    }

    @Test
    void aFailureNeverShowsThePasswordAnywhereInTheCauseChain() throws IOException {
        WmsConfig config = WmsConfig.builder().host("localhost").port(closedPort()).password(SECRET).build();

        RetryableException failure = catchThrowableOfType(RetryableException.class, () -> openPool(config));

        assertThat(messagesOfCauseChain(failure)).isNotEmpty().noneMatch(message -> message.contains(SECRET));
    }

    @Test
    void aPasswordThatTheDriverHappensToSayIsMaskedThroughoutTheCauseChain() throws IOException {
        String passwordInDriverMessage = "refused";
        WmsConfig config = WmsConfig.builder().host("localhost").port(closedPort())
                .password(passwordInDriverMessage).build();

        RetryableException failure = catchThrowableOfType(RetryableException.class, () -> openPool(config));

        assertThat(failure.getMessage()).contains("****");
        assertThat(messagesOfCauseChain(failure)).hasSizeGreaterThan(2)
                .noneMatch(message -> message.contains(passwordInDriverMessage));
    }

    @Test
    void anUnknownDatabaseFailsForGoodWithTheServersReason() {
        WmsConfig config = testDatabaseConfig().databaseName("no_such_database").password(SECRET).build();

        DatabaseException failure = catchThrowableOfType(DatabaseException.class, () -> openPool(config));

        assertThat(failure.getMessage())
                .contains("/no_such_database as " + database.username() + ": ")
                .contains("does not exist")
                .doesNotContain(SECRET);
        assertThat(failure.sqlState()).isEqualTo("3D000");
    }

    /** Opens wms's own pool for a configuration, in its schema, as {@link Wms#create(WmsConfig)} does. */
    private static HikariDataSource openPool(WmsConfig config) {
        return ConnectionSettings.open(config, config.schema());
    }
}
