package io.wms.core.schema;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wms.core.Wms;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Location;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.TestSql;
import io.wms.migration.TableRows;
import io.wms.migration.UndoRefusedException;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsDatabaseExtension;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V14 puts the stock of a database migrated before locations into the default location, without rewriting the
 * ledger, and the ledger check proves it afterwards; U14 drops locations only when that loses nothing but the
 * defaults, unless told to drop data.
 */
class LocationsMigrationTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    private Flyway flywayUpTo(String version) {
        return Flyway.configure(WmsMigrations.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations(WmsMigrations.LOCATION)
                .schemas(WmsMigrations.DEFAULT_SCHEMA)
                .defaultSchema(WmsMigrations.DEFAULT_SCHEMA)
                .createSchemas(true)
                .table(WmsMigrations.HISTORY_TABLE)
                .target(version)
                .load();
    }

    /** Two batches with stock and one emptied, each with the ledger rows the library wrote before V14. */
    private void stockAtVersion13(DSLContext sql) {
        sql.execute("""
                insert into products (name) values ('Rye bread');
                insert into product_batches (product_id, batch_number, quantity, status)
                    select id, 'L-1', 3, 'active' from products;
                insert into product_batches (product_id, batch_number, quantity, status)
                    select id, 'L-2', 7, 'active' from products;
                insert into product_batches (product_id, batch_number, quantity, status)
                    select id, 'L-3', 0, 'depleted' from products;
                insert into product_batch_tracks (product_batch_id, actor_name, action, quantity_change, quantity_after)
                    select id, 'import', 'received', 5, 5 from product_batches where batch_number = 'L-1';
                insert into product_batch_tracks (product_batch_id, actor_name, action, quantity_change, quantity_after)
                    select id, 'import', 'picked', -2, 3 from product_batches where batch_number = 'L-1';
                insert into product_batch_tracks (product_batch_id, actor_name, action, quantity_change, quantity_after)
                    select id, 'import', 'received', 7, 7 from product_batches where batch_number = 'L-2';
                insert into product_batch_tracks (product_batch_id, actor_name, action, quantity_change, quantity_after)
                    select id, 'import', 'received', 4, 4 from product_batches where batch_number = 'L-3';
                insert into product_batch_tracks (product_batch_id, actor_name, action, quantity_change, quantity_after)
                    select id, 'import', 'picked', -4, 0 from product_batches where batch_number = 'L-3';
                """);
    }

    /** The ledger's columns of version 13, row by row. */
    private static String ledgerAsWritten(DSLContext sql) {
        return sql.select(PRODUCT_BATCH_TRACKS.ID, PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, PRODUCT_BATCH_TRACKS.ACTION,
                        PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, PRODUCT_BATCH_TRACKS.QUANTITY_AFTER,
                        PRODUCT_BATCH_TRACKS.ACTOR_NAME, PRODUCT_BATCH_TRACKS.CREATED_AT)
                .from(PRODUCT_BATCH_TRACKS)
                .orderBy(PRODUCT_BATCH_TRACKS.ID)
                .fetch()
                .formatCSV();
    }

    @Test
    void stockFromBeforeLocationsLandsInTheDefaultLocationAndTheLedgerStillProvesIt() {
        flywayUpTo("13").migrate();
        DSLContext sql = TestSql.on(database.dataSource());
        stockAtVersion13(sql);
        String ledgerBefore = ledgerAsWritten(sql);

        // Up to the latest version, which this library's statements need: the versions after 14 leave the stock
        // where V14 placed it.
        WmsMigrations.on(database.dataSource()).migrate();

        try (Wms wms = Wms.create(database.dataSource())) {
            Location fallback = wms.locations().defaultLocation(ADMIN);
            assertThat(sql.select(BATCH_LOCATIONS.LOCATION_ID, BATCH_LOCATIONS.QUANTITY).from(BATCH_LOCATIONS)
                    .orderBy(BATCH_LOCATIONS.PRODUCT_BATCH_ID).fetch().map(row -> tuple(row.value1(), row.value2())))
                    .containsExactly(tuple(fallback.id(), 3), tuple(fallback.id(), 7));
            assertThat(ledgerAsWritten(sql)).isEqualTo(ledgerBefore);
            assertThat(sql.fetchCount(PRODUCT_BATCH_TRACKS, PRODUCT_BATCH_TRACKS.LOCATION_ID.isNotNull())).isZero();
            assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();

            wms.inventory().pick(ADMIN, PickStock.of(sql.fetchValue(io.wms.jooq.Tables.PRODUCTS.ID), 4));

            assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
        }
    }

    @Test
    void undoingLocationsThatHeldNothingButTheDefaultNeedsNoDropDataAndKeepsTheStock() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        DSLContext sql = TestSql.on(database.dataSource());
        try (Wms wms = Wms.create(database.dataSource())) {
            long bread = sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, "Rye bread").returning(PRODUCTS.ID)
                    .fetchSingle().getId();
            wms.inventory().receive(ADMIN, ReceiveStock.of(bread, "L-1", 6));
        }

        migrations.undo("13");

        assertThat(sql.fetchValue("select quantity from product_batches", Integer.class)).isEqualTo(6);
        assertThat(migrations.currentVersion()).isEqualTo("13");
    }

    @Test
    void undoingLocationsRefusesWhileABinHoldsStockNamingWhatWouldBeLost() {
        WmsMigrations migrations = WmsMigrations.on(database.dataSource());
        migrations.migrate();
        DSLContext sql = TestSql.on(database.dataSource());
        try (Wms wms = Wms.create(database.dataSource())) {
            long bread = sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, "Rye bread").returning(PRODUCTS.ID)
                    .fetchSingle().getId();
            Location bin = wms.locations().create(ADMIN, new NewLocation(
                    wms.warehouses().defaultWarehouse(ADMIN).id(), null, "BIN-1", null, null));
            wms.inventory().receiveAt(ADMIN, ReceiveAtLocation.of(bin.id(), bread, "L-1", 6));
        }

        assertThatThrownBy(() -> migrations.undo("13"))
                .isInstanceOfSatisfying(UndoRefusedException.class, refused -> assertThat(refused.tablesWithRows())
                        .extracting(TableRows::table).containsExactlyInAnyOrder("locations", "batch_locations"));
        assertThat(migrations.currentVersion()).isEqualTo(migrations.latestVersion());
    }
}
