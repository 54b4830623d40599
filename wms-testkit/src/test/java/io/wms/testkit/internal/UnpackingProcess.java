package io.wms.testkit.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * A JVM of its own that starts an embedded server, for {@link EmbeddedServerUnpackTest}: another build on the same
 * machine.
 *
 * <p>Arguments: the working directory, then {@code go} (print {@value #READY}, wait for a line on the standard input,
 * start a server, print {@value #BINDIR} and the server's binaries directory, stop) or {@code stall} (start, but
 * stall the unpack halfway through the archive after printing {@value #STALLED}, until killed or until the standard
 * input closes). Logs go to the standard error.
 */
final class UnpackingProcess {

    static final String READY = "READY";
    static final String STALLED = "STALLED";
    static final String BINDIR = "BINDIR ";

    private UnpackingProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path workingDirectory = Path.of(args[0]);
        if ("stall".equals(args[1])) {
            EmbeddedServer.start(false, new StallingBinaries(), workingDirectory).close();
            throw new IllegalStateException("the unpack did not stall");
        }
        System.out.println(READY);
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        try (ServerEndpoint server = EmbeddedServer.start(false, DefaultPostgresBinaryResolver.INSTANCE,
                workingDirectory)) {
            System.out.println(BINDIR + binariesDirectory(server));
        }
    }

    /**
     * Asks a server where its binaries are.
     *
     * @param server a running server
     * @return the directory of the {@code postgres} executable it runs
     * @throws SQLException if the server does not answer
     */
    static String binariesDirectory(ServerEndpoint server) throws SQLException {
        try (Connection connection = server.dataSource(server.maintenanceDatabase()).getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select setting from pg_config where name = 'BINDIR'")) {
            row.next();
            return row.getString(1);
        }
    }

    /**
     * The default archive, whole at its first read (the digest's); at the next (the unpack's) it stops halfway, says
     * so, and blocks.
     */
    private static final class StallingBinaries implements PgBinaryResolver {

        private byte[] archive;

        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            if (archive == null) {
                archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware).readAllBytes();
                return new ByteArrayInputStream(archive);
            }
            return new ByteArrayInputStream(archive, 0, archive.length / 2) {
                @Override
                public synchronized int read(byte[] buffer, int offset, int length) {
                    if (available() == 0) {
                        stall();
                    }
                    return super.read(buffer, offset, length);
                }

                @Override
                public synchronized int read() {
                    if (available() == 0) {
                        stall();
                    }
                    return super.read();
                }
            };
        }

        /** Blocks until killed; should the test's JVM die first, its end of the standard input closes, and this ends. */
        private static void stall() {
            System.out.println(STALLED);
            try {
                System.in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the test's JVM went away while the unpack was stalled");
        }
    }
}
