package io.wms.examples.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the operations scripts of {@code examples/ops} with bash, as an operator would, but with none of the
 * test machine's own database settings in its environment.
 */
final class OpsScript {

    private static final Path OPS_DIRECTORY = projectRoot().resolve("examples").resolve("ops");

    private OpsScript() {
    }

    /**
     * What a script run printed and how it ended.
     *
     * @param exitStatus the exit status; 0 for success
     * @param output     what it wrote to standard output
     * @param errors     what it wrote to standard error
     */
    record Result(int exitStatus, String output, String errors) {
    }

    /**
     * Runs a script and waits for it to end.
     *
     * @param script      the file name in {@code examples/ops}, for example {@code backup-database.sh}
     * @param environment the variables to set on top of this JVM's environment without its database settings
     * @param logs        a directory for the script's output files
     * @param arguments   the script's arguments
     * @return how it ended
     * @throws IOException if bash cannot be started or the script runs for more than two minutes
     */
    static Result run(String script, Map<String, String> environment, Path logs, String... arguments)
            throws IOException, InterruptedException {
        Started started = start(script, environment, logs, arguments);
        if (!started.process().waitFor(120, TimeUnit.SECONDS)) {
            started.process().destroyForcibly();
            throw new IOException(script + " did not finish within two minutes");
        }
        return started.result();
    }

    /**
     * A script run that has been started and may still be running.
     *
     * @param process the bash process
     * @param output  the file its standard output goes to
     * @param errors  the file its standard error goes to
     */
    record Started(Process process, Path output, Path errors) {

        /**
         * Returns how the script ended.
         *
         * @return its exit status and output
         * @throws IOException if the output files cannot be read
         */
        Result result() throws IOException {
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        }
    }

    /**
     * Starts a script and returns without waiting for it.
     *
     * @param script      the file name in {@code examples/ops}
     * @param environment the variables to set on top of this JVM's environment without its database settings
     * @param logs        a directory for the script's output files
     * @param arguments   the script's arguments
     * @return the running script
     * @throws IOException if bash cannot be started
     */
    static Started start(String script, Map<String, String> environment, Path logs, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", OPS_DIRECTORY.resolve(script).toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(logs, script, ".out");
        Path errors = Files.createTempFile(logs, script, ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        Map<String, String> variables = builder.environment();
        // A DB_PASSWORD or PGHOST of the machine running the tests must not point the scripts elsewhere.
        variables.keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("PG")
                || name.equals("BACKUP_DIR") || name.equals("RETENTION_DAYS"));
        variables.putAll(environment);
        return new Started(builder.start(), output, errors);
    }

    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.exists(directory.resolve("mvnw")) || !Files.isDirectory(directory.resolve("examples"))) {
            directory = directory.getParent();
            if (directory == null) {
                throw new IllegalStateException("not inside the wms project: " + Path.of("").toAbsolutePath());
            }
        }
        return directory;
    }
}
