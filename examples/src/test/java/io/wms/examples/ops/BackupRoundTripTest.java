package io.wms.examples.ops;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;

import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import io.wms.testkit.tls.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Backs up a filled wms database with {@code examples/ops/backup-database.sh}, restores it into an empty database
 * with {@code examples/ops/restore-database.sh}, and compares the two; also the scripts' refusals and the retention.
 *
 * <p>The database lives on a PostgreSQL 15 server started from Debian's packaged binaries, because the packaged
 * {@code pg_dump} is version 15 and cannot dump the embedded PostgreSQL 18.
 */
class BackupRoundTripTest {

    private static final String SOURCE = "wms_source";
    private static final String RESTORED = "wms_restored";
    private static final String BACKUP_FILE_NAME = "wms_source_backup_[0-9]{8}_[0-9]{6}\\.dump";

    /** The rows every table of the schema gets; a new table without rows here fails the fill check. */
    private static final List<String> FILL = List.of(
            "insert into users (email, password) values"
                    + " ('anna@example.com', '$2a$10$Ws0pWlq3SM5bC1fUHnXGxOJmZbY7wZr1xw7gE2Y2oTzj5yGGm8nUK'),"
                    + " ('ben@example.com', '$2a$10$9mXhZ5a2ZyJ8j5p0qV0o3eYb3v1x6sHq7lPj8dYk0qW4mZr2sT1uC'),"
                    + " ('gone@example.com', '$2a$10$Lx8bPz1c3Vd5Nf7Hh9Jj1uKk3Mm5Oo7Qq9Ss1Uu3Ww5Yy7Aa9Cc1E')",
            "update users set deleted_at = now() where email = 'gone@example.com'",
            "insert into roles (name, description) values ('admin', 'Everything'), ('picker', null)",
            "insert into user_roles (user_id, role_id)"
                    + " select u.id, r.id from users u cross join roles r where u.deleted_at is null",
            "insert into categories (name, description, created_by)"
                    + " select 'Chilled', E'K\u00fchlware, ''frisch''\\n\\tbei 2\u20137 \u00b0C', id"
                    + " from users where email = 'anna@example.com'",
            "insert into categories (name) values ('Dry goods')",
            "insert into brands (name, description, created_by)"
                    + " select 'Brand ' || g, 'Brand \"' || g || '\"', (select min(id) from users)"
                    + " from generate_series(1, 3) g",
            "insert into products (name, description, category_id, brand_id, created_by, updated_by)"
                    + " select 'Product ' || g, 'Ships in ' || g || ' days',"
                    + " (select min(id) from categories),"
                    + " case when g % 3 = 0 then null else (select min(id) from brands) end,"
                    + " (select min(id) from users), (select max(id) from users)"
                    + " from generate_series(1, 20) g",
            "update products set deleted_at = now() where name = 'Product 7'",
            "insert into product_batches"
                    + " (product_id, batch_number, manufacturing_date, expiry_date, status, created_by)"
                    + " select p.id, 'B-' || p.id || '-' || n, date '2026-01-01', date '2026-01-01' + 30 * n,"
                    + " case when n = 3 then 'quarantined' else 'active' end, (select min(id) from users)"
                    + " from products p cross join generate_series(1, 3) n",
            "insert into product_batch_tracks"
                    + " (product_batch_id, user_id, action, description, quantity_change, quantity_after)"
                    + " select id, (select min(id) from users), 'received', 'Goods in', 100, 100"
                    + " from product_batches",
            "insert into product_batch_tracks"
                    + " (product_batch_id, user_id, action, description, quantity_change, quantity_after)"
                    + " select id, (select max(id) from users), 'picked', 'Order ' || id,"
                    + " -(1 + id % 40), 100 - (1 + id % 40) from product_batches",
            "insert into product_batch_tracks (product_batch_id, user_id, action, description)"
                    + " select id, (select min(id) from users), 'status_changed', 'Held for inspection'"
                    + " from product_batches where status = 'quarantined'",
            "update product_batches b set quantity ="
                    + " (select sum(quantity_change) from product_batch_tracks t where t.product_batch_id = b.id)",
            "insert into idempotency_keys (idempotency_key, operation, request, result, user_id, actor_scope)"
                    + " select 'pick-' || id, 'pick', 'productId=' || product_id,"
                    + " jsonb_build_object('format', 1, 'result', jsonb_build_object('batchId', id)), first_user,"
                    + " 'user:' || first_user from product_batches, (select min(id) as first_user from users) u"
                    + " where status = 'active'",
            "insert into reservations (warehouse_id, product_id, reference, quantity, created_by)"
                    + " select w.id, p.id, 'Order R-' || p.id, 2, (select min(id) from users)"
                    + " from products p cross join warehouses w where w.is_default and p.id % 4 = 0",
            "insert into reservation_lines (reservation_id, product_batch_id, location_id, quantity)"
                    + " select r.id, b.id, bl.location_id, 2 from reservations r"
                    + " join product_batches b on b.product_id = r.product_id and b.batch_number like '%-1'"
                    + " join batch_locations bl on bl.product_batch_id = b.id",
            "update batch_locations bl set reserved = l.quantity from reservation_lines l"
                    + " where l.product_batch_id = bl.product_batch_id and l.location_id = bl.location_id",
            "insert into reorder_points (warehouse_id, product_id, minimum_quantity, maximum_quantity)"
                    + " select w.id, p.id, 10, 50 from products p cross join warehouses w where w.is_default",
            "insert into cycle_counts (warehouse_id, product_id, blind, started_by, started_by_name)"
                    + " select w.id, p.id, p.id % 2 = 0, (select min(id) from users), 'counter'"
                    + " from products p cross join warehouses w where w.is_default and p.id % 5 = 0",
            "insert into cycle_count_lines (cycle_count_id, product_batch_id, location_id, expected_quantity,"
                    + " ledger_position, counted_quantity, counted_by_name, counted_at)"
                    + " select c.id, bl.product_batch_id, bl.location_id, bl.quantity,"
                    + " (select max(id) from product_batch_tracks), bl.quantity - 1, 'counter', now()"
                    + " from cycle_counts c join product_batches b on b.product_id = c.product_id"
                    + " join batch_locations bl on bl.product_batch_id = b.id where bl.quantity > 0");

