package io.wms.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.wms.migration.WmsMigrations;
import io.wms.testkit.internal.EmbeddedServer;
import io.wms.testkit.internal.ServerEndpoint;
import io.wms.testkit.internal.TestcontainersServer;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server for tests that hands out fresh, migrated databases.
 *
 * <p>The server is found or started once per JVM. {@link #shared()} chooses it from the environment, in this order:
 * <ol>
 *   <li>an external server, when {@value #JDBC_URL_VARIABLE} is set (with {@value #USER_VARIABLE} and
 *       {@value #PASSWORD_VARIABLE}); its user needs the right to create databases;</li>
 *   <li>a Testcontainers PostgreSQL, when a Docker engine answers;</li>
 *   <li>otherwise embedded PostgreSQL binaries from Maven, which need neither Docker nor an installed server and
 *       also work as root.</li>
 * </ol>
 * {@value #MODE_VARIABLE} ({@code external}, {@code testcontainers} or {@code embedded}) forces a mode. The choice
 * and its reason are logged in one line.
 *
 * <p>The wms migrations are applied once, to a template database; every {@link #createDatabase()} clones that
 * template, which takes milliseconds, so each test class can have a database of its own.
 *
 * <p>Instances are thread-safe.
 */
public final class WmsTestServer {

    /** The environment variable that names an external server's JDBC URL. */
    public static final String JDBC_URL_VARIABLE = "WMS_TEST_JDBC_URL";
    /** The environment variable that names the external server's user; defaults to {@code postgres}. */
    public static final String USER_VARIABLE = "WMS_TEST_JDBC_USER";
    /** The environment variable that holds the external server's password; defaults to empty. */
    public static final String PASSWORD_VARIABLE = "WMS_TEST_JDBC_PASSWORD";
    /** The environment variable that forces a mode: {@code external}, {@code testcontainers} or {@code embedded}. */
    public static final String MODE_VARIABLE = "WMS_TEST_MODE";

    private static final Logger LOG = LoggerFactory.getLogger(WmsTestServer.class);
    private static final Map<String, WmsTestServer> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();
    private static WmsTestServer sharedServer;
    private static WmsTestServer embeddedServer;
    private static WmsTestServer durableServer;

    private final TestServerMode mode;
    private final String reason;
    private final ServerEndpoint endpoint;
    private final String templateName = "wms_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private volatile boolean templateReady;

    private WmsTestServer(TestServerMode mode, String reason, ServerEndpoint endpoint) {
        this.mode = mode;
        this.reason = reason;
        this.endpoint = endpoint;
    }

    /**
     * Returns this JVM's server, chosen from the environment as the class description says.
     *
     * @return the shared server; started on first use
     * @throws TestDatabaseException if the chosen server cannot be reached or started
     */
    public static synchronized WmsTestServer shared() {
        if (sharedServer == null) {
            sharedServer = fromEnvironment(System::getenv);
        }
        return sharedServer;
    }

    /**
     * Returns this JVM's embedded server, whatever the environment says.
     *
     * @return the shared embedded server; started on first use
     * @throws TestDatabaseException if the binaries cannot be unpacked or the server does not start
     */
    public static synchronized WmsTestServer embedded() {
        return embedded("asked for explicitly");
    }

    /**
     * Returns this JVM's durable embedded server: a second embedded PostgreSQL that keeps the durable defaults
     * ({@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on), so that every commit waits for the
     * disk as a production server's does. Meant for benchmarks of writes; tests run faster on {@link #embedded()}.
     *
     * @return the shared durable embedded server; started on first use
     * @throws TestDatabaseException if the binaries cannot be unpacked or the server does not start
     */
    public static synchronized WmsTestServer embeddedDurable() {
        if (durableServer == null) {
            durableServer = start(TestServerMode.EMBEDDED, "asked for a durable server explicitly",
                    () -> EmbeddedServer.start(true));
        }
        return durableServer;
    }

    private static synchronized WmsTestServer embedded(String reason) {
        if (embeddedServer == null) {
            embeddedServer = start(TestServerMode.EMBEDDED, reason, () -> EmbeddedServer.start(false));
        }
        return embeddedServer;
    }

    /**
     * Returns a server for an external PostgreSQL that is already running.
     *
     * @param jdbcUrl  the JDBC URL of any database on the server, for example
     *                 {@code jdbc:postgresql://localhost:5432/postgres}; never {@code null}
     * @param user     a user allowed to create databases; never {@code null}
     * @param password the user's password; {@code null} for none
     * @return the server, one per URL and user in this JVM
     * @throws TestDatabaseException if the server cannot be reached
     */
    public static WmsTestServer external(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        return SERVERS.computeIfAbsent("external:" + user + "@" + jdbcUrl,
                key -> start(TestServerMode.EXTERNAL, "asked for explicitly",
                        () -> ServerEndpoint.external(jdbcUrl, user, password == null ? "" : password)));
    }

    static WmsTestServer fromEnvironment(Function<String, String> environment) {
        String url = environment.apply(JDBC_URL_VARIABLE);
        String forced = environment.apply(MODE_VARIABLE);
        if (forced != null && !forced.isBlank()) {
            return forcedMode(forced.trim().toLowerCase(Locale.ROOT), url, environment);
        }
        if (url != null && !url.isBlank()) {
            return externalFromEnvironment(url, environment, JDBC_URL_VARIABLE + " is set");
        }
        String dockerProblem = TestcontainersServer.dockerProblem();
        if (dockerProblem == null) {
            return start(TestServerMode.TESTCONTAINERS,
                    JDBC_URL_VARIABLE + " is not set and a Docker engine answered", TestcontainersServer::start);
        }
        return embedded(JDBC_URL_VARIABLE + " is not set and no Docker engine answered (" + dockerProblem + ")");
    }

    private static WmsTestServer forcedMode(String forced, String url, Function<String, String> environment) {
        String reason = MODE_VARIABLE + "=" + forced;
        return switch (forced) {
            case "embedded" -> embedded(reason);
            case "testcontainers" -> start(TestServerMode.TESTCONTAINERS, reason, TestcontainersServer::start);
            case "external" -> {
                if (url == null || url.isBlank()) {
                    throw new TestDatabaseException(reason + " needs " + JDBC_URL_VARIABLE + " to be set", null);
                }
                yield externalFromEnvironment(url, environment, reason);
            }
            default -> throw new TestDatabaseException(MODE_VARIABLE + " must be external, testcontainers or embedded, not '"
                    + forced + "'", null);
        };
    }

    private static WmsTestServer externalFromEnvironment(String url, Function<String, String> environment,
                                                         String reason) {
        String user = Objects.requireNonNullElse(environment.apply(USER_VARIABLE), "postgres");
        String password = Objects.requireNonNullElse(environment.apply(PASSWORD_VARIABLE), "");
        return start(TestServerMode.EXTERNAL, reason, () -> ServerEndpoint.external(url, user, password));
    }

    private static WmsTestServer start(TestServerMode mode, String reason, EndpointFactory factory) {
        ServerEndpoint endpoint = factory.open();
        WmsTestServer server = new WmsTestServer(mode, reason, endpoint);
        LOG.info("wms-testkit: using {} PostgreSQL {} at {} because {}", mode.name().toLowerCase(Locale.ROOT),
                server.serverVersion(), endpoint.displayAddress(), reason);
        return server;
    }

    /**
     * Tells where this server comes from.
     *
     * @return the mode; never {@code null}
     */
    public TestServerMode mode() {
        return mode;
    }

    /**
     * Tells why this mode was chosen, as logged when the server was first used.
     *
     * @return the reason, for a person to read; never {@code null}
     */
    public String reason() {
        return reason;
    }

    /**
     * Creates a new database with the wms schema applied and no rows.
     *
     * @return the database; the caller closes it, which drops it
     * @throws TestDatabaseException if the database cannot be created
     */
    public WmsTestDatabase createDatabase() {
        ensureTemplate();
        return createDatabase(templateName);
    }

    /**
     * Creates a new, empty database without any migration applied, for tests of the migrations themselves.
     *
     * @return the database; the caller closes it, which drops it
     * @throws TestDatabaseException if the database cannot be created
     */
    public WmsTestDatabase createEmptyDatabase() {
        return createDatabase("template0");
    }

    /**
     * Returns a JDBC URL for a database on this server.
     *
     * @param databaseName the database; never {@code null}
     * @return the URL; never {@code null}
     */
    public String jdbcUrl(String databaseName) {
        return endpoint.dataSource(databaseName).getUrl();
    }

    /**
     * Returns the user the testkit connects as.
     *
     * @return the user name; never {@code null}
     */
    public String username() {
        return endpoint.user();
    }

    /**
     * Returns the password the testkit connects with.
     *
     * @return the password; empty for none
     */
    public String password() {
        return endpoint.password();
    }

    /**
     * Returns a data source for a database on this server, as the testkit's user.
     *
     * @param databaseName the database; never {@code null}
     * @return a data source that opens a new connection per call; never {@code null}
     */
    public PGSimpleDataSource dataSource(String databaseName) {
        return endpoint.dataSource(databaseName);
    }

    private WmsTestDatabase createDatabase(String template) {
        String name = "wms_test_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
        executeOnMaintenanceDatabase("CREATE DATABASE " + name + " TEMPLATE " + template);
        return new WmsTestDatabase(this, name);
    }

    void dropDatabase(String name) {
        executeOnMaintenanceDatabase("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void ensureTemplate() {
        if (templateReady) {
            return;
        }
        synchronized (this) {
            if (templateReady) {
                return;
            }
            executeOnMaintenanceDatabase("CREATE DATABASE " + templateName + " TEMPLATE template0");
            WmsMigrations.on(endpoint.dataSource(templateName)).migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(templateName), "wms-testkit-template-drop"));
            templateReady = true;
        }
    }

    private void dropQuietly(String name) {
        try {
            dropDatabase(name);
        } catch (TestDatabaseException e) {
            LOG.debug("wms-testkit: could not drop {} at exit", name, e);
        }
    }

    private String serverVersion() {
        try (Connection connection = endpoint.dataSource(endpoint.maintenanceDatabase()).getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new TestDatabaseException("Cannot connect to the " + mode.name().toLowerCase(Locale.ROOT)
                    + " PostgreSQL at " + endpoint.displayAddress() + ": " + e.getMessage(), e);
        }
    }

    private void executeOnMaintenanceDatabase(String sql) {
        try (Connection connection = endpoint.dataSource(endpoint.maintenanceDatabase()).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new TestDatabaseException("Failed on the test server: " + sql + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface EndpointFactory {
        ServerEndpoint open();
    }
}
