package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.error.DatabaseException;
import io.wms.testkit.tls.TestCertificates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connects over TLS to a PostgreSQL server that accepts nothing else, with certificates made for the test by the
 * {@code openssl} command: a certificate authority, a server certificate for {@code localhost} signed by it, a
 * client certificate signed by it, and a second, unrelated authority that the server's certificate does not chain to.
 */
class TlsConnectionTest {

    /** The role the server lets in only with a client certificate whose common name is the role's name. */
    private static final String CERTIFIED_USER = "wms_certified";

    /** A loopback address the server listens on but its certificate does not name. */
    private static final String UNNAMED_ADDRESS = "127.0.0.2";

    private static Path directory;
    private static EmbeddedPostgres server;
    private static Path trustedAuthority;
    private static Path strangerAuthority;
    private static Path clientCertificate;
    private static Path clientKey;

    @BeforeAll
    static void startServerThatRequiresTls() throws IOException, InterruptedException, SQLException {
        assumeTrue(TestCertificates.canBeMade(),
                "openssl is not on PATH: the TLS test needs the openssl command to make its certificates");
        directory = Files.createTempDirectory("wms-tls-");
        TestCertificates certificates = TestCertificates.makeIn(directory);
        trustedAuthority = certificates.authority();
        strangerAuthority = certificates.strangerAuthority();
        Path serverCertificate = certificates.serverCertificate();
        TestCertificates.ClientCertificate client = certificates.client(CERTIFIED_USER);
        clientCertificate = client.certificate();
        clientKey = client.keyPkcs8Der();

        // The order matters: pg_hba.conf applies the first line that matches.
        Path hba = directory.resolve("pg_hba.conf");
        Files.writeString(hba, String.join("\n",
                "local all all trust",
                "hostssl all " + CERTIFIED_USER + " 127.0.0.0/8 cert",
                "hostssl all " + CERTIFIED_USER + " ::1/128 cert",
                "hostssl all all 127.0.0.0/8 trust",
                "hostssl all all ::1/128 trust",
                ""));

        server = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", serverCertificate.toString())
                .setServerConfig("ssl_key_file", certificates.serverKey().toString())
                .setServerConfig("ssl_ca_file", trustedAuthority.toString())
                .setServerConfig("hba_file", hba.toString())
                // A second loopback address that the server's certificate does not name.
                .setServerConfig("listen_addresses", "localhost," + UNNAMED_ADDRESS)
                .setServerConfig("fsync", "off")
                // zonky's default of 10 s is too short for a loaded machine.
                .setPGStartupWait(Duration.ofMinutes(1))
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role " + CERTIFIED_USER + " login");
            statement.execute("create database wms_tls");
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static WmsConfig.Builder configFor(String username, SslMode sslMode) {
        return WmsConfig.builder()
                .host("localhost")
                .port(server.getPort())
                .databaseName("wms_tls")
                .username(username)
                .sslMode(sslMode)
                .maxConnections(2)
                .idleConnections(0)
                .autoMigrate(false);
    }

    private static WmsConfig.Builder verifyFull(Path authority) {
        return configFor("postgres", SslMode.VERIFY_FULL).sslRootCert(authority);
    }

    private static String queryOne(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    @Test
    void verifyFullWithTheServersAuthorityConnectsEncrypted() throws SQLException {
        try (HikariDataSource pool = openPool(verifyFull(trustedAuthority).build())) {
            assertThat(queryOne(pool, "select ssl from pg_stat_ssl where pid = pg_backend_pid()")).isEqualTo("t");
            assertThat(queryOne(pool, "select version from pg_stat_ssl where pid = pg_backend_pid()"))
                    .startsWith("TLSv1.");
        }
    }

    @Test
    void wmsCreatedWithVerifyFullMigratesOverEncryptedConnectionsOnly() throws SQLException {
        try (Wms wms = Wms.create(verifyFull(trustedAuthority).autoMigrate(true).build())) {
            assertThat(wms.migrations().currentVersion()).isEqualTo(wms.migrations().latestVersion());

            try (Connection admin = server.getPostgresDatabase().getConnection();
                 Statement statement = admin.createStatement();
                 ResultSet result = statement.executeQuery("select count(*), count(*) filter (where s.ssl)"
                         + " from pg_stat_activity a join pg_stat_ssl s using (pid)"
                         + " where a.datname = 'wms_tls' and a.application_name = '" + WmsConfig.APPLICATION_NAME
                         + "'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isPositive();
                assertThat(result.getInt(2)).isEqualTo(result.getInt(1));
            }
        }
    }

    @Test
    void verifyFullWithAnotherAuthorityIsRefusedForGoodSayingTheCertificateIsNotTrusted() {
        Throwable failure = catchThrowable(() -> Wms.create(verifyFull(strangerAuthority).build()));

        assertThat(failure).isInstanceOf(DatabaseException.class);
        assertThat(failure.getMessage())
                .startsWith("Cannot connect to PostgreSQL at localhost:" + server.getPort() + "/wms_tls as postgres: ")
                .contains("SSL error")
                .contains("certification path");
    }

    @Test
    void verifyFullRefusesACertificateThatDoesNotNameTheHostConnectedTo() {
        WmsConfig config = verifyFull(trustedAuthority).host(UNNAMED_ADDRESS).build();

        Throwable failure = catchThrowable(() -> Wms.create(config));

        assertThat(failure).isInstanceOf(DatabaseException.class);
        assertThat(failure.getMessage()).contains(UNNAMED_ADDRESS).contains("could not be verified");
    }

    @Test
    void disableIsRefusedByAServerThatAcceptsOnlyTls() {
        Throwable failure = catchThrowable(() -> Wms.create(configFor("postgres", SslMode.DISABLE).build()));

        assertThat(failure).isInstanceOf(DatabaseException.class);
        assertThat(failure.getMessage()).contains("no pg_hba.conf entry").contains("no encryption");
    }

    @Test
    void aClientCertificateLogsInTheUserItNames() throws SQLException {
        WmsConfig config = configFor(CERTIFIED_USER, SslMode.VERIFY_FULL)
                .sslRootCert(trustedAuthority)
                .sslCert(clientCertificate)
                .sslKey(clientKey)
                .build();

        try (HikariDataSource pool = openPool(config)) {
            assertThat(queryOne(pool, "select current_user")).isEqualTo(CERTIFIED_USER);
            assertThat(queryOne(pool, "select client_dn from pg_stat_ssl where pid = pg_backend_pid()"))
                    .isEqualTo("/CN=" + CERTIFIED_USER);
        }
    }

    @Test
    void aMissingClientCertificateFileIsRefusedForGood() {
        WmsConfig config = configFor(CERTIFIED_USER, SslMode.VERIFY_FULL)
                .sslRootCert(trustedAuthority)
                .sslCert(directory.resolve("no-such-client.crt"))
                .sslKey(directory.resolve("no-such-client.pk8"))
                .build();

        Throwable failure = catchThrowable(() -> openPool(config));

        assertThat(failure).isInstanceOf(DatabaseException.class);
        assertThat(failure.getMessage()).contains("Could not open SSL certificate file");
    }

    /** Opens wms's own pool for a configuration, in its schema, as {@link Wms#create(WmsConfig)} does. */
    private static HikariDataSource openPool(WmsConfig config) {
        return ConnectionSettings.open(config, config.schema());
    }
}
