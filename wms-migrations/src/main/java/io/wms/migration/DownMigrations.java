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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import io.wms.core.error.MigrationException;
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
 * <p>Nothing here depends on the connections' {@code search_path}: a host's data source may not name the wms schema
 * at all, and may find its own tables of the same names first. The down scripts name every object with its schema,
 * and the tables they drop are found in the catalog and counted by their schema-qualified names.
 */
final class DownMigrations {

    /** A {@code DROP TABLE} statement; its names run up to an optional {@code CASCADE}/{@code RESTRICT} and the end. */
    private static final Pattern DROP_TABLE = Pattern.compile(
            "\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.+?)(?:\\s+(?:CASCADE|RESTRICT))?\\s*;",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Pattern LINE_COMMENT = Pattern.compile("--[^\\n]*");

    /**
     * A down script's line saying which rows of a table it drops would be lost, where the others are rows its
     * migration made itself (a default row) or that other tables already say: {@code -- lost rows: table where
     * condition}, the table by its name in the wms schema. A condition naming another table names it with its
     * schema, as the statements do. A dropped table without such a line loses all its rows.
     */
    private static final Pattern LOST_ROWS = Pattern.compile("^--\\s*lost rows:\\s*(\\S+)\\s+where\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /**
     * How a down script names a table it drops: with the placeholder of the wms schema, {@code
     * "${flyway:defaultSchema}".name}, so that the statement can never reach a host's table of the same name.
     */
    private static final Pattern TABLE_IN_THE_SCHEMA =
            Pattern.compile("\"\\$\\{flyway:defaultSchema}\"\\.([a-z_][a-z0-9_]*)");

    /** A Flyway placeholder, {@code ${name}}, as the migrations use it. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

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
            String resource = WmsMigrations.UNDO_LOCATION + "/U" + migration.getScript().replaceFirst("^V", "");
            String sql = readResource(resource);
            if (sql == null) {
                missing.add(version + " (" + resource + ")");
            } else {
                String replaced = withPlaceholdersReplaced(resource, sql, placeholders);
                scripts.add(new DownScript(version, resource, replaced, droppedTables(resource, sql),
                        lostRows(replaced)));
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

    /**
     * The tables a down script drops, by their names in the wms schema, or a refusal naming one it drops without
     * naming that schema: the statement would drop whatever table of that name the search_path finds first.
     */
    static List<String> droppedTables(String resource, String sql) {
        Matcher drops = DROP_TABLE.matcher(LINE_COMMENT.matcher(sql).replaceAll(""));
        Set<String> tables = new LinkedHashSet<>();
        while (drops.find()) {
            for (String name : drops.group(1).split(",")) {
                Matcher table = TABLE_IN_THE_SCHEMA.matcher(name.strip());
                if (!table.matches()) {
                    throw new MigrationException("Down script " + resource + " drops the table " + name.strip()
                            + " without naming the wms schema; write it \"${flyway:defaultSchema}\".<table>", null);
                }
                tables.add(table.group(1));
            }
        }
        return List.copyOf(tables);
    }

    /** The conditions of the {@link #LOST_ROWS} lines of a down script, by table. */
    static Map<String, String> lostRows(String sql) {
        Matcher lines = LOST_ROWS.matcher(sql);
        Map<String, String> conditions = new HashMap<>();
        while (lines.find()) {
            conditions.put(lines.group(1), lines.group(2).strip());
        }
        return Map.copyOf(conditions);
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
        for (String table : existing(connection, script.droppedTables())) {
            try (Statement statement = connection.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*) FROM " + qualified(table)
                         + (script.lostRows().containsKey(table) ? " WHERE " + script.lostRows().get(table) : ""))) {
                count.next();
                if (count.getLong(1) > 0) {
                    withRows.add(new TableRows(table, count.getLong(1)));
                }
            }
        }
        return withRows;
    }

    /** The tables of the wms schema among those named, as the catalog has them, whatever the search_path says. */
    private List<String> existing(Connection connection, List<String> tables) throws SQLException {
        List<String> existing = new ArrayList<>();
        try (PreparedStatement exists = connection.prepareStatement("""
                SELECT EXISTS (SELECT FROM pg_catalog.pg_class c
                               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p'))""")) {
            exists.setString(1, schema);
            for (String table : tables) {
                exists.setString(2, table);
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
            List<String> dropped = existing(connection, script.droppedTables());
            if (!dropped.isEmpty()) {
                statement.execute("LOCK TABLE " + dropped.stream().map(this::qualified).collect(Collectors.joining(", "))
                        + " IN ACCESS EXCLUSIVE MODE");
            }
            List<TableRows> withRows = tablesWithRows(connection, script);
            if (!withRows.isEmpty() && !dropData) {
                throw new UndoRefusedException(toVersion, withRows);
            }
            statement.execute(script.sql());
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

    /** A script with each {@code ${name}} replaced, or a refusal naming one that has no value. */
    private static String withPlaceholdersReplaced(String resource, String sql, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        StringBuilder replaced = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new MigrationException("Down script " + resource + " uses the placeholder ${"
                        + placeholder.group(1) + "}, which has no value", null);
            }
            placeholder.appendReplacement(replaced, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(replaced);
        return replaced.toString();
    }

    /**
     * One applied version's down script with its placeholders replaced, the tables of the wms schema its {@code DROP
     * TABLE} statements name, and for some of them the condition of the rows that dropping them would lose.
     */
    private record DownScript(String version, String resource, String sql, List<String> droppedTables,
                              Map<String, String> lostRows) {
    }
}
