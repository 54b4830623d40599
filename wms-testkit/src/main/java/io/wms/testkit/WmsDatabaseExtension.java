package io.wms.testkit;

import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives a test class a fresh, migrated database of its own.
 *
 * <pre>{@code
 * class StockTest {
 *     @RegisterExtension
 *     static final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();
 *
 *     @Test
 *     void receivesStock() {
 *         try (Wms wms = Wms.create(WmsConfig.fromEnv(database.environment()))) {
 *             // wms on its own pool, on this test's database
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Registered on a {@code static} field, the database lives for the whole test class; on an instance field, each
 * test gets its own. Either way it is dropped afterwards. Test methods and constructors may also declare a
 * {@link WmsTestDatabase} or {@link DataSource} parameter. The server is {@link WmsTestServer#shared()} unless
 * another is given.
 */
public final class WmsDatabaseExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final boolean migrated;
    private final WmsTestServer server;
    private volatile WmsTestDatabase database;
    private volatile boolean classScoped;

    private WmsDatabaseExtension(boolean migrated, WmsTestServer server) {
        this.migrated = migrated;
        this.server = server;
    }

    /**
     * Creates the extension for a database with the wms schema applied, on the shared server.
     *
     * @return the extension
     */
    public static WmsDatabaseExtension migrated() {
        return new WmsDatabaseExtension(true, null);
    }

    /**
     * Creates the extension for an empty database with no migration applied, on the shared server.
     *
     * @return the extension
     */
    public static WmsDatabaseExtension empty() {
        return new WmsDatabaseExtension(false, null);
    }

    /**
     * Returns a copy of this extension that takes its databases from another server.
     *
     * @param server the server; never {@code null}
     * @return the new extension
     */
    public WmsDatabaseExtension on(WmsTestServer server) {
        return new WmsDatabaseExtension(migrated, Objects.requireNonNull(server, "server"));
    }

    /**
     * Returns the current database.
     *
     * @return the database
     * @throws IllegalStateException outside a test
     */
    public WmsTestDatabase database() {
        WmsTestDatabase current = database;
        if (current == null) {
            throw new IllegalStateException("No database outside a test: register the extension with @RegisterExtension");
        }
        return current;
    }

    /**
     * Returns a data source for the current database that opens a new connection per call.
     *
     * @return the data source
     * @throws IllegalStateException outside a test
     */
    public DataSource dataSource() {
        return database().dataSource();
    }

    /**
     * Returns the GO-WMS environment variables that point wms at the current database, for
     * {@code WmsConfig.fromEnv(database.environment())}; see {@link WmsTestDatabase#environment()}.
     *
     * @return the variables; never {@code null}
     * @throws IllegalStateException outside a test
     */
    public Map<String, String> environment() {
        return database().environment();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
        database = create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeDatabase();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!classScoped) {
            database = create();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScoped) {
            closeDatabase();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == WmsTestDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (database == null) {
            database = create();
        }
        return parameterContext.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    private WmsTestDatabase create() {
        WmsTestServer target = server != null ? server : WmsTestServer.shared();
        return migrated ? target.createDatabase() : target.createEmptyDatabase();
    }

    private void closeDatabase() {
        WmsTestDatabase current = database;
        database = null;
        if (current != null) {
            current.close();
        }
    }
}
