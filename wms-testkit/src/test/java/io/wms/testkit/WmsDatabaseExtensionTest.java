package io.wms.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WmsDatabaseExtensionTest {

    @RegisterExtension
    static final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    @Test
    void givesTheClassAMigratedDatabase() throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.getMetaData().getTables(null, WmsTestDatabase.SCHEMA, "product_batches", null).next()).isTrue();
        }
    }

    @Test
    void resolvesTheSameDatabaseAsAParameter(WmsTestDatabase parameter, DataSource dataSource) {
        assertThat(parameter).isSameAs(database.database());
        assertThat(dataSource).isSameAs(database.dataSource());
    }
}
