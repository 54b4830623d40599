package io.wms.testkit.internal;

import java.util.Objects;

import io.wms.testkit.TestDatabaseException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * How to reach a running test server, and how to stop it if the testkit started it.
 *
 * <p>Internal: not part of the testkit's API.
 */
public final class ServerEndpoint implements AutoCloseable {

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String maintenanceDatabase;
    private final AutoCloseable stopper;

    ServerEndpoint(String jdbcUrl, String user, String password, AutoCloseable stopper) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.stopper = stopper;
        PGSimpleDataSource probe = new PGSimpleDataSource();
        probe.setURL(jdbcUrl);
        String database = probe.getDatabaseName();
        this.maintenanceDatabase = database == null || database.isBlank() ? "postgres" : database;
    }

    /**
     * Describes a server that someone else runs.
     *
     * @param jdbcUrl  a JDBC URL of any database on the server
     * @param user     a user allowed to create databases
     * @param password the user's password, empty for none
     * @return the endpoint; closing it does nothing
     */
    public static ServerEndpoint external(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new TestDatabaseException("Not a PostgreSQL JDBC URL: " + jdbcUrl, null);
        }
        return new ServerEndpoint(jdbcUrl, user, password, null);
    }

    /**
     * Returns a non-pooling data source for one database of the server.
     *
     * @param databaseName the database
     * @return a new data source
     */
    public PGSimpleDataSource dataSource(String databaseName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setDatabaseName(databaseName);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setApplicationName("wms-testkit");
        return dataSource;
    }

    /**
     * Returns the database the testkit connects to in order to create and drop others.
     *
     * @return the database named in the URL, or {@code postgres}
     */
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    /**
     * Returns the user the testkit connects as.
     *
     * @return the user
     */
    public String user() {
        return user;
    }

    /**
     * Returns the password of the user.
     *
     * @return the password, empty for none
     */
    public String password() {
        return password;
    }

    /**
     * Returns the server's address for log lines, without credentials.
     *
     * @return host, port and database
     */
    public String displayAddress() {
        PGSimpleDataSource dataSource = dataSource(maintenanceDatabase);
        return String.join(",", dataSource.getServerNames()) + ":" + dataSource.getPortNumbers()[0];
    }

    /**
     * Stops the server if the testkit started it.
     */
    @Override
    public void close() {
        if (stopper == null) {
            return;
        }
        try {
            stopper.close();
        } catch (Exception e) {
            throw new TestDatabaseException("Stopping the test server failed: " + e.getMessage(), e);
        }
    }
}
