package io.wms.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import io.wms.migration.WmsMigrations;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database of a {@link WmsTestServer}, private to the test that created it; closing it drops it.
 *
 * <pre>{@code
 * try (WmsTestDatabase database = WmsTestDatabase.create();
 *      Wms wms = Wms.create(WmsConfig.fromEnv(database.environment()))) {
 *     // wms on its own pool, on the wms schema, migrated and empty
 * }
 * }</pre>
 *
 * <p>The wms tables are in the schema {@value #SCHEMA}; {@link #dataSource()} sets its connections'
 * {@code search_path} to {@value #SCHEMA} then {@code public}, so that a test's own SQL may name the wms tables, and
 * tables it made in {@code public}, without a schema. Unqualified {@code CREATE} statements create in
 * {@value #SCHEMA}.
 *
 * <p>Thread-safe: the data source may be shared by any number of threads.
 */
public final class WmsTestDatabase implements AutoCloseable {

    /** The schema that holds the wms tables in every database the testkit hands out: {@value}. */
    public static final String SCHEMA = WmsMigrations.DEFAULT_SCHEMA;

    /** The pool size {@link #environment()} asks for: enough for concurrency tests, small beside the server's. */
    public static final int MAX_CONNECTIONS = 10;

    private final WmsTestServer server;
    private final String name;
    private final PGSimpleDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();

    WmsTestDatabase(WmsTestServer server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = server.dataSource(name);
        dataSource.setCurrentSchema(SCHEMA + ",public");
    }

    /**
     * Creates a migrated, empty database on this JVM's {@linkplain WmsTestServer#shared() shared server}.
     *
     * @return the database; close it to drop it
     * @throws TestDatabaseException if no server can be had or the database cannot be created
     */
    public static WmsTestDatabase create() {
        return WmsTestServer.shared().createDatabase();
    }

    /**
     * Creates a migrated, empty database on this JVM's {@linkplain WmsTestServer#embedded() embedded server},
     * whatever the environment says.
     *
     * @return the database; close it to drop it
     * @throws TestDatabaseException if the embedded server does not start or the database cannot be created
     */
    public static WmsTestDatabase embedded() {
        return WmsTestServer.embedded().createDatabase();
    }

    /**
     * Returns a data source for this database that opens a new connection on every call (no pool).
     *
     * @return the data source; never {@code null}
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns the GO-WMS environment variables that point wms at this database, for
     * {@code WmsConfig.fromEnv(database.environment())}: {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER},
     * {@code DB_PASSWORD}, {@code DB_NAME} and {@code DB_SCHEMA} ({@value #SCHEMA}) for this database, plus a pool
     * of at most {@value #MAX_CONNECTIONS} connections with none kept idle ({@code DB_MAX_CONNECTIONS},
     * {@code DB_IDLE_CONNECTIONS}), so that many test classes fit on one server. Every other variable keeps the
     * default of {@code WmsConfig}, migrating at start included (nothing to do on a migrated database). Change any
     * of them by copying the map.
     *
     * <p>This is how the testkit hands out a configuration without depending on {@code wms-core}, whose own tests
     * use the testkit.
     *
     * @return the variables, in a map that cannot be changed; never {@code null}
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("DB_HOST", host());
        environment.put("DB_PORT", Integer.toString(port()));
        environment.put("DB_USER", username());
        environment.put("DB_PASSWORD", password());
        environment.put("DB_NAME", databaseName());
        environment.put("DB_SCHEMA", SCHEMA);
        environment.put("DB_MAX_CONNECTIONS", Integer.toString(MAX_CONNECTIONS));
        environment.put("DB_IDLE_CONNECTIONS", "0");
        return Collections.unmodifiableMap(environment);
    }

    /**
     * Returns this database's JDBC URL.
     *
     * @return the URL; never {@code null}
     */
    public String jdbcUrl() {
        return dataSource.getUrl();
    }

    /**
     * Returns the host name of this database's server.
     *
     * @return the host, for example {@code localhost}; never {@code null}
     */
    public String host() {
        return dataSource.getServerNames()[0];
    }

    /**
     * Returns the port of this database's server.
     *
     * @return the port
     */
    public int port() {
        return dataSource.getPortNumbers()[0];
    }

    /**
     * Returns the user that owns this database.
     *
     * @return the user name; never {@code null}
     */
    public String username() {
        return server.username();
    }

    /**
     * Returns the password of {@link #username()}.
     *
     * @return the password; empty for none
     */
    public String password() {
        return server.password();
    }

    /**
     * Returns the database's name on its server.
     *
     * @return the name; never {@code null}
     */
    public String databaseName() {
        return name;
    }

    /**
     * Returns the server this database lives on.
     *
     * @return the server; never {@code null}
     */
    public WmsTestServer server() {
        return server;
    }

    /**
     * Drops the database, closing any connection still open to it. Calling it again does nothing.
     *
     * @throws TestDatabaseException if the database cannot be dropped
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.dropDatabase(name);
        }
    }

    @Override
    public String toString() {
        return "WmsTestDatabase[" + name + " on " + server.mode() + "]";
    }
}
