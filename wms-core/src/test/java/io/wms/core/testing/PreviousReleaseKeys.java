package io.wms.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

import io.wms.migration.WmsMigrations;
import org.flywaydb.core.Flyway;

/**
 * The idempotency keys that the release before V20 stored, one per keyed operation and command type, as the fixture
 * {@code idempotency/previous-release-keys.sql} holds them, and what each call returned then
 * ({@code idempotency/previous-release-results.tsv}).
 */
public final class PreviousReleaseKeys {

    private PreviousReleaseKeys() {
    }

    /**
     * Migrates an empty database to V19, the schema of the release before V20, and inserts the keys as it stored
     * them.
     *
     * @param dataSource the empty database
     */
    public static void storeAtV19(DataSource dataSource) {
        Flyway.configure(WmsMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(WmsMigrations.LOCATION)
                .schemas(WmsMigrations.DEFAULT_SCHEMA)
                .defaultSchema(WmsMigrations.DEFAULT_SCHEMA)
                .createSchemas(true)
                .table(WmsMigrations.HISTORY_TABLE)
                .target("19")
                .load()
                .migrate();
        // Plain JDBC: the rows' text ({x}, ?) is data, never a template.
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(resource("previous-release-keys.sql"));
        } catch (SQLException failed) {
            throw new IllegalStateException("The fixture's keys cannot be inserted", failed);
        }
    }

    /**
     * What each call returned when the previous release ran it.
     *
     * @return each result's {@code toString()} by the call's idempotency key, in the order the calls ran
     */
    public static Map<String, String> results() {
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : resource("previous-release-results.tsv").split("\n")) {
            String[] keyAndResult = line.split("\t", 2);
            results.put(keyAndResult[0], keyAndResult[1]);
        }
        return results;
    }

    private static String resource(String name) {
        try (InputStream in = PreviousReleaseKeys.class.getResourceAsStream("/idempotency/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
