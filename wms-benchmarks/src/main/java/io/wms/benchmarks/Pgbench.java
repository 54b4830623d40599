package io.wms.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;

/**
 * PostgreSQL's own pgbench, run against a database of the same embedded server, as the yardstick of what a
 * transaction of a few writes can reach here ({@code -N}: the "simple update" script, three statements and an
 * insert per transaction, much like a pick with its ledger row). It runs on the extended protocol with prepared
 * statements ({@code -M prepared}), as pgjdbc does once a statement has run a few times, and each measured run
 * follows a thrown-away warm-up run with the same clients.
 */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/lib/postgresql/15/bin/pgbench"),
            Path.of("/usr/lib/postgresql/16/bin/pgbench"), Path.of("/usr/lib/postgresql/17/bin/pgbench"),
            Path.of("/usr/lib/postgresql/18/bin/pgbench"), Path.of("/usr/bin/pgbench"));

    private final Path executable;
    private final WmsTestDatabase database;

    private Pgbench(Path executable, WmsTestDatabase database) {
        this.executable = executable;
        this.database = database;
    }

    /**
     * Finds pgbench and initialises its tables (scale 10) in a fresh database of a server.
     *
     * @param server the server the database is made on
     * @return the runner, or {@code null} when pgbench is not installed
     * @throws IOException if pgbench cannot be run
     * @throws InterruptedException if interrupted
     */
    static Pgbench find(WmsTestServer server) throws IOException, InterruptedException {
        Path executable = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (executable == null) {
            return null;
        }
        Pgbench pgbench = new Pgbench(executable, server.createEmptyDatabase());
        pgbench.run(List.of("-i", "-q", "-s", "10"));
        return pgbench;
    }

    /**
     * Runs the simple-update script for a warm-up, then for the measured while.
     *
     * @param clients  clients and threads
     * @param warmUp   how long the thrown-away run lasts; whole seconds
     * @param duration how long the measured run lasts; whole seconds
     * @return transactions per second of the measured run
     * @throws IOException if pgbench fails
     * @throws InterruptedException if interrupted
     */
    double simpleUpdateTps(int clients, Duration warmUp, Duration duration) throws IOException, InterruptedException {
        simpleUpdate(clients, warmUp);
        String output = simpleUpdate(clients, duration);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IOException("pgbench printed no tps: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    private String simpleUpdate(int clients, Duration duration) throws IOException, InterruptedException {
        return run(List.of("-N", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j",
                String.valueOf(clients), "-T", String.valueOf(duration.toSeconds())));
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-h", database.host(), "-p",
                String.valueOf(database.port()), "-U", database.username()));
        command.addAll(arguments);
        command.add(database.databaseName());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("pgbench failed: " + output);
        }
        return output;
    }
}
