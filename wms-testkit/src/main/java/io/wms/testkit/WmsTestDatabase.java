package io.wms.testkit;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database of a {@link WmsTestServer}, private to the test that created it; closing it drops it.
 *
 * <pre>{@code
 * try (WmsTestDatabase database = WmsTestDatabase.create()) {
 *     DataSource dataSource = database.dataSource();
 *     // the wms schema, migrated and empty
 * }
 * }</pre>
 *
 * <p>Thread-safe: the data source may be shared by any number of threads.
 */
public final class WmsTestDatabase implements AutoCloseable {

    private final WmsTestServer server;
    private final String name;
    private final PGSimpleDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();

    WmsTestDatabase(WmsTestServer server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = server.dataSource(name);
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
