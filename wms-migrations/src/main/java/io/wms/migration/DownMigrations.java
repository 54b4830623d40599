package io.wms.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import io.wms.core.error.MigrationException;
import io.wms.migration.DroppedTables.DroppedTable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Runs the down scripts of {@value WmsMigrations#UNDO_LOCATION} for {@link WmsMigrations#undo(String, UndoOption...)}.
 *
 * <p>Flyway's community edition has no undo, so this class plays Flyway's part: it reads what is applied from
 * Flyway, runs each down script and deletes the version's row from the history table in one transaction, so that
 * the history never claims a version whose objects are gone, nor the reverse.
 *
 * <p>No SQL text is read for facts: what undo must know of a down script beyond running it (the tables it drops,
 * which of their rows are data) is declared in {@link DroppedTables}, and each version's transaction checks in the
 * catalog that the script dropped exactly those tables before it commits. A script's comments are only ever sent to
 * the server with it.
 *
 * <p>Nothing here depends on the connections' {@code search_path}: a host's data source may not name the wms schema
 * at all, and may find its own tables of the same names first. The down scripts name every object with its schema
 * and run with the search_path narrowed to it, and the tables they drop are found in the catalog and counted by their
 * schema-qualified names.
 */
final class DownMigrations {

    /** Every table of the database that holds rows beyond a session, by oid, with its schema and name. */
    private static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't'""";

    /** The version of a schema with nothing applied, the lowest target of undo. */
    private static final MigrationVersion EMPTY = MigrationVersion.fromVersion("0");

    private final DataSource dataSource;
    private final String schema;
    private final Flyway flyway;

    /** Undoes the wms schema {@code schema}, a name matching the schema rule that Flyway has as its default schema. */
    DownMigrations(DataSource dataSource, String schema, Flyway flyway) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.flyway = flyway;
    }

    UndoResult undo(String toVersion, UndoOption... options) {
        MigrationVersion target = parseTarget(toVersion);
        Set<UndoOption> chosen = options.length == 0 ? EnumSet.noneOf(UndoOption.class) : EnumSet.copyOf(Arrays.asList(options));
        MigrationInfoService info = info();
        checkKnown(toVersion, target, info);
        String versionBefore = WmsMigrations.newestApplied(info);
        boolean aboveCurrent = versionBefore == null ? !target.equals(EMPTY) : target.isNewerThan(versionBefore);
        if (aboveCurrent) {
            throw new MigrationException("Cannot undo the wms schema to version " + toVersion + ": the database is at "
                    + (versionBefore == null ? "no version" : "version " + versionBefore)
                    + ", and undo only goes down; migrate() goes up", null);
        }

        List<DownScript> scripts = downScriptsAbove(target, info);
        try (Connection connection = dataSource.getConnection()) {
            List<TableRows> withRows = tablesWithRows(connection, scripts);
            if (!withRows.isEmpty() && !chosen.contains(UndoOption.DROP_DATA)) {
                throw new UndoRefusedException(toVersion, withRows);
            }
            String historyTable = quote(schema) + "." + quote(flyway.getConfiguration().getTable());
            for (DownScript script : scripts) {
                run(connection, script, historyTable, toVersion, chosen.contains(UndoOption.DROP_DATA));
            }
            List<String> undone = scripts.stream().map(DownScript::version).toList();
            return new UndoResult(versionBefore, currentVersion(), undone, withRows);
        } catch (SQLException e) {
            throw new MigrationException("Undoing the wms schema to version " + toVersion + " failed: " + e.getMessage(), e);
        }
    }

    private static MigrationVersion parseTarget(String toVersion) {
        if (toVersion == null || !toVersion.matches("\\d+(\\.\\d+)*")) {
            throw new MigrationException("Cannot undo the wms schema to version '" + toVersion
                    + "': a version is a number such as 3, or 0 for an empty schema", null);
        }
        return MigrationVersion.fromVersion(toVersion);
    }

    private MigrationInfoService info() {
        try {
            return flyway.info();
        } catch (FlywayException e) {
            throw new MigrationException("Reading the wms schema history failed: " + e.getMessage(), e);
        }
    }

    private static void checkKnown(String toVersion, MigrationVersion target, MigrationInfoService info) {
        boolean known = target.equals(EMPTY) || Arrays.stream(info.all())
                .map(MigrationInfo::getVersion)
                .anyMatch(target::equals);
        if (!known) {
            throw new MigrationException("Cannot undo the wms schema to version " + toVersion
                    + ": no such migration; known versions are 0 (empty) and " + Arrays.stream(info.all())
                    .map(MigrationInfo::getVersion).filter(version -> version != null)
                    .map(MigrationVersion::getVersion).distinct().collect(Collectors.joining(", ")), null);
        }
    }

    /** The down scripts of every applied version above the target, newest first, or a refusal naming the missing. */
    private List<DownScript> downScriptsAbove(MigrationVersion target, MigrationInfoService info) {
        List<MigrationInfo> applied = Arrays.stream(info.applied())
                .filter(migration -> migration.getVersion() != null && migration.getVersion().isNewerThan(target.getVersion()))
                .sorted(Comparator.comparing(MigrationInfo::getVersion).reversed())
                .toList();
        List<DownScript> scripts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> placeholders = placeholders();
        for (MigrationInfo migration : applied) {
            String version = migration.getVersion().getVersion();
            String script = migration.getScript();
            String resource = WmsMigrations.UNDO_LOCATION + "/U"
                    + (script.startsWith("V") ? script.substring(1) : script);
            String sql = readResource(resource);
            if (sql == null) {
                missing.add(version + " (" + resource + ")");
            } else {
                scripts.add(new DownScript(version, resource, withPlaceholdersReplaced(resource, sql, placeholders),
                        DroppedTables.of(version)));
            }
        }
        if (!missing.isEmpty()) {
            throw new MigrationException("Cannot undo the wms schema to version " + target.getVersion()
                    + ": no down script for applied version " + String.join(", ", missing), null);
        }
        return scripts;
    }

    private static String readResource(String resource) {
        try (InputStream script = WmsMigrations.class.getClassLoader().getResourceAsStream(resource)) {
            return script == null ? null : new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + resource, e);
        }
    }

    private List<TableRows> tablesWithRows(Connection connection, List<DownScript> scripts) throws SQLException {
        List<TableRows> withRows = new ArrayList<>();
        for (DownScript script : scripts) {
            withRows.addAll(tablesWithRows(connection, script));
        }
        return withRows;
    }

    private List<TableRows> tablesWithRows(Connection connection, DownScript script) throws SQLException {
        List<TableRows> withRows = new ArrayList<>();
        for (DroppedTable table : existing(connection, script.droppedTables())) {
            try (PreparedStatement statement = connection.prepareStatement(countOf(table));
                 ResultSet count = statement.executeQuery()) {
                count.next();
                if (count.getLong(1) > 0) {
                    withRows.add(new TableRows(table.name(), count.getLong(1)));
                }
            }
        }
        return withRows;
    }

    /** The count of a dropped table's lost rows: its quoted name, and the condition declared for it, if any. */
    private String countOf(DroppedTable table) {
        String count = "SELECT count(*) FROM " + qualified(table.name());
        return table.lostRows() == null ? count : count + " WHERE " + table.lostRows().condition(this::qualified);
    }

    /** The tables of the wms schema among those named, as the catalog has them, whatever the search_path says. */
    private List<DroppedTable> existing(Connection connection, List<DroppedTable> tables) throws SQLException {
        List<DroppedTable> existing = new ArrayList<>();
        try (PreparedStatement exists = connection.prepareStatement("""
                SELECT EXISTS (SELECT FROM pg_catalog.pg_class c
                               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p'))""")) {
            exists.setString(1, schema);
            for (DroppedTable table : tables) {
                exists.setString(2, table.name());
                try (ResultSet result = exists.executeQuery()) {
                    result.next();
                    if (result.getBoolean(1)) {
                        existing.add(table);
                    }
                }
            }
        }
        return existing;
    }

    /** Every table of the database that outlives a session, as {@code schema.table} by oid. */
    private static Map<Long, String> tables(Connection connection) throws SQLException {
        Map<Long, String> tables = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.put(rows.getLong(1), rows.getString(2) + "." + rows.getString(3));
            }
        }
        return tables;
    }

    /**
     * Refuses a down script that dropped other tables than its declaration names, or kept one of them: undo counted
     * the rows of the declared tables only, so any other table's rows would go unasked.
     */
    private void checkDropped(DownScript script, List<DroppedTable> declared, Map<Long, String> before,
                              Map<Long, String> after) {
        List<String> dropped = before.entrySet().stream().filter(table -> !after.containsKey(table.getKey()))
                .map(Map.Entry::getValue).sorted().toList();
        List<String> expected = declared.stream().map(table -> schema + "." + table.name()).sorted().toList();
        if (!dropped.equals(expected)) {
            throw new MigrationException("Down script " + script.resource() + " dropped "
                    + (dropped.isEmpty() ? "no table" : String.join(", ", dropped)) + " where DroppedTables declares "
                    + (expected.isEmpty() ? "none" : String.join(", ", expected)) + " for version " + script.version()
                    + "; it was rolled back", null);
        }
    }

    /**
     * The values Flyway gives the placeholders of a migration, so that a down script names the same schema as the
     * migration it reverses.
     */
    private Map<String, String> placeholders() {
        Configuration configuration = flyway.getConfiguration();
        Map<String, String> values = new HashMap<>(configuration.getPlaceholders());
        values.put("flyway:defaultSchema", schema);
        values.put("flyway:table", configuration.getTable());
        return values;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A table of the wms schema as a statement names it: schema and table, each quoted. */
    private String qualified(String table) {
        return quote(schema) + "." + quote(table);
    }

    /**
     * Runs one down script and forgets its version, in one transaction. The tables it drops are locked before they
     * are counted again, so that no row can be written between the check and the drop.
     */
    private void run(Connection connection, DownScript script, String historyTable, String toVersion,
                     boolean dropData) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // As for migrations: nothing a role planted in a schema on the connection's path may run as the owner.
            WmsMigrations.narrowSearchPath(connection, schema);
            statement.execute("LOCK TABLE " + historyTable + " IN SHARE ROW EXCLUSIVE MODE");
            List<DroppedTable> dropped = existing(connection, script.droppedTables());
            if (!dropped.isEmpty()) {
                statement.execute("LOCK TABLE " + dropped.stream().map(table -> qualified(table.name()))
                        .collect(Collectors.joining(", ")) + " IN ACCESS EXCLUSIVE MODE");
            }
            List<TableRows> withRows = tablesWithRows(connection, script);
            if (!withRows.isEmpty() && !dropData) {
                throw new UndoRefusedException(toVersion, withRows);
            }
            Map<Long, String> before = tables(connection);
            statement.execute(script.sql());
            checkDropped(script, dropped, before, tables(connection));
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM " + historyTable + " WHERE version = ?")) {
                forget.setString(1, script.version());
                if (forget.executeUpdate() == 0) {
                    throw new MigrationException("Version " + script.version()
                            + " left the wms schema history while it was being undone: another undo ran at the same time", null);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            if (e instanceof SQLException sqlException) {
                throw new MigrationException("Undoing version " + script.version() + " (" + script.resource()
                        + ") failed and was rolled back: " + e.getMessage(), sqlException);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private String currentVersion() {
        return WmsMigrations.newestApplied(info());
    }

    /**
     * A script with each placeholder replaced as Flyway replaces a migration's, between the prefix and suffix Flyway
     * is configured with ({@code ${name}}), or a refusal naming one that has no value.
     */
    private String withPlaceholdersReplaced(String resource, String sql, Map<String, String> values) {
        String prefix = flyway.getConfiguration().getPlaceholderPrefix();
        String suffix = flyway.getConfiguration().getPlaceholderSuffix();
        StringBuilder replaced = new StringBuilder();
        int copied = 0;
        for (int start = sql.indexOf(prefix); start >= 0; start = sql.indexOf(prefix, copied)) {
            int end = sql.indexOf(suffix, start + prefix.length());
            String value = end < 0 ? null : values.get(sql.substring(start + prefix.length(), end));
            if (value == null) {
                String placeholder = end < 0 ? sql.substring(start) : sql.substring(start, end + suffix.length());
                throw new MigrationException("Down script " + resource + " uses the placeholder " + placeholder
                        + ", which has no value", null);
            }
            replaced.append(sql, copied, start).append(value);
            copied = end + suffix.length();
        }
        return replaced.append(sql, copied, sql.length()).toString();
    }

    /**
     * One applied version's down script with its placeholders replaced, and the tables of the wms schema it drops as
     * {@link DroppedTables} declares them.
     */
    private record DownScript(String version, String resource, String sql, List<DroppedTable> droppedTables) {
    }
}
