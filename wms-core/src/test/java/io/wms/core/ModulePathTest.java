package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.simple.SimpleLogger;

/**
 * Runs wms on the module path, as a modular host does: a JVM of its own with wms-core, wms-api, wms-migrations,
 * wms-jooq-generated and their runtime dependencies as modules, and the host module under
 * {@code src/test/modulepath}, compiled here. It gets an empty database of the testkit's server through the
 * {@code DB_*} variables, and no testkit: that one is an automatic module whose package Testcontainers splits.
 */
class ModulePathTest {

    /** wms-core's runtime dependencies, written by the dependency plugin before the tests. */
    private static final Path RUNTIME_DEPENDENCIES = Path.of("target/runtime-dependencies.txt");
    private static final Path HOST_SOURCES = Path.of("src/test/modulepath/io.wms.modulepath");
    private static final Path MIGRATIONS = Path.of("../wms-migrations/src/main/resources/db/wms/migration");
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final String HOST = "io.wms.modulepath/io.wms.modulepath.ModulePathHost";

    @Test
    void aModularHostMigratesReceivesAndPicksStockAndUndoesEveryMigration(@TempDir Path work) throws Exception {
        List<String> modulePath = new ArrayList<>(List.of(Files.readString(RUNTIME_DEPENDENCIES).strip()
                .split(File.pathSeparator)));
        modulePath.add(Path.of("target/classes").toAbsolutePath().toString());
        modulePath.add(jarOf(SimpleLogger.class).toString());
        Path host = compileHost(work.resolve("host"), modulePath);
        modulePath.add(host.toString());
        List<Integer> versions = migrationVersions();
        String latest = versions.stream().max(Integer::compare).orElseThrow().toString();

        Path output = work.resolve("host.out");
        Path log = work.resolve("host.log");
        try (WmsTestDatabase database = WmsTestServer.shared().createEmptyDatabase()) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "--module-path", String.join(File.pathSeparator, modulePath), "--module", HOST)
                    .redirectOutput(output.toFile())
                    .redirectError(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("DB_"));
            builder.environment().putAll(database.environment());
            Process process = builder.start();
            try {
                assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the host ended within two minutes").isTrue();
                assertThat(process.exitValue()).as("the host's exit code; its log:%n%s", read(log)).isZero();
            } finally {
                process.destroyForcibly();
                process.waitFor();
            }
        }

        assertThat(Files.readAllLines(output, StandardCharsets.UTF_8)).as("what the host printed; its log:%n%s",
                read(log)).containsExactly(
                "io.wms.modulepath reads io.wms.core and io.wms.migrations",
                "migrated " + versions.size() + " versions to " + latest,
                "received 10, picked 4, left 6, repeated as stored: true",
                "grants script found: true",
                "undid " + versions.size() + " versions to null");
    }

    /** Compiles the host module against the module path, and fails on any warning. */
    private static Path compileHost(Path classes, List<String> modulePath) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(HOST_SOURCES)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-Xlint:all", "-Werror",
                            "--module-path", String.join(File.pathSeparator, modulePath),
                            "-d", classes.toString()),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(compiled).as("compiling the host: %s", diagnostics.getDiagnostics()).isTrue();
        }
        return classes;
    }

    private static List<Integer> migrationVersions() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(version -> Integer.valueOf(version.group(1)))
                    .toList();
        }
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
