package io.wms.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.wms.testkit.TestDatabaseException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded binaries are unpacked into a fresh working directory by threads and processes at once, over what an
 * unpack killed halfway left, and not at all where the directory cannot be written. Each test uses a resolver zonky
 * has not seen, because zonky keeps a resolver's directory for the JVM's lifetime.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EmbeddedServerUnpackTest {

    @TempDir
    Path root;

    @Test
    void threadsStartingAtOnceOnAFreshDirectoryAllGetAServerFromOneCompleteDirectory() throws Exception {
        Path workingDirectory = root.resolve("embedded-pg");
        PgBinaryResolver binaries = new UnseenBinaries();
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> startServer = () -> {
            start.await();
            try (ServerEndpoint server = EmbeddedServer.start(false, binaries, workingDirectory)) {
                return UnpackingProcess.binariesDirectory(server);
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> servers = List.of(threads.submit(startServer), threads.submit(startServer));
            start.countDown();

            Path binariesDirectory = binariesDirectory(workingDirectory);
            for (Future<String> server : servers) {
                assertThat(Path.of(server.get(60, TimeUnit.SECONDS))).isEqualTo(binariesDirectory.resolve("bin"));
            }
            assertOnlyTheCompleteDirectoryIsLeft(workingDirectory);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void processesStartingAtOnceOnAFreshDirectoryAllGetAServerFromOneUnpack() throws Exception {
        Path workingDirectory = root.resolve("embedded-pg");
        List<Process> processes = new ArrayList<>();
        try {
            List<BufferedReader> outputs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process process = unpackingProcess(workingDirectory, "go", root.resolve("process-" + i + ".log"));
                processes.add(process);
                outputs.add(process.inputReader(StandardCharsets.UTF_8));
            }
            for (BufferedReader output : outputs) {
                assertThat(output.readLine()).as("the process is ready to start").isEqualTo(UnpackingProcess.READY);
            }
            // Both JVMs are up: they now start their servers together.
            for (Process process : processes) {
                try (Writer go = process.outputWriter(StandardCharsets.UTF_8)) {
                    go.write("go\n");
                }
            }

            Path binariesDirectory = binariesDirectory(workingDirectory);
            for (int i = 0; i < 2; i++) {
                assertThat(outputs.get(i).readLine()).as("process %d's answer (its log: %s)", i,
                                root.resolve("process-" + i + ".log"))
                        .isEqualTo(UnpackingProcess.BINDIR + binariesDirectory.resolve("bin"));
                assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(processes.get(i).exitValue()).isZero();
            }
            assertOnlyTheCompleteDirectoryIsLeft(workingDirectory);
            assertThat(Files.readString(root.resolve("process-0.log")) + Files.readString(root.resolve("process-1.log")))
                    .as("the processes' logs").containsOnlyOnce("unpacking the embedded PostgreSQL binaries into");
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void directoryLeftHalfWrittenIsReplacedByTheNextStart() throws Exception {
        Path workingDirectory = root.resolve("embedded-pg");
        Path binariesDirectory = binariesDirectory(workingDirectory);
        // What an unpack killed halfway leaves: the archive's first entries, the last one cut short, a link to a
        // library not yet written, no bin and no marker.
        Files.createDirectories(binariesDirectory.resolve("share/postgresql"));
        Files.writeString(binariesDirectory.resolve("share/postgresql/postgres.bki"), "# PostgreSQL 18\ncreate pg_pr");
        Files.createDirectories(binariesDirectory.resolve("lib"));
        Files.createSymbolicLink(binariesDirectory.resolve("lib/libpq.so"), Path.of("libpq.so.5.18"));

        try (ServerEndpoint server = EmbeddedServer.start(false, new UnseenBinaries(), workingDirectory)) {
            assertThat(Path.of(UnpackingProcess.binariesDirectory(server))).isEqualTo(binariesDirectory.resolve("bin"));
        }
        assertThat(Files.size(binariesDirectory.resolve("share/postgresql/postgres.bki")))
                .as("the file cut short, unpacked again").isGreaterThan(100_000);
        assertOnlyTheCompleteDirectoryIsLeft(workingDirectory);
    }

    @Test
    void unpackKilledHalfwayLeavesNoDirectoryAndTheNextStartSucceeds() throws Exception {
        Path workingDirectory = root.resolve("embedded-pg");
        Path binariesDirectory = binariesDirectory(workingDirectory);
        Process stalled = unpackingProcess(workingDirectory, "stall", root.resolve("stalled.log"));
        try {
            assertThat(stalled.inputReader(StandardCharsets.UTF_8).readLine()).as("the process's word (its log: %s)",
                    root.resolve("stalled.log")).isEqualTo(UnpackingProcess.STALLED);
        } finally {
            stalled.destroyForcibly();
        }
        assertThat(stalled.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(binariesDirectory).as("the killed unpack's directory").doesNotExist();
        List<Path> partial = partialUnpacks(workingDirectory);
        assertThat(partial).as("what the killed unpack wrote, beside it").hasSize(1);
        assertThat(partial.get(0).resolve("share")).as("unpacked before the kill").isDirectory();
        assertThat(partial.get(0).resolve("bin")).as("the archive's last entries, not reached").doesNotExist();

        try (ServerEndpoint server = EmbeddedServer.start(false, new UnseenBinaries(), workingDirectory)) {
            assertThat(Path.of(UnpackingProcess.binariesDirectory(server))).isEqualTo(binariesDirectory.resolve("bin"));
        }
        assertOnlyTheCompleteDirectoryIsLeft(workingDirectory);
    }

    @Test
    void startUsesACompleteDirectoryAsItIs() throws Exception {
        Path workingDirectory = root.resolve("embedded-pg");
        Map<Path, FileTime> unpacked = modificationTimes(EmbeddedBinaries.unpack(new UnseenBinaries(), workingDirectory));

        EmbeddedServer.start(false, new UnseenBinaries(), workingDirectory).close();

        assertThat(modificationTimes(binariesDirectory(workingDirectory)))
                .as("the files and their modification times: nothing unpacked again, not even by zonky")
                .isEqualTo(unpacked);
    }

    @Test
    void workingDirectoryThatCannotBeCreatedGivesATestDatabaseExceptionNamingIt() throws Exception {
        Path file = Files.createFile(root.resolve("a-file"));
        Path workingDirectory = file.resolve("embedded-pg");

        assertThatThrownBy(() -> EmbeddedServer.start(false, new UnseenBinaries(), workingDirectory))
                .isInstanceOf(TestDatabaseException.class)
                .hasMessageContaining(binariesDirectory(workingDirectory).toString())
                .cause().isInstanceOfSatisfying(FileSystemException.class,
                        cause -> assertThat(cause.getFile()).isEqualTo(workingDirectory.toString()));
    }

    /** The default archive, behind a resolver of its own. */
    private static final class UnseenBinaries implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    /** Where zonky looks for the default binaries: {@code PG-<MD5 of the archive>} in the working directory. */
    private static Path binariesDirectory(Path workingDirectory) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        String architecture = System.getProperty("os.arch");
        String system = System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
        try (InputStream archive = new DigestInputStream(new UnseenBinaries().getPgBinary(system,
                "amd64".equals(architecture) ? "x86_64" : architecture), md5)) {
            archive.transferTo(OutputStream.nullOutputStream());
        }
        return workingDirectory.resolve("PG-" + HexFormat.of().formatHex(md5.digest()));
    }

    private static void assertOnlyTheCompleteDirectoryIsLeft(Path workingDirectory) throws Exception {
        Path binariesDirectory = binariesDirectory(workingDirectory);
        assertThat(binariesDirectory.resolve(EmbeddedBinaries.MARKER)).isRegularFile();
        assertThat(binariesDirectory.resolve("bin/postgres")).isExecutable();
        assertThat(partialUnpacks(workingDirectory)).as("partial unpacks left in the working directory").isEmpty();
    }

    /** The directories in the working directory other than the binaries' own. */
    private static List<Path> partialUnpacks(Path workingDirectory) throws Exception {
        Path binariesDirectory = binariesDirectory(workingDirectory);
        try (Stream<Path> entries = Files.list(workingDirectory)) {
            return entries.filter(Files::isDirectory)
                    .filter(entry -> !entry.equals(binariesDirectory))
                    .collect(Collectors.toList());
        }
    }

    private static Map<Path, FileTime> modificationTimes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.collect(Collectors.toMap(Function.identity(), file -> {
                try {
                    return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    private static Process unpackingProcess(Path workingDirectory, String mode, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), UnpackingProcess.class.getName(),
                workingDirectory.toString(), mode)
                .redirectError(log.toFile())
                .start();
    }
}
