package io.wms.examples.ops;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.wms.testkit.tls.TestCertificates;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL 15 server run from Debian's packaged binaries, so that the packaged {@code pg_dump} 15
 * can dump it: {@code pg_dump} refuses servers of a newer major version, such as the embedded PostgreSQL 18.
 *
 * <p>PostgreSQL refuses to run as root; as root, every binary runs in a new user namespace ({@code unshare -U}),
 * where root's files appear to belong to the unprivileged user the server runs as, as zonky's embedded server does.
 */
final class Postgres15Server implements AutoCloseable {

    /** Where Debian's postgresql-15 and postgresql-client-15 packages put their binaries. */
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    /** A role that must log in with its password (SCRAM) even though every other role is trusted. */
    static final String PASSWORD_USER = "wms_password_only";

    private static final List<String> NEEDED = List.of("initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore", "psql");

    private final Path directory;
    private final Path data;
    private final int port;

    private Postgres15Server(Path directory, int port) {
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
    }

    /**
     * Tells whether the binaries the server and the scripts need are installed.
     *
     * @return true when every one of them is executable
     */
    static boolean isInstalled() {
        return NEEDED.stream().allMatch(tool -> Files.isExecutable(BIN.resolve(tool)));
    }

    /**
     * Creates a cluster in a directory and starts it on a free port of {@code localhost}, with trust authentication
     * for every role but {@link #PASSWORD_USER}; it accepts TLS when given certificates, and plain connections as
     * well.
     *
     * @param directory    an empty directory that the server may fill and that is short enough for a Unix socket path
     * @param certificates the server's certificate and key, or {@code null} for no TLS
     * @return the running server; close it to stop it
     * @throws IOException if a binary cannot be started or fails
     */
    static Postgres15Server start(Path directory, TestCertificates certificates)
            throws IOException, InterruptedException {
        Postgres15Server server = new Postgres15Server(directory, freePort());
        server.run("initdb", "-D", server.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                "--locale=C", "--no-sync");
        // pg_hba.conf applies its first matching line, so these go before initdb's trust lines.
        Path hba = server.data.resolve("pg_hba.conf");
        Files.writeString(hba, String.join("\n",
                "host all " + PASSWORD_USER + " 127.0.0.1/32 scram-sha-256",
                "host all " + PASSWORD_USER + " ::1/128 scram-sha-256",
                Files.readString(hba, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        // Durability is of no use to a server that lives for one test class.
        Files.writeString(server.data.resolve("postgresql.conf"), String.join("\n",
                "",
                "port = " + server.port,
                "listen_addresses = 'localhost'",
                "unix_socket_directories = '" + directory + "'",
                "max_connections = 30",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        if (certificates != null) {
            Files.writeString(server.data.resolve("postgresql.conf"), String.join("\n",
                    "ssl = on",
                    "ssl_cert_file = '" + certificates.serverCertificate() + "'",
                    "ssl_key_file = '" + certificates.serverKey() + "'",
                    ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        server.run("pg_ctl", "-D", server.data.toString(), "-l", directory.resolve("server.log").toString(),
                "-w", "-t", "60", "start");
        return server;
    }

    /** The TCP port the server listens on at {@code localhost}. */
    int port() {
        return port;
    }

    /**
     * Returns a data source for one of the server's databases, logging in as {@code postgres}.
     *
     * @param databaseName the database
     * @return a new, unpooled data source
     */
    PGSimpleDataSource dataSource(String databaseName) {
        return dataSource(databaseName, "postgres");
    }

    /**
     * Returns a data source for one of the server's databases.
     *
     * @param databaseName the database
     * @param user         the role to log in as
     * @return a new, unpooled data source
     */
    PGSimpleDataSource dataSource(String databaseName, String user) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(databaseName);
        dataSource.setUser(user);
        return dataSource;
    }

    /**
     * Runs statements one after another on the maintenance database {@code postgres}, outside a transaction.
     *
     * @param statements the SQL statements, for example {@code create database x}
     * @throws SQLException if one fails
     */
    void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private void run(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (runsAsRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(BIN.resolve(tool).toString());
        command.addAll(List.of(arguments));
        // The server started by pg_ctl keeps the output it inherits open; a file, unlike a pipe, never blocks it.
        Path output = directory.resolve(tool + ".out");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(tool + " did not finish within 90 seconds: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException(tool + " failed with exit status " + process.exitValue() + ": " + command + "\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
    }

    private static boolean runsAsRoot() throws IOException {
        // /proc/self belongs to the user this JVM runs as.
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
