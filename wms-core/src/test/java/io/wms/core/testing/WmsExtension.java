package io.wms.core.testing;

import java.util.EnumSet;
import java.util.Set;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.Wms;
import io.wms.core.WmsBuilder;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a {@link Wms} on a fresh, migrated database of its own, over a small connection pool.
 *
 * <pre>{@code
 * @RegisterExtension
 * final WmsExtension wms = WmsExtension.create();
 * }</pre>
 */
public final class WmsExtension implements BeforeEachCallback, AfterEachCallback {

    /** A system actor that holds every permission, {@code PURGE_DATA} included, for arranging data. */
    public static final Actor ADMIN = Actor.system("test-admin", EnumSet.allOf(Permission.class));

    private final java.util.function.UnaryOperator<WmsBuilder> customizer;
    private WmsTestDatabase database;
    private HikariDataSource pool;
    private Wms wms;
    private DSLContext sql;

    private WmsExtension(java.util.function.UnaryOperator<WmsBuilder> customizer) {
        this.customizer = customizer;
    }

    /**
     * Creates the extension with default settings.
     *
     * @return the extension
     */
    public static WmsExtension create() {
        return new WmsExtension(builder -> builder);
    }

    /**
     * Creates the extension with settings of the test's choosing (clock, zone, ...).
     *
     * @param customizer changes the builder before the instance is built
     * @return the extension
     */
    public static WmsExtension create(java.util.function.UnaryOperator<WmsBuilder> customizer) {
        return new WmsExtension(customizer);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = WmsTestServer.shared().createDatabase();
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource());
        config.setMaximumPoolSize(12);
        config.setMinimumIdle(0);
        config.setPoolName("wms-test");
        pool = new HikariDataSource(config);
        wms = customizer.apply(Wms.builder().dataSource(pool)).build();
        sql = TestSql.on(pool);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        wms.close();
        pool.close();
        database.close();
    }

    /**
     * Returns the test's instance.
     *
     * @return the instance
     */
    public Wms wms() {
        return wms;
    }

    /**
     * Returns a jOOQ context on the test's database, to arrange and inspect rows directly.
     *
     * @return the context
     */
    public DSLContext sql() {
        return sql;
    }

    /**
     * Returns the test's database.
     *
     * @return the database
     */
    public WmsTestDatabase database() {
        return database;
    }

    /**
     * Returns the test's pool.
     *
     * @return the pool
     */
    public HikariDataSource pool() {
        return pool;
    }

    /**
     * Builds a system actor with exactly the given permissions.
     *
     * @param permissions the permissions
     * @return the actor
     */
    public static Actor actor(Permission... permissions) {
        return Actor.system("test-actor", permissions.length == 0 ? Set.of() : Set.of(permissions));
    }

    /**
     * Gives a user a role (seeding the built-in roles first) and builds their actor with exactly the given
     * permissions, which the role must grant: wms acts for a user with only what their roles grant.
     *
     * @param userId      the user's id
     * @param role        a built-in role granting the permissions, for example {@code "operator"}
     * @param permissions the permissions
     * @return the actor
     */
    public Actor userActor(long userId, String role, Permission... permissions) {
        wms.seeding().run(ADMIN, io.wms.core.seed.SeedOptions.rolesOnly());
        wms.roles().assign(ADMIN, userId, role);
        return Actor.ofUser(userId, "test-user", permissions.length == 0 ? Set.of() : Set.of(permissions));
    }
}
