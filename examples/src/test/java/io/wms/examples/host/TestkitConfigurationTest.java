package io.wms.examples.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.WmsSetting;
import io.wms.core.auth.Actor;
import io.wms.core.repository.NewProductGroup;
import io.wms.testkit.WmsDatabaseExtension;
import io.wms.testkit.WmsTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit hands a test the configuration of its database, so that the test opens wms with its own pool exactly
 * as the application does in production, without copying host, port, user, password and database by hand.
 */
class TestkitConfigurationTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    @Test
    void theConfigurationFromTheTestkitOpensWmsOnItsOwnPoolOnTheTestsDatabase() {
        // readme-snippet: testkit-config
        WmsConfig config = WmsConfig.fromEnv(database.environment());   // this test's database, schema wms
        try (Wms wms = Wms.create(config)) {                              // wms's own HikariCP pool
            wms.categories().create(Actor.system("test"), new NewProductGroup("Beverages", null));
        }
        // readme-snippet-end

        assertThat(config.databaseName()).isEqualTo(database.database().databaseName());
        assertThat(config.schema()).isEqualTo(WmsTestDatabase.SCHEMA);
        assertThat(config.maxConnections()).isEqualTo(WmsTestDatabase.MAX_CONNECTIONS);
        try (Wms wms = Wms.create(database.dataSource())) {
            assertThat(wms.categories().findByName(Actor.system("test"), "beverages")).isPresent();
        }
    }

    @Test
    void aTestChangesAVariableByCopyingTheMap() {
        var environment = new java.util.HashMap<>(database.environment());
        environment.put(WmsSetting.LOG_LEVEL.environmentVariable(), "silent");

        assertThat(WmsConfig.fromEnv(environment).logLevel()).isEqualTo(io.wms.core.LogLevel.SILENT);
    }
}
