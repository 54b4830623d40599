package io.wms.examples;

import java.io.PrintStream;
import java.util.List;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Actor;
import io.wms.core.seed.SeedOptions;
import io.wms.core.seed.SeededTable;
import io.wms.migration.AppliedMigration;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.jooq.impl.DSL;

/**
 * A walk through wms on an embedded PostgreSQL: start a server, open the library on it, migrate, show the
 * schema, and seed the roles and the demo warehouse (plus the first admin when {@code WMS_ADMIN_EMAIL} and
 * {@code WMS_ADMIN_PASSWORD} are set).
 *
 * <p>Run it with {@code ./mvnw -q -P quickstart -DskipTests -pl examples -am package}.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /**
     * Runs the walk-through and prints what it does.
     *
     * @param arguments ignored
     */
    public static void main(String[] arguments) {
        run(System.out);
    }

    /**
     * Runs the walk-through, printing to the given stream.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        try (WmsTestDatabase database = WmsTestServer.embedded().createEmptyDatabase();
             Wms wms = Wms.create(configFor(database))) {
            out.println("wms schema version " + wms.migrations().currentVersion());
            for (AppliedMigration migration : wms.migrations().info()) {
                out.printf("  V%-3s %-28s %s%n", migration.version(), migration.description(), migration.state());
            }
            out.println("tables: " + String.join(", ", tables(database)));
            SeedOptions seed = SeedOptions.fromEnv().withDemoData(true);
            for (SeededTable seeded : wms.seeding().run(Actor.system("quickstart"), seed)) {
                out.printf("  seeded %-22s %d rows%n", seeded.table(), seeded.rowsAdded());
            }
        }
    }

    private static WmsConfig configFor(WmsTestDatabase database) {
        return WmsConfig.builder()
                .host(database.host())
                .port(database.port())
                .databaseName(database.databaseName())
                .username(database.username())
                .password(database.password())
                .autoMigrate(true)
                .build();
    }

    private static List<String> tables(WmsTestDatabase database) {
        return DSL.using(database.dataSource(), org.jooq.SQLDialect.POSTGRES)
                .fetch("select table_name from information_schema.tables where table_schema = 'public' order by 1")
                .getValues(0, String.class);
    }
}
