package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.wms.core.error.ConfigurationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

class WmsConfigTest {

    private static final String SECRET = "Tr0ub4dor-and-3-horses";

    private static final WmsConfig DEFAULTS = WmsConfig.fromEnv(Map.of());

    /** Builds a fake environment from name, value pairs. */
    private static Map<String, String> env(String... namesAndValues) {
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            environment.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return environment;
    }

    private static WmsConfig fromEnv(String... namesAndValues) {
        return WmsConfig.fromEnv(env(namesAndValues));
    }

    private static void assertEnvRejected(String variable, String value, String expectedMessage) {
        assertThatThrownBy(() -> fromEnv(variable, value))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).isEqualTo(variable);
                    assertThat(e.getMessage()).isEqualTo(expectedMessage);
                });
    }

    private static void assertBuildRejected(WmsConfig.Builder builder, String setting, String expectedMessage) {
        assertThatThrownBy(builder::build)
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.setting()).isEqualTo(setting);
                    assertThat(e.getMessage()).isEqualTo(expectedMessage);
                });
    }

    @Nested
    class Host {

        @Test
        void defaultsToLocalhost() {
            assertThat(DEFAULTS.host()).isEqualTo("localhost").isEqualTo(WmsConfig.DEFAULT_HOST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"db.internal", "10.0.0.7", "wms_db-1", "::1", "2001:db8::5"})
        void acceptsHostNamesAndAddresses(String host) {
            assertThat(fromEnv("DB_HOST", host).host()).isEqualTo(host);
        }

        @Test
        void rejectsAnythingThatWouldChangeTheUrl() {
            assertEnvRejected("DB_HOST", "db/evil?x=1",
                    "DB_HOST: expected a host name or IP address (IPv6 without brackets), got 'db/evil?x=1'");
        }
    }

    @Nested
    class Port {

        @Test
        void defaultsTo5432() {
            assertThat(DEFAULTS.port()).isEqualTo(5432).isEqualTo(WmsConfig.DEFAULT_PORT);
        }

        @Test
        void readsAValidPort() {
            assertThat(fromEnv("DB_PORT", "6543").port()).isEqualTo(6543);
        }

        @Test
        void rejectsText() {
            assertEnvRejected("DB_PORT", "abc", "DB_PORT: expected a port number from 1 to 65535, got 'abc'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "65536", "-1", "99999999999"})
        void rejectsNumbersOutOfRange(String port) {
            assertEnvRejected("DB_PORT", port, "DB_PORT: expected a port number from 1 to 65535, got '" + port + "'");
        }
    }

    @Nested
    class Username {

        @Test
        void defaultsToPostgres() {
            assertThat(DEFAULTS.username()).isEqualTo("postgres").isEqualTo(WmsConfig.DEFAULT_USERNAME);
        }

        @Test
        void readsDbUser() {
            assertThat(fromEnv("DB_USER", "wms_app").username()).isEqualTo("wms_app");
        }

        @Test
        void builderRejectsABlankUser() {
            assertBuildRejected(WmsConfig.builder().username(" "), "username",
                    "username: expected a user name, got ' '");
        }
    }

    @Nested
    class Password {

        @Test
        void defaultsToEmpty() {
            assertThat(DEFAULTS.password()).isEqualTo(WmsConfig.DEFAULT_PASSWORD).isEmpty();
        }

        @Test
        void isTakenExactlyAsGivenWithSurroundingSpaces() {
            assertThat(fromEnv("DB_PASSWORD", " " + SECRET + " ").password()).isEqualTo(" " + SECRET + " ");
        }

        @Test
        void builderRejectsNullWithoutShowingAValue() {
            assertBuildRejected(WmsConfig.builder().password(null), "password",
                    "password: expected a password, or an empty one for none, got none");
        }
    }

    @Nested
    class DatabaseName {

        @Test
        void defaultsToGoWms() {
            assertThat(DEFAULTS.databaseName()).isEqualTo("go_wms").isEqualTo(WmsConfig.DEFAULT_DATABASE_NAME);
        }

        @Test
        void readsDbName() {
            assertThat(fromEnv("DB_NAME", "inventory").databaseName()).isEqualTo("inventory");
        }

        @Test
        void builderRejectsNull() {
            assertBuildRejected(WmsConfig.builder().databaseName(null), "databaseName",
                    "databaseName: expected a database name, got none");
        }
    }

    @Nested
    class SslModeSetting {

        @Test
        void defaultsToPreferAsLibpqAndPgjdbcDo() {
            assertThat(DEFAULTS.sslMode()).isEqualTo(SslMode.PREFER).isEqualTo(WmsConfig.DEFAULT_SSL_MODE);
        }

        @Test
        void readsTheWireValueInAnyCase() {
            assertThat(fromEnv("DB_SSLMODE", "Verify-Full").sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        }

        @Test
        void rejectsAnUnknownMode() {
            assertEnvRejected("DB_SSLMODE", "verify_full", "DB_SSLMODE: expected one of disable, allow, prefer, "
                    + "require, verify-ca, verify-full, got 'verify_full'");
        }
    }

    @Nested
    class SslCertificates {

        @Test
        void defaultToNone() {
            assertThat(DEFAULTS.sslRootCert()).isEmpty();
            assertThat(DEFAULTS.sslCert()).isEmpty();
            assertThat(DEFAULTS.sslKey()).isEmpty();
        }

        @Test
        void readTheirPaths() {
            WmsConfig config = fromEnv("DB_SSLROOTCERT", "/etc/wms/root.crt",
                    "DB_SSLCERT", "/etc/wms/client.crt",
                    "DB_SSLKEY", "/etc/wms/client.key");

            assertThat(config.sslRootCert()).contains(Path.of("/etc/wms/root.crt"));
            assertThat(config.sslCert()).contains(Path.of("/etc/wms/client.crt"));
            assertThat(config.sslKey()).contains(Path.of("/etc/wms/client.key"));
        }

        @Test
        void rejectAPathThatCannotExist() {
            assertEnvRejected("DB_SSLKEY", "client\0.key", "DB_SSLKEY: expected a file path, got 'client\0.key'");
        }
    }

    @Nested
    class MaxConnections {

        @Test
        void defaultsTo25() {
            assertThat(DEFAULTS.maxConnections()).isEqualTo(25).isEqualTo(WmsConfig.DEFAULT_MAX_CONNECTIONS);
        }

        @Test
        void readsAValidNumber() {
            assertThat(fromEnv("DB_MAX_CONNECTIONS", "50").maxConnections()).isEqualTo(50);
        }

        @Test
        void rejectsANegativeNumber() {
            assertEnvRejected("DB_MAX_CONNECTIONS", "-1",
                    "DB_MAX_CONNECTIONS: expected a whole number of at least 1, got '-1'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "ten", "2.5", "+5"})
        void rejectsAnythingButAPositiveWholeNumber(String value) {
            assertEnvRejected("DB_MAX_CONNECTIONS", value,
                    "DB_MAX_CONNECTIONS: expected a whole number of at least 1, got '" + value + "'");
        }
    }

    @Nested
    class IdleConnections {

        @Test
        void defaultsTo5() {
            assertThat(DEFAULTS.idleConnections()).isEqualTo(5).isEqualTo(WmsConfig.DEFAULT_IDLE_CONNECTIONS);
        }

        @Test
        void acceptsZeroAndTheMaximum() {
            assertThat(fromEnv("DB_IDLE_CONNECTIONS", "0").idleConnections()).isZero();
            assertThat(fromEnv("DB_IDLE_CONNECTIONS", "25").idleConnections()).isEqualTo(25);
        }

        @Test
        void rejectsMoreThanTheMaximum() {
            assertEnvRejected("DB_IDLE_CONNECTIONS", "26", "DB_IDLE_CONNECTIONS: expected a whole number from 0 to "
                    + "the maximum number of connections (DB_MAX_CONNECTIONS is 25), got '26'");
        }

        @Test
        void rejectsTheDefaultWhenTheMaximumIsBelowIt() {
            assertThatThrownBy(() -> fromEnv("DB_MAX_CONNECTIONS", "3"))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("DB_IDLE_CONNECTIONS: expected a whole number from 0 to the maximum number of "
                            + "connections (DB_MAX_CONNECTIONS is 3), got '5' (the default)");
        }

        @Test
        void rejectsText() {
            assertEnvRejected("DB_IDLE_CONNECTIONS", "some", "DB_IDLE_CONNECTIONS: expected a whole number from 0 "
                    + "to the maximum number of connections, got 'some'");
        }
    }

    @Nested
    class ConnectionMaxLifetime {

        @Test
        void defaultsToOneHour() {
            assertThat(DEFAULTS.connectionMaxLifetime()).isEqualTo(Duration.ofHours(1))
                    .isEqualTo(WmsConfig.DEFAULT_CONNECTION_MAX_LIFETIME);
        }

        @Test
        void readsAGoDuration() {
            assertThat(fromEnv("DB_CONN_MAX_LIFETIME", "1h30m").connectionMaxLifetime())
                    .isEqualTo(Duration.ofMinutes(90));
        }

        @Test
        void acceptsZeroForNoLimit() {
            assertThat(fromEnv("DB_CONN_MAX_LIFETIME", "0").connectionMaxLifetime()).isZero();
        }

        @Test
        void acceptsHikariCpsMinimumOf30Seconds() {
            assertThat(fromEnv("DB_CONN_MAX_LIFETIME", "30s").connectionMaxLifetime())
                    .isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void rejectsLessThan30Seconds() {
            assertEnvRejected("DB_CONN_MAX_LIFETIME", "10s", "DB_CONN_MAX_LIFETIME: expected a duration of at least "
                    + "30s such as 30m or 1h, or 0 for no limit (HikariCP ignores shorter ones), got '10s'");
        }

        @Test
        void rejectsANumberWithoutUnit() {
            assertEnvRejected("DB_CONN_MAX_LIFETIME", "3600", "DB_CONN_MAX_LIFETIME: expected a duration of at "
                    + "least 30s such as 30m or 1h, or 0 for no limit (HikariCP ignores shorter ones), got '3600'");
        }
    }

    @Nested
    class LogLevelSetting {

        @Test
        void defaultsToFailedAndSlowStatementsOnly() {
            assertThat(DEFAULTS.logLevel()).isEqualTo(LogLevel.WARN).isEqualTo(WmsConfig.DEFAULT_LOG_LEVEL);
        }

        @ParameterizedTest
        @ValueSource(strings = {"silent", "SILENT", "Silent"})
        void readsALevelInAnyCase(String value) {
            assertThat(fromEnv("DB_LOG_LEVEL", value).logLevel()).isEqualTo(LogLevel.SILENT);
        }

        @Test
        void rejectsAnUnknownLevel() {
            assertEnvRejected("DB_LOG_LEVEL", "debug",
                    "DB_LOG_LEVEL: expected one of silent, error, warn, info, got 'debug'");
        }
    }

    @Nested
    class AutoMigrate {

        @Test
        void defaultsToTrue() {
            assertThat(DEFAULTS.autoMigrate()).isTrue().isEqualTo(WmsConfig.DEFAULT_AUTO_MIGRATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"false", "FALSE", "0", "no", "No"})
        void readsFalseInEachSpelling(String value) {
            assertThat(fromEnv("DB_AUTO_MIGRATE", value).autoMigrate()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "True", "1", "yes", "YES"})
        void readsTrueInEachSpelling(String value) {
            assertThat(fromEnv("DB_AUTO_MIGRATE", value).autoMigrate()).isTrue();
        }

        @Test
        void rejectsAnythingElse() {
            assertEnvRejected("DB_AUTO_MIGRATE", "on",
                    "DB_AUTO_MIGRATE: expected true or false (or 1/0, yes/no), got 'on'");
        }
    }

    @Nested
    class ConnectTimeout {

        @Test
        void defaultsToTenSeconds() {
            assertThat(DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(10))
                    .isEqualTo(WmsConfig.DEFAULT_CONNECT_TIMEOUT);
        }

        @Test
        void readsAGoDuration() {
            assertThat(fromEnv("DB_CONNECT_TIMEOUT", "1m").connectTimeout()).isEqualTo(Duration.ofMinutes(1));
        }

        @Test
        void rejectsFractionsOfASecondBecausePgjdbcCountsInSeconds() {
            assertEnvRejected("DB_CONNECT_TIMEOUT", "500ms", "DB_CONNECT_TIMEOUT: expected a duration in whole "
                    + "seconds such as 10s, or 0 for no limit, got '500ms'");
        }
    }

    @Nested
    class SocketTimeout {

        @Test
        void defaultsToNone() {
            assertThat(DEFAULTS.socketTimeout()).isEqualTo(Duration.ofMinutes(1)).isEqualTo(WmsConfig.DEFAULT_SOCKET_TIMEOUT);
        }

        @Test
        void readsAGoDuration() {
            assertThat(fromEnv("DB_SOCKET_TIMEOUT", "5m").socketTimeout()).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void rejectsANegativeDuration() {
            assertEnvRejected("DB_SOCKET_TIMEOUT", "-5s", "DB_SOCKET_TIMEOUT: expected a duration in whole "
                    + "seconds such as 300s, or 0 for no limit, got '-5s'");
        }
    }

    @Nested
    class TcpKeepAlive {

        @Test
        void isOnByDefault() {
            assertThat(DEFAULTS.tcpKeepAlive()).isTrue().isEqualTo(WmsConfig.DEFAULT_TCP_KEEP_ALIVE);
        }

        @Test
        void canBeTurnedOffInTheBuilder() {
            assertThat(WmsConfig.builder().tcpKeepAlive(false).build().tcpKeepAlive()).isFalse();
        }
    }

    @Nested
    class PoolTimeout {

        @Test
        void defaultsToHikariCpsThirtySeconds() {
            assertThat(DEFAULTS.poolTimeout()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(WmsConfig.DEFAULT_POOL_TIMEOUT);
        }

        @Test
        void readsAGoDuration() {
            assertThat(fromEnv("DB_POOL_TIMEOUT", "250ms").poolTimeout()).isEqualTo(Duration.ofMillis(250));
        }

        @Test
        void rejectsLessThanHikariCpAccepts() {
            assertEnvRejected("DB_POOL_TIMEOUT", "100ms",
                    "DB_POOL_TIMEOUT: expected a duration of at least 250ms such as 5s or 30s, got '100ms'");
        }
    }

    @Nested
    class IdleTimeout {

        @Test
        void defaultsToHikariCpsTenMinutes() {
            assertThat(DEFAULTS.idleTimeout()).isEqualTo(Duration.ofMinutes(10)).isEqualTo(WmsConfig.DEFAULT_IDLE_TIMEOUT);
        }

        @Test
        void acceptsZeroForNeverClosingIdleConnections() {
            assertThat(fromEnv("DB_IDLE_TIMEOUT", "0").idleTimeout()).isZero();
        }

        @Test
        void rejectsLessThanHikariCpAccepts() {
            assertBuildRejected(WmsConfig.builder().idleTimeout(Duration.ofSeconds(5)), "idleTimeout",
                    "idleTimeout: expected a duration of at least 10s such as 10m, or 0 to never close idle "
                            + "connections, got 'PT5S'");
        }
    }

    @Nested
    class LeakDetection {

        @Test
        void isOffByDefault() {
            assertThat(DEFAULTS.leakDetection()).isZero().isEqualTo(WmsConfig.DEFAULT_LEAK_DETECTION);
        }

        @Test
        void readsAGoDuration() {
            assertThat(fromEnv("DB_LEAK_DETECTION", "1m").leakDetection()).isEqualTo(Duration.ofMinutes(1));
        }

        @Test
        void rejectsLessThanHikariCpAccepts() {
            assertEnvRejected("DB_LEAK_DETECTION", "1s", "DB_LEAK_DETECTION: expected a duration of at least 2s "
                    + "and below the connection's maximum lifetime, such as 1m, or 0 for off, got '1s'");
        }

        @Test
        void rejectsAThresholdNoConnectionLivesToReach() {
            assertBuildRejected(WmsConfig.builder().connectionMaxLifetime(Duration.ofMinutes(1))
                            .leakDetection(Duration.ofMinutes(2)), "leakDetection",
                    "leakDetection: expected a duration of at least 2s and below the connection's maximum lifetime, "
                            + "such as 1m, or 0 for off, got 'PT2M'");
        }
    }

    @Nested
    class EnvironmentValues {

        @Test
        void emptyVariablesTakeTheirDefault() {
            WmsConfig config = fromEnv("DB_PORT", "", "DB_HOST", "  ", "DB_CONN_MAX_LIFETIME", "");

            assertThat(config).isEqualTo(DEFAULTS);
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            WmsConfig config = fromEnv("DB_PORT", " 6543\n", "DB_SSLMODE", " require ");

            assertThat(config.port()).isEqualTo(6543);
            assertThat(config.sslMode()).isEqualTo(SslMode.REQUIRE);
        }

        @Test
        void theDefaultsAreThoseOfAnEmptyBuilder() {
            assertThat(DEFAULTS).isEqualTo(WmsConfig.builder().build());
        }
    }

    @Nested
    class JdbcUrl {

        @Test
        void namesHostPortAndDatabase() {
            assertThat(DEFAULTS.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/go_wms");
        }

        @Test
        void putsAnIpv6AddressInBrackets() {
            assertThat(fromEnv("DB_HOST", "::1").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/go_wms");
        }

        @Test
        void encodesTheDatabaseNameSoPgjdbcReadsItBack() {
            String awkwardName = "stock 2024/ü?&=#%+";
            WmsConfig config = WmsConfig.builder().databaseName(awkwardName).build();

            assertThat(Driver.parseURL(config.jdbcUrl(), null).getProperty(PGProperty.PG_DBNAME.getName()))
                    .isEqualTo(awkwardName);
        }

        @Test
        void neverHoldsThePassword() {
            assertThat(fromEnv("DB_PASSWORD", SECRET).jdbcUrl()).doesNotContain(SECRET);
        }
    }

    @Nested
    class ConnectionProperties {

        @Test
        void holdTheDefaultsForPgjdbc() {
            assertThat(DEFAULTS.connectionProperties()).containsExactly(
                    Map.entry("sslmode", "prefer"),
                    Map.entry("connectTimeout", "10"),
                    Map.entry("socketTimeout", "60"),
                    Map.entry("tcpKeepAlive", "true"),
                    Map.entry("ApplicationName", "wms"),
                    Map.entry("logServerErrorDetail", "false"));
        }

        @Test
        void holdTheCertificatePathsWhenSet() {
            WmsConfig config = fromEnv("DB_SSLMODE", "verify-full", "DB_SSLROOTCERT", "/etc/wms/root.crt",
                    "DB_SSLCERT", "/etc/wms/client.crt", "DB_SSLKEY", "/etc/wms/client.key");

            assertThat(config.connectionProperties())
                    .containsEntry("sslmode", "verify-full")
                    .containsEntry("sslrootcert", Path.of("/etc/wms/root.crt").toString())
                    .containsEntry("sslcert", Path.of("/etc/wms/client.crt").toString())
                    .containsEntry("sslkey", Path.of("/etc/wms/client.key").toString());
        }

        @Test
        void neverHoldTheUserOrPassword() {
            WmsConfig config = fromEnv("DB_PASSWORD", SECRET);

            assertThat(config.connectionProperties()).doesNotContainKeys("user", "password")
                    .doesNotContainValue(SECRET);
        }
    }

    @Nested
    class Secrecy {

        @Test
        void toStringMasksThePassword() {
            WmsConfig config = fromEnv("DB_PASSWORD", SECRET);

            assertThat(config.toString()).doesNotContain(SECRET).contains("password=****");
        }

        @Test
        void anEnvironmentErrorNeverShowsThePassword() {
            assertThatThrownBy(() -> fromEnv("DB_PASSWORD", SECRET, "DB_PORT", "abc"))
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }

        @Test
        void aBuilderErrorNeverShowsThePassword() {
            assertThatThrownBy(() -> WmsConfig.builder().password(SECRET).maxConnections(0).build())
                    .isInstanceOf(ConfigurationException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        }
    }

    @Nested
    class BuilderSettings {

        @Test
        void buildsWhatWasSet() {
            WmsConfig config = WmsConfig.builder()
                    .host("db.internal")
                    .port(6543)
                    .username("wms_app")
                    .password(SECRET)
                    .databaseName("inventory")
                    .sslMode(SslMode.VERIFY_CA)
                    .maxConnections(10)
                    .idleConnections(2)
                    .connectionMaxLifetime(Duration.ofMinutes(30))
                    .logLevel(LogLevel.WARN)
                    .autoMigrate(false)
                    .build();

            assertThat(config.host()).isEqualTo("db.internal");
            assertThat(config.port()).isEqualTo(6543);
            assertThat(config.username()).isEqualTo("wms_app");
            assertThat(config.password()).isEqualTo(SECRET);
            assertThat(config.databaseName()).isEqualTo("inventory");
            assertThat(config.sslMode()).isEqualTo(SslMode.VERIFY_CA);
            assertThat(config.maxConnections()).isEqualTo(10);
            assertThat(config.idleConnections()).isEqualTo(2);
            assertThat(config.connectionMaxLifetime()).isEqualTo(Duration.ofMinutes(30));
            assertThat(config.logLevel()).isEqualTo(LogLevel.WARN);
            assertThat(config.autoMigrate()).isFalse();
        }

        @Test
        void namesTheBuilderSettingInItsErrors() {
            assertBuildRejected(WmsConfig.builder().maxConnections(-1), "maxConnections",
                    "maxConnections: expected a whole number of at least 1, got '-1'");
        }

        @Test
        void namesTheMaximumByItsBuilderNameWhenIdleConnectionsExceedIt() {
            assertBuildRejected(WmsConfig.builder().maxConnections(4), "idleConnections",
                    "idleConnections: expected a whole number from 0 to the maximum number of connections "
                            + "(maxConnections is 4), got '5'");
        }

        @Test
        void rejectsAPortOutOfRange() {
            assertBuildRejected(WmsConfig.builder().port(70_000), "port",
                    "port: expected a port number from 1 to 65535, got '70000'");
        }

        @Test
        void rejectsAShortConnectionLifetime() {
            assertBuildRejected(WmsConfig.builder().connectionMaxLifetime(Duration.ofSeconds(29)),
                    "connectionMaxLifetime", "connectionMaxLifetime: expected a duration of at least 30s such as "
                            + "30m or 1h, or 0 for no limit (HikariCP ignores shorter ones), got 'PT29S'");
        }

        @Test
        void rejectsAMissingSslMode() {
            assertBuildRejected(WmsConfig.builder().sslMode(null), "sslMode",
                    "sslMode: expected one of disable, allow, prefer, require, verify-ca, verify-full, got none");
        }

        @Test
        void toBuilderCopiesEverySetting() {
            WmsConfig original = fromEnv("DB_HOST", "db.internal", "DB_PASSWORD", SECRET, "DB_SSLKEY", "/k.pk8",
                    "DB_CONN_MAX_LIFETIME", "0", "DB_AUTO_MIGRATE", "no");

            assertThat(original.toBuilder().build()).isEqualTo(original);
        }

        @Test
        void toBuilderLeavesTheOriginalUnchanged() {
            WmsConfig original = WmsConfig.builder().build();

            WmsConfig changed = original.toBuilder().port(6543).build();

            assertThat(original.port()).isEqualTo(5432);
            assertThat(changed.port()).isEqualTo(6543);
        }
    }
}
