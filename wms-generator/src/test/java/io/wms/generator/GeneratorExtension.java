package io.wms.generator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import javax.sql.DataSource;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each test a fresh, migrated database of its own, a generator and a {@link Wms} on it with the same fixed
 * clock, and a jOOQ context to arrange and inspect rows directly.
 */
final class GeneratorExtension implements BeforeEachCallback, AfterEachCallback {

    /** A system actor that holds every permission, {@code PURGE_DATA} included. */
    static final Actor ADMIN = Actor.system("generator", EnumSet.allOf(Permission.class));

    /** The clock of the generator and of wms in every test. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    private WmsTestDatabase database;
    private Wms wms;
    private SyntheticDataGenerator generator;
    private DSLContext sql;

    @Override
    public void beforeEach(ExtensionContext context) {
        database = WmsTestServer.shared().createDatabase();
        wms = Wms.builder().dataSource(database.dataSource()).clock(CLOCK).build();
        generator = SyntheticDataGenerator.builder().dataSource(database.dataSource()).clock(CLOCK).build();
        sql = sql(database.dataSource());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        wms.close();
        database.close();
    }

    /**
     * Returns a jOOQ context on a testkit data source. The generated classes belong to the schema {@code public} they
     * were generated from; rendered without it, their names resolve through the testkit connections' search_path,
     * which starts with the wms schema.
     */
    static DSLContext sql(DataSource dataSource) {
        return DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withRenderSchema(false));
    }

    WmsTestDatabase database() {
        return database;
    }

    Wms wms() {
        return wms;
    }

    SyntheticDataGenerator generator() {
        return generator;
    }

    DSLContext sql() {
        return sql;
    }
}