    private static Path work;
    private static TestCertificates certificates;
    private static Postgres15Server server;
    private static OpsScript.Result backup;
    private static Path backupDirectory;
    private static OpsScript.Result restore;

    @BeforeAll
    static void backUpAFilledDatabaseAndRestoreItIntoAnEmptyOne() throws Exception {
        assumeTrue(Postgres15Server.isInstalled(), "PostgreSQL 15 is not installed in " + Postgres15Server.BIN
                + ": install the Debian packages postgresql-15 and postgresql-client-15 (.ci/run does)");
        work = Files.createTempDirectory("wms-backup-");
        if (TestCertificates.canBeMade()) {
            certificates = TestCertificates.makeIn(Files.createDirectory(work.resolve("certificates")));
        }
        server = Postgres15Server.start(Files.createDirectory(work.resolve("pg15")), certificates);
        server.execute("create database " + SOURCE, "create database " + RESTORED);
        WmsMigrations.on(wmsFirst(SOURCE)).migrate();
        try (Connection connection = wmsFirst(SOURCE).getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : FILL) {
                statement.execute(sql);
            }
        }

        backupDirectory = work.resolve("backups");
        backup = OpsScript.run("backup-database.sh", settings(SOURCE, backupDirectory), work);
        restore = OpsScript.run("restore-database.sh", settings(RESTORED, backupDirectory), work,
                backup.output().strip());
    }

    @AfterAll
    static void stopServerAndDeleteFiles() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    /** The scripts' settings for a database of the PostgreSQL 15 server, with its binaries first on the PATH. */
    private static Map<String, String> settings(String databaseName, Path backups) {
        Map<String, String> settings = new HashMap<>();
        settings.put("PATH", Postgres15Server.BIN + File.pathSeparator + System.getenv("PATH"));
        settings.put("DB_HOST", "localhost");
        settings.put("DB_PORT", Integer.toString(server.port()));
        settings.put("DB_USER", "postgres");
        settings.put("DB_NAME", databaseName);
        settings.put("BACKUP_DIR", backups.toString());
        return settings;
    }

    /** Each table of the wms schema, with its row count and a digest of all its rows in a fixed order. */
    private static Map<String, String> tableFingerprints(DataSource dataSource) throws SQLException {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'wms' and table_type = 'BASE TABLE' order by table_name")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("select count(*) || ' rows, md5 '"
                        + " || md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                        + " from wms.\"" + table + "\" t")) {
                    result.next();
                    fingerprints.put(table, result.getString(1));
                }
            }
        }
        return fingerprints;
    }

    private static Map<String, Long> rowCounts(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        tableFingerprints(dataSource).forEach((table, fingerprint) ->
                counts.put(table, Long.parseLong(fingerprint.substring(0, fingerprint.indexOf(' ')))));
        return counts;
    }

    /** A database of the server with wms's schema on the search_path, so that the SQL here names tables plainly. */
    private static DataSource wmsFirst(String database) {
        PGSimpleDataSource dataSource = server.dataSource(database);
        dataSource.setCurrentSchema(WmsMigrations.DEFAULT_SCHEMA);
        return dataSource;
    }

    private static Map<String, Long> sequenceValues(DataSource dataSource) throws SQLException {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select sequencename, last_value from pg_sequences"
                     + " where schemaname = 'wms' order by sequencename")) {
            while (result.next()) {
                values.put(result.getString(1), result.getLong(2));
            }
        }
        return values;
    }

    private static long queryLong(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** Creates an empty database, restores a file into it and checks that the restore refused it, changing nothing. */
    private static void assertRestoreIntoANewDatabaseIsRefused(String databaseName, Path file, String reason)
            throws Exception {
        server.execute("create database " + databaseName);

        OpsScript.Result refused = OpsScript.run("restore-database.sh", settings(databaseName, backupDirectory), work,
                file.toString());

        assertThat(refused.exitStatus()).isNotZero();
        assertThat(refused.errors()).contains(reason);
        assertThat(tableFingerprints(server.dataSource(databaseName))).isEmpty();
    }

    /**
     * Writes a plain SQL dump whose commands would make files, with its checksum, restores it into a new database
     * and checks that the restore refused it without running any of them.
     */
    private static void assertAPlainDumpIsRefusedWithoutRunningItsCommands(String databaseName, String fileName,
                                                                           boolean gzipped) throws Exception {
        Path markers = Files.createDirectories(work.resolve(databaseName + "-markers"));
        Path dump = Files.createDirectories(work.resolve(databaseName)).resolve(fileName);
        try (OutputStream file = Files.newOutputStream(dump);
             OutputStream out = gzipped ? new GZIPOutputStream(file) : file) {
            out.write(plainDumpRunning(markers).getBytes(UTF_8));
        }
        writeChecksumBeside(dump);

        assertRestoreIntoANewDatabaseIsRefused(databaseName, dump, "is not an archive in pg_dump's custom format");
        assertThat(fileNames(markers)).as("files the dump's shell commands made").isEmpty();
    }

    /** Writes a file's SHA-256 checksum beside it, as backup-database.sh does. */
    private static void writeChecksumBeside(Path file) throws IOException, NoSuchAlgorithmException {
        Files.writeString(Path.of(file + ".sha256"), sha256(file) + "  " + file.getFileName() + "\n");
    }

    /**
     * A plain SQL dump, as psql reads one, that ends with pg_dump's completion mark and holds psql meta-commands that
     * run shell commands, each of which would make a file in {@code markers}.
     */
    private static String plainDumpRunning(Path markers) {
        return String.join("\n",
                "-- PostgreSQL database dump",
                "SET client_encoding = 'UTF8';",
                "\\! touch " + markers.resolve("shell"),
                "select 1; \\! touch " + markers.resolve("after-a-statement"),
                "\\copy (select 1) to program 'touch " + markers.resolve("copy-program") + "'",
                "-- PostgreSQL database dump complete",
                "");
    }

    /** Replaces the one occurrence of a text in a file with another text of the same length. */
    private static void plant(Path file, String text, String replacement) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] target = text.getBytes(UTF_8);
        byte[] planted = replacement.getBytes(UTF_8);
        assertThat(planted).hasSameSizeAs(target);
        int at = -1;
        for (int index = 0; index + target.length <= bytes.length && at < 0; index++) {
            if (Arrays.equals(bytes, index, index + target.length, target, 0, target.length)) {
                at = index;
            }
        }
        assertThat(at).as("where %s is in %s", text, file).isNotNegative();
        System.arraycopy(planted, 0, bytes, at, planted.length);
        Files.write(file, bytes);
    }

    /** The SQL of an archive as {@code pg_restore --file=-} writes it. */
    private static String archiveAsSql(Path archive) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Postgres15Server.BIN.resolve("pg_restore").toString(), "--file=-",
                archive.toString()).redirectErrorStream(true).start();
        String sql = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(sql).isZero();
        return sql;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Waits until exactly this many pg_dump sessions of the source database wait for a lock. */
    private static void awaitDumpsWaitingForALock(long expected) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        String waiting = "select count(*) from pg_stat_activity where application_name = 'pg_dump'"
                + " and datname = '" + SOURCE + "' and wait_event_type = 'Lock'";
        while (queryLong(server.dataSource("postgres"), waiting) != expected) {
            assertThat(Instant.now()).as("pg_dump sessions waiting for a lock: expected " + expected)
                    .isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static Path backupFile(Path directory, String name, Duration age) throws IOException {
        Path file = Files.writeString(Files.createDirectories(directory).resolve(name), "an earlier backup");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }

    @Test
    void theSourceHasRowsInEveryTableAndALedgerThatAddsUpToEachBatch() throws SQLException {
        assertThat(rowCounts(wmsFirst(SOURCE)))
                .as("rows per table; give a new table rows in BackupRoundTripTest.FILL")
                .isNotEmpty()
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        assertThat(queryLong(wmsFirst(SOURCE), "select count(*) from product_batches b"
                + " where b.quantity <> (select sum(quantity_change) from product_batch_tracks t"
                + " where t.product_batch_id = b.id)")).isZero();
    }

    @Test
    void backupWritesOneTimestampedCustomFormatArchiveAndPrintsItsPath() throws IOException {
        assertThat(backup.exitStatus()).as(backup.errors()).isZero();
        Path file = Path.of(backup.output().strip());

        assertThat(file.getParent()).isEqualTo(backupDirectory);
        assertThat(file.getFileName().toString()).matches(BACKUP_FILE_NAME);
        assertThat(fileNames(backupDirectory))
                .containsExactly(file.getFileName().toString(), file.getFileName() + ".sha256");
        assertThat(Files.readAllBytes(file)).as("pg_dump's custom format").startsWith("PGDMP".getBytes(US_ASCII));
    }

    @Test
    void backupWritesTheDumpsSha256ChecksumBesideIt() throws Exception {
        Path file = Path.of(backup.output().strip());

        assertThat(Files.readString(Path.of(file + ".sha256")))
                .isEqualTo(sha256(file) + "  " + file.getFileName() + "\n");
    }

    @Test
    void restoreRefusesADumpThatDoesNotMatchItsChecksumAndLeavesTheDatabaseEmpty() throws Exception {
        Path original = Path.of(backup.output().strip());
        Path tampered = Files.copy(original, Files.createDirectories(work.resolve("tampered"))
                .resolve(original.getFileName()));
        Files.writeString(Path.of(tampered + ".sha256"), "0".repeat(64) + "  " + tampered.getFileName() + "\n");

        assertRestoreIntoANewDatabaseIsRefused("wms_tampered", tampered, "does not match its checksum");
    }

    @Test
    void restoreRefusesADumpWithoutAChecksum() throws Exception {
        Path original = Path.of(backup.output().strip());
        Path unchecked = Files.copy(original, Files.createDirectories(work.resolve("unchecked"))
                .resolve(original.getFileName()));

        assertRestoreIntoANewDatabaseIsRefused("wms_unchecked", unchecked,
                "there is no checksum file " + unchecked + ".sha256");
    }

    @Test
    void backupHandsThePasswordToPgDumpInAPrivateFileThatItRemovesNeverInTheEnvironment() throws Exception {
        server.execute("create role " + Postgres15Server.PASSWORD_USER + " login password 'dump-secret'",
                "grant pg_read_all_data to " + Postgres15Server.PASSWORD_USER);
        Path spy = Files.createDirectories(work.resolve("spy"));
        Path temporary = Files.createDirectories(work.resolve("password-tmp"));
        // Stands in for pg_dump: records what the real one would see, then runs it.
        Path pgDump = Files.writeString(spy.resolve("pg_dump"), String.join("\n",
                "#!/usr/bin/env bash",
                "env > \"" + spy.resolve("environment") + "\"",
                "stat -c %a \"$PGPASSFILE\" > \"" + spy.resolve("password-file-mode") + "\"",
                "exec " + Postgres15Server.BIN.resolve("pg_dump") + " \"$@\"",
                ""));
        assertThat(pgDump.toFile().setExecutable(true)).isTrue();
        Path backups = work.resolve("password");
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("PATH", spy + File.pathSeparator + settings.get("PATH"));
        settings.put("DB_USER", Postgres15Server.PASSWORD_USER);
        settings.put("DB_PASSWORD", "dump-secret");
        settings.put("TMPDIR", temporary.toString());

        OpsScript.Result result = OpsScript.run("backup-database.sh", settings, work);

        assertThat(result.exitStatus()).as(result.errors()).isZero();
        List<String> environment = Files.readAllLines(spy.resolve("environment"));
        assertThat(environment).noneMatch(variable -> variable.startsWith("PGPASSWORD="))
                .noneMatch(variable -> variable.startsWith("DB_PASSWORD="))
                .anyMatch(variable -> variable.startsWith("PGPASSFILE=" + temporary));
        assertThat(Files.readString(spy.resolve("password-file-mode")).strip()).isEqualTo("600");
        assertThat(fileNames(temporary)).isEmpty();
    }

    @Test
    void killedBackupLeavesNoPartialFileNoBackupAndNoRunningDump() throws Exception {
        Path backups = work.resolve("killed");
        Path temporary = Files.createDirectories(work.resolve("killed-tmp"));
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("DB_PASSWORD", "unused-but-written-to-a-password-file");
        settings.put("TMPDIR", temporary.toString());
        try (Connection blocker = wmsFirst(SOURCE).getConnection();
             Statement statement = blocker.createStatement()) {
            // pg_dump waits for this lock, so the backup is surely still running when it is killed.
            blocker.setAutoCommit(false);
            statement.execute("lock table products in access exclusive mode");
            OpsScript.Started started = OpsScript.start("backup-database.sh", settings, work);
            awaitDumpsWaitingForALock(1);

            started.process().destroy();

            assertThat(started.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(started.result().exitStatus()).isEqualTo(143);
            blocker.rollback();
        }
        assertThat(fileNames(backups)).isEmpty();
        assertThat(fileNames(temporary)).isEmpty();
        awaitDumpsWaitingForALock(0);
    }

    @Test
    void restoreRecreatesEveryTableRowForRow() throws SQLException {
        assertThat(restore.exitStatus()).as(restore.errors()).isZero();

        Map<String, String> source = tableFingerprints(wmsFirst(SOURCE));
        assertThat(source).containsKeys("users", "roles", "user_roles", "categories", "brands", "products",
                "product_batches", "product_batch_tracks", WmsMigrations.HISTORY_TABLE);
        assertThat(tableFingerprints(wmsFirst(RESTORED))).containsExactlyEntriesOf(source);
    }

    @Test
    void restoredIdentitiesContinueWhereTheSourceStopped() throws SQLException {
        Map<String, Long> source = sequenceValues(wmsFirst(SOURCE));

        assertThat(source).isNotEmpty();
        assertThat(sequenceValues(wmsFirst(RESTORED))).containsExactlyEntriesOf(source);
    }

    @Test
    void restoredLedgerStillRefusesToBeRewritten() {
        SQLException refusal = catchThrowableOfType(SQLException.class, () -> {
            try (Connection connection = wmsFirst(RESTORED).getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("update product_batch_tracks set quantity_change = 1000");
            }
        });

        assertThat(refusal.getSQLState()).isEqualTo("WMS01");
    }

    @Test
    void restoredSchemaValidatesAgainstTheMigrations() {
        WmsMigrations restored = WmsMigrations.on(wmsFirst(RESTORED));

        restored.validate();
        assertThat(restored.currentVersion()).isEqualTo(restored.latestVersion());
    }

    @Test
    void restoreRefusesADatabaseThatIsNotEmptyAndLeavesItUnchanged() throws Exception {
        Map<String, String> before = tableFingerprints(wmsFirst(SOURCE));

        OpsScript.Result refused = OpsScript.run("restore-database.sh", settings(SOURCE, backupDirectory), work,
                backup.output().strip());

        assertThat(refused.exitStatus()).isNotZero();
        assertThat(refused.errors()).contains("database " + SOURCE).contains("is not empty");
        assertThat(tableFingerprints(wmsFirst(SOURCE))).containsExactlyEntriesOf(before);
    }

    @Test
    void restoreRefusesACutOffBackupAndLeavesTheDatabaseEmpty() throws Exception {
        byte[] whole = Files.readAllBytes(Path.of(backup.output().strip()));
        Path cutOff = Files.write(work.resolve("cut-off.dump"), Arrays.copyOf(whole, whole.length / 2));
        // A file cut off before its checksum was taken: the checksum matches, reading the archive must still refuse it.
        writeChecksumBeside(cutOff);

        assertRestoreIntoANewDatabaseIsRefused("wms_cut_off", cutOff, "is not a complete pg_dump archive");
    }

    @Test
    void restoreRefusesACompressedPlainSqlDumpWithoutRunningTheShellCommandsItHolds() throws Exception {
        assertAPlainDumpIsRefusedWithoutRunningItsCommands("wms_plain_gz", SOURCE + "_backup_20260101_000000.sql.gz",
                true);
    }

    @Test
    void restoreRefusesAPlainSqlDumpNamedLikeAnArchiveWithoutRunningTheShellCommandsItHolds() throws Exception {
        assertAPlainDumpIsRefusedWithoutRunningItsCommands("wms_plain", SOURCE + "_backup_20260101_000000.dump", false);
    }

    @Test
    void restoreOfAnArchiveWhoseSqlHoldsAShellCommandNeverRunsIt() throws Exception {
        Path markers = Files.createDirectories(work.resolve("archive-markers"));
        String placeholder = "X".repeat(300);
        server.execute("create database wms_attack_source");
        try (Connection connection = wmsFirst("wms_attack_source").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create schema wms");
            statement.execute("create table wms.note (id integer)");
            statement.execute("comment on table wms.note is '" + placeholder + "'");
        }
        Path backups = work.resolve("attack");
        OpsScript.Result written = OpsScript.run("backup-database.sh", settings("wms_attack_source", backups), work);
        assertThat(written.exitStatus()).as(written.errors()).isZero();
        Path archive = Path.of(written.output().strip());
        // The archive's statements are stored as plain text: one of them now ends the comment and, to psql, would
        // go on with a shell command. Whoever can change the file can write its checksum too.
        String payload = "'';\n\\! touch " + markers.resolve("shell") + "\n--";
        plant(archive, "'" + placeholder + "'", payload + "-".repeat(placeholder.length() + 2 - payload.length()));
        writeChecksumBeside(archive);
        assertThat(archiveAsSql(archive)).as("the archive's SQL, as pg_restore would hand it to psql")
                .contains("\n\\! touch " + markers.resolve("shell") + "\n");

        assertRestoreIntoANewDatabaseIsRefused("wms_attacked", archive, "failed and was rolled back");
        assertThat(fileNames(markers)).as("files the archive's shell command made").isEmpty();
    }

    @Test
    void aFailedDumpLeavesNoFileAndDeletesNoOldBackup() throws Exception {
        // A role that may connect but may not read the tables: pg_dump fails after it has started writing.
        server.execute("create role wms_no_rights login");
        Path backups = work.resolve("failed-dump");
        backupFile(backups, SOURCE + "_backup_20200101_000000.dump", Duration.ofDays(400));
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("DB_USER", "wms_no_rights");

        OpsScript.Result failed = OpsScript.run("backup-database.sh", settings, work);

        assertThat(failed.exitStatus()).isNotZero();
        assertThat(failed.errors()).contains("permission denied").contains("no backup was written");
        assertThat(failed.output()).isEmpty();
        assertThat(fileNames(backups)).containsExactly(SOURCE + "_backup_20200101_000000.dump");
    }

    @Test
    void retentionDeletesThisDatabasesBackupsOlderThanRetentionDaysOnly() throws Exception {
        Path backups = work.resolve("retention");
        // A plain SQL dump of the script's earlier versions expires like an archive.
        backupFile(backups, SOURCE + "_backup_20191231_000000.sql.gz", Duration.ofDays(32));
        backupFile(backups, SOURCE + "_backup_20191231_000000.sql.gz.sha256", Duration.ofDays(32));
        backupFile(backups, SOURCE + "_backup_20200101_000000.dump", Duration.ofDays(31));
        backupFile(backups, SOURCE + "_backup_20200101_000000.dump.sha256", Duration.ofDays(31));
        backupFile(backups, SOURCE + "_backup_20200102_000000.dump", Duration.ofDays(29));
        backupFile(backups, SOURCE + "_backup_20200102_000000.dump.sha256", Duration.ofDays(29));
        backupFile(backups, "other_backup_20200101_000000.dump", Duration.ofDays(31));
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("RETENTION_DAYS", "30");

        OpsScript.Result result = OpsScript.run("backup-database.sh", settings, work);

        assertThat(result.exitStatus()).as(result.errors()).isZero();
        assertThat(result.errors()).contains("Deleted expired backup: ")
                .contains(SOURCE + "_backup_20200101_000000.dump").contains(SOURCE + "_backup_20191231_000000.sql.gz");
        String written = Path.of(result.output().strip()).getFileName().toString();
        assertThat(fileNames(backups)).containsExactlyInAnyOrder(
                SOURCE + "_backup_20200102_000000.dump",
                SOURCE + "_backup_20200102_000000.dump.sha256",
                "other_backup_20200101_000000.dump",
                written, written + ".sha256");
    }

    @Test
    void backupOverVerifyFullTlsTakesTheLibrarysCertificateSettings() throws Exception {
        assumeTrue(certificates != null, "openssl is not on PATH: no certificates for a TLS test");
        Path backups = work.resolve("tls");
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("DB_SSLMODE", "verify-full");
        settings.put("DB_SSLROOTCERT", certificates.authority().toString());

        OpsScript.Result result = OpsScript.run("backup-database.sh", settings, work);

        assertThat(result.exitStatus()).as(result.errors()).isZero();
        String written = Path.of(result.output().strip()).getFileName().toString();
        assertThat(fileNames(backups)).containsExactly(written, written + ".sha256");
    }

    @Test
    void backupOverVerifyFullTlsRefusesAServerCertificateFromAnotherAuthority() throws Exception {
        assumeTrue(certificates != null, "openssl is not on PATH: no certificates for a TLS test");
        Path backups = work.resolve("tls-stranger");
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("DB_SSLMODE", "verify-full");
        settings.put("DB_SSLROOTCERT", certificates.strangerAuthority().toString());

        OpsScript.Result refused = OpsScript.run("backup-database.sh", settings, work);

        assertThat(refused.exitStatus()).isNotZero();
        assertThat(refused.errors()).contains("certificate verify failed").contains("cannot connect");
        assertThat(fileNames(backups)).isEmpty();
    }

    @Test
    void backupRefusesAServerNewerThanItsPgDumpSayingSo() throws Exception {
        try (WmsTestDatabase newer = WmsTestServer.embedded().createEmptyDatabase()) {
            long serverMajor = queryLong(newer.dataSource(), "select current_setting('server_version_num')::int / 10000");
            assumeTrue(serverMajor > 15, "the embedded server is not newer than pg_dump 15");
            Path backups = work.resolve("newer-server");
            Map<String, String> settings = settings(newer.databaseName(), backups);
            settings.put("DB_HOST", newer.host());
            settings.put("DB_PORT", Integer.toString(newer.port()));
            settings.put("DB_USER", newer.username());
            settings.put("DB_PASSWORD", newer.password());

            OpsScript.Result refused = OpsScript.run("backup-database.sh", settings, work);

            assertThat(refused.exitStatus()).isNotZero();
            assertThat(refused.errors())
                    .contains("pg_dump 15 is older than the PostgreSQL " + serverMajor + " server")
                    .contains("/usr/lib/postgresql/" + serverMajor + "/bin");
            assertThat(fileNames(backups)).isEmpty();
        }
    }

    @Test
    void backupSaysSoWhenPgDumpIsNotInstalled() throws Exception {
        Path emptyPath = Files.createDirectories(work.resolve("no-tools"));
        Path backups = work.resolve("no-pg-dump");
        Map<String, String> settings = settings(SOURCE, backups);
        settings.put("PATH", emptyPath.toString());

        OpsScript.Result refused = OpsScript.run("backup-database.sh", settings, work);

        assertThat(refused.exitStatus()).isNotZero();
        assertThat(refused.errors()).contains("pg_dump is not installed or not on PATH");
        assertThat(fileNames(backups)).isEmpty();
    }
}
