package io.wms.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

import io.wms.core.error.ConfigurationException;
import io.wms.core.error.MigrationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Applies, inspects, validates and undoes the wms schema on a database.
 *
 * <p>The schema is a set of versioned SQL migrations shipped in this module under {@value #LOCATION}. They are
 * applied with Flyway into one database schema, {@value #DEFAULT_SCHEMA} unless another is named, which they create
 * if it is missing; Flyway records them in the table {@value #HISTORY_TABLE} inside that same schema. So wms shares a
 * database with the host's own tables (and the host's own Flyway history in {@code public}), and two wms schemas
 * share a database without touching each other. Migrating is idempotent: a second call on a current schema changes
 * nothing.
 *
 * <p>Instances are immutable and thread-safe; Flyway itself serialises concurrent migrations of one database with
 * an advisory lock. The {@link DataSource} stays the caller's: it is never closed here. Run migrations as the
 * schema owner; the application itself can run as a role without DDL rights.
 *
 * <pre>{@code
 * MigrationResult result = WmsMigrations.on(dataSource).migrate();
 * }</pre>
 */
public final class WmsMigrations {

    /** Where the SQL migrations are on the class path. */
    public static final String LOCATION = "classpath:db/wms/migration";

    /**
     * The database schema wms lives in unless told otherwise: {@value}. An installation made before wms had its own
     * schema has its tables in {@code public}; name {@code public} to keep using it.
     */
    public static final String DEFAULT_SCHEMA = "wms";

    /**
     * What a schema name may be: a plain, lower-case SQL identifier that needs no quoting, at most 63 characters
     * (PostgreSQL's limit), and not in the {@code pg_} namespace PostgreSQL reserves.
     */
    public static final String SCHEMA_RULE = "[a-z_][a-z0-9_]{0,62}";

    /** The table, inside the wms schema, in which Flyway records the applied migrations. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    /**
     * Where the down scripts are on the class path: {@code U<n>__<description>.sql} undoes
     * {@code V<n>__<description>.sql}. Flyway does not scan this folder.
     */
    public static final String UNDO_LOCATION = "db/wms/undo";

    /** The grants of the application role, a psql script, on the class path. */
    public static final String APPLICATION_ROLE_GRANTS = "db/wms/security/grant-application-role.sql";

    private final DataSource dataSource;
    private final String schema;
    private final Flyway flyway;

    private WmsMigrations(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.flyway = Flyway.configure(WmsMigrations.class.getClassLoader())
                .dataSource(dataSource)
                // The first schema is also ${flyway:defaultSchema} and the home of the history table; the callback
                // makes it the whole search_path of every migration.
                .schemas(schema)
                .defaultSchema(schema)
                .callbacks(new SchemaOnlySearchPath(schema))
                .createSchemas(true)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .loggers("slf4j")
                .cleanDisabled(true)
                // The migrations name their own schema as ${flyway:defaultSchema}, never as public.
                .placeholderReplacement(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .load();
    }

    /**
     * Creates the migrations API for the wms schema {@value #DEFAULT_SCHEMA} of a database.
     *
     * @param dataSource connections to the database, as a user allowed to create tables; never {@code null}
     * @return the API; never {@code null}
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    public static WmsMigrations on(DataSource dataSource) {
        return on(dataSource, DEFAULT_SCHEMA);
    }

    /**
     * Creates the migrations API for a wms schema of the given name in a database.
     *
     * @param dataSource connections to the database, as a user allowed to create tables (and the schema, if it does
     *                   not exist yet); never {@code null}
     * @param schema     the schema's name, matching {@value #SCHEMA_RULE} and not starting with {@code pg_}, for
     *                   example {@code "wms"}, {@code "tenant_a"}, or {@code "public"} for an installation made
     *                   before wms had a schema of its own
     * @return the API; never {@code null}
     * @throws NullPointerException   if {@code dataSource} is {@code null}
     * @throws ConfigurationException (setting {@code schema}) if the name breaks the rule
     */
    public static WmsMigrations on(DataSource dataSource, String schema) {
        Objects.requireNonNull(dataSource, "dataSource");
        if (!isSchemaName(schema)) {
            throw new ConfigurationException("schema", "expected a lower-case SQL identifier of at most 63 letters, "
                    + "digits and underscores, not starting with a digit or pg_, got '" + schema + "'");
        }
        return new WmsMigrations(dataSource, schema);
    }

    /**
     * Tells whether a name may be a wms schema's: it matches {@value #SCHEMA_RULE} and does not start with
     * {@code pg_}.
     *
     * @param schema the name; {@code null} is not one
     * @return {@code true} if wms accepts it
     */
    public static boolean isSchemaName(String schema) {
        return schema != null && schema.matches(SCHEMA_RULE) && !schema.startsWith("pg_");
    }

    /**
     * Returns the schema this API migrates.
     *
     * @return the schema's name; never {@code null}
     */
    public String schema() {
        return schema;
    }

    /**
     * Applies every pending migration, in version order, each in its own transaction.
     *
     * @return what was applied; never {@code null}
     * @throws MigrationException if a migration fails (that migration is rolled back) or the database cannot be
     *                            reached, or an applied migration was changed since it ran
     */
    public MigrationResult migrate() {
        try {
            String before = currentVersion();
            MigrateResult result = flyway.migrate();
            List<String> applied = result.migrations.stream().map(migration -> migration.version).toList();
            return new MigrationResult(before, currentVersion(), applied);
        } catch (FlywayException e) {
            throw new MigrationException("Migrating the wms schema failed: " + e.getMessage(), e);
        }
    }

    /**
     * Lists every migration this library knows or the database has recorded, with its state.
     *
     * @return the migrations in version order; never {@code null}
     * @throws MigrationException if the database cannot be read
     */
    public List<AppliedMigration> info() {
        try {
            // Flyway records the schema it created as a row without a version: not a migration of wms.
            return Arrays.stream(flyway.info().all()).filter(migration -> migration.getVersion() != null)
                    .map(WmsMigrations::toAppliedMigration).toList();
        } catch (FlywayException e) {
            throw new MigrationException("Reading the wms schema history failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the version of the newest migration applied to the database.
     *
     * @return the version, for example {@code "4"}; {@code null} if no migration was ever applied
     * @throws MigrationException if the database cannot be read
     */
    public String currentVersion() {
        try {
            return newestApplied(flyway.info());
        } catch (FlywayException e) {
            throw new MigrationException("Reading the wms schema version failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the newest version applied, skipping the row without a version that records the schema's creation.
     *
     * @param info the schema history
     * @return the version, or {@code null} when none is applied
     */
    static String newestApplied(MigrationInfoService info) {
        return Arrays.stream(info.applied()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(MigrationVersion::getVersion).orElse(null);
    }

    /**
     * Returns the version of the newest migration this library ships.
     *
     * @return the latest version, for example {@code "4"}; never {@code null}
     */
    public String latestVersion() {
        MigrationVersion latest = Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new MigrationException("No wms migrations found at " + LOCATION, null));
        return latest.getVersion();
    }

    /**
     * Checks that the database holds exactly the migrations of this library, unchanged and all applied.
     *
     * @throws MigrationException naming every problem found: a pending migration, a changed checksum, a
     *                            migration unknown to this library
     */
    public void validate() {
        ValidateResult result;
        try {
            result = flyway.validateWithResult();
        } catch (FlywayException e) {
            throw new MigrationException("Validating the wms schema failed: " + e.getMessage(), e);
        }
        if (!result.validationSuccessful) {
            String problems = result.invalidMigrations.stream()
                    .map(invalid -> invalid.version + " (" + invalid.filepath + "): " + invalid.errorDetails.errorMessage)
                    .reduce((left, right) -> left + "; " + right)
                    .orElse(result.getAllErrorMessages());
            throw new MigrationException("The wms schema does not match this library: " + problems, null);
        }
    }

    /**
     * Undoes every applied migration above a version, newest first, by running its down script from
     * {@value #UNDO_LOCATION}. Each version's down script and the removal of its row from the history table run in one
     * transaction, so a failure leaves the schema at the last version fully undone.
     *
     * <p>Before anything changes, undo counts the rows of every table the down scripts would drop, and refuses while
     * any holds a row unless {@link UndoOption#DROP_DATA} is given. Undo to the current version changes nothing.
     *
     * <p>The data source's {@code search_path} need not name the schema: the down scripts and the counts name every
     * object with its schema, so a host's tables of the same names in {@code public} are neither counted nor
     * dropped.
     *
     * <pre>{@code
     * migrations.undo("3");                         // refuses if idempotency_keys holds rows
     * migrations.undo("0", UndoOption.DROP_DATA);   // drops every wms table, rows and all
     * }</pre>
     *
     * @param toVersion the version to leave applied, for example {@code "3"}, or {@code "0"} for none
     * @param options   {@link UndoOption#DROP_DATA} to drop tables that hold rows; none to refuse that
     * @return the versions undone, and the rows dropped with {@code DROP_DATA}; never {@code null}
     * @throws UndoRefusedException if a table to drop holds rows and {@code DROP_DATA} was not given, naming each
     *                              such table and its row count; nothing was changed
     * @throws MigrationException   if {@code toVersion} is not a version of this library or is above the current one,
     *                              if an applied version above it has no down script (nothing was changed then), or
     *                              if a down script fails or drops another table than those declared for it (that
     *                              version is rolled back; newer ones stay undone)
     */
    public UndoResult undo(String toVersion, UndoOption... options) {
        return new DownMigrations(dataSource, schema, flyway).undo(toVersion, Objects.requireNonNull(options, "options"));
    }

    /**
     * Undoes every applied migration above a version; the same as {@link #undo(String, UndoOption...)} with the
     * version as a number.
     *
     * @param toVersion the version to leave applied, for example {@code 3}, or {@code 0} for none
     * @param options   {@link UndoOption#DROP_DATA} to drop tables that hold rows; none to refuse that
     * @return the versions undone, and the rows dropped with {@code DROP_DATA}; never {@code null}
     * @throws UndoRefusedException if a table to drop holds rows and {@code DROP_DATA} was not given
     * @throws MigrationException   if {@code toVersion} is negative, unknown or above the current version, if a down
     *                              script is missing, or if one fails
     */
    public UndoResult undo(int toVersion, UndoOption... options) {
        return undo(Integer.toString(toVersion), options);
    }

    /**
     * Grants an existing database role what the application needs at run time, and nothing more: it can read and
     * write rows and append to the ledger, but cannot change the schema or rewrite ledger rows: it inserts no id and
     * no ledger time of its choosing, and may not purge a batch that has ledger rows. Runs the statements of
     * {@value #APPLICATION_ROLE_GRANTS} (also usable with {@code psql -v app_role=NAME -f}) in one transaction, so
     * that a failure grants and revokes nothing.
     *
     * <p>What the role would otherwise get through {@code PUBLIC} is taken from {@code PUBLIC}: {@code CREATE} on the
     * wms schema and on schema {@code public} (held by {@code PUBLIC} on PostgreSQL 14 and older), where a role could
     * plant functions that run with the rights of whoever calls them, and {@code TEMPORARY} on the database. Other
     * roles of the database that need temporary tables must be granted {@code TEMPORARY} explicitly.
     *
     * <p>Run it as the owner of the database, of the schema and of schema {@code public} (a superuser on PostgreSQL
     * 14 and older, where {@code public} belongs to the bootstrap superuser) after {@link #migrate()}, and again after
     * every upgrade. Creating the role (with its password) stays the database administrator's act.
     *
     * @param role the role's name, for example {@code "go_wms_app"}; letters, digits and underscores
     * @throws MigrationException if the name is not a plain identifier, the role does not exist, the grants fail,
     *                            or the connected user could not take a right away (the message says which)
     */
    public void grantApplicationRole(String role) {
        if (role == null || !role.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new MigrationException("Application role name must be a plain identifier of at most 63 letters, "
                    + "digits and underscores, got '" + role + "'", null);
        }
        // The name is a plain identifier (checked above), so quoting it cannot be escaped from.
        String quotedRole = "\"" + role + "\"";
        String roleLiteral = "'" + role + "'";
        // The schema name matched SCHEMA_RULE when this object was made: quoting it cannot be escaped from either.
        String quotedSchema = "\"" + schema + "\"";
        String schemaLiteral = "'" + schema + "'";
        String grants = applicationRoleGrants().replace(":\"app_role\"", quotedRole).replace(":'app_role'", roleLiteral)
                .replace(":\"wms_schema\"", quotedSchema).replace(":'wms_schema'", schemaLiteral);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            // The driver splits the script into its statements, as the server's lexer reads them (comments, quotes and
            // dollar-quoted blocks included), and sends them together.
            try (Statement statement = connection.createStatement()) {
                statement.execute(grants);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrationException("Granting the application role " + role + " failed: " + e.getMessage(), e);
        }
    }

    private static String applicationRoleGrants() {
        try (InputStream script = WmsMigrations.class.getClassLoader().getResourceAsStream(APPLICATION_ROLE_GRANTS)) {
            if (script == null) {
                throw new MigrationException("Missing " + APPLICATION_ROLE_GRANTS + " on the class path", null);
            }
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationException("Cannot read " + APPLICATION_ROLE_GRANTS, e);
        }
    }

    /**
     * Sets the {@code search_path} of the connection's current transaction to the wms schema, then {@code pg_temp}
     * (see {@link SchemaOnlySearchPath} for why); it ends with the transaction.
     *
     * @param connection a connection in a transaction
     * @param schema     the wms schema, a name that matched the schema rule
     * @throws SQLException as the driver throws it
     */
    static void narrowSearchPath(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("SELECT pg_catalog.set_config('search_path', ?, true)")) {
            // The name matched the schema rule: quoting it cannot be escaped from.
            statement.setString(1, "\"" + schema + "\", pg_temp");
            statement.execute();
        }
    }

    /**
     * Narrows each migration's {@code search_path} to the wms schema alone, for that migration's transaction.
     *
     * <p>Flyway puts the schema in front of the connection's own path, which keeps {@code public} on it. A function
     * or operator that a role allowed to create in {@code public} planted there, with argument types that match a
     * migration's call better than pg_catalog's (a {@code lower(varchar)} beside {@code pg_catalog.lower(text)}), would
     * then be bound into an index or a check, and would run inside the migration with the owner's rights. With the
     * wms schema alone on the path, names resolve in pg_catalog (searched first when the path does not name it), then
     * in the wms schema, where only its owner creates; {@code pg_temp} is named last so that no temporary table
     * stands in for a wms table. {@code set_config(..., true)} ends with the transaction, so the host's connection
     * keeps its own path.
     */
    private static final class SchemaOnlySearchPath extends BaseCallback {

        private final String schema;

        SchemaOnlySearchPath(String schema) {
            this.schema = schema;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                narrowSearchPath(context.getConnection(), schema);
            } catch (SQLException e) {
                throw new MigrationException("Narrowing the migration's search_path failed: " + e.getMessage(), e);
            }
        }

        @Override
        public String getCallbackName() {
            return "wms-search-path";
        }
    }

    private static AppliedMigration toAppliedMigration(MigrationInfo info) {
        Instant installedOn = info.getInstalledOn() == null ? null : info.getInstalledOn().toInstant();
        String version = info.getVersion() == null ? "" : info.getVersion().getVersion();
        return new AppliedMigration(version, info.getDescription(), info.getScript(), stateOf(info), installedOn);
    }

    private static MigrationState stateOf(MigrationInfo info) {
        return switch (info.getState()) {
            case PENDING -> MigrationState.PENDING;
            case SUCCESS, BASELINE, OUT_OF_ORDER, FUTURE_SUCCESS -> MigrationState.APPLIED;
            case FAILED, FUTURE_FAILED, OUTDATED, SUPERSEDED, DELETED -> MigrationState.FAILED;
            case MISSING_SUCCESS, MISSING_FAILED, UNDONE -> MigrationState.UNKNOWN;
            default -> MigrationState.IGNORED;
        };
    }
}
