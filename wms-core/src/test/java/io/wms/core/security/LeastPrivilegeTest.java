package io.wms.core.security;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.testkit.WmsTestDatabase.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import io.wms.core.Wms;
import io.wms.core.error.DatabaseException;
import io.wms.core.error.MigrationException;
import io.wms.core.error.ReferencedException;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Category;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.testing.TestSql;
import io.wms.core.testing.WmsExtension;
import io.wms.migration.WmsMigrations;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application role that {@link WmsMigrations#grantApplicationRole(String)} sets up can do the application's
 * work and nothing else.
 */
class LeastPrivilegeTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String LEDGER_PURGE_NEEDS_OWNER = "WMS04";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private final String role = "wms_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private PGSimpleDataSource applicationDataSource;
    private DSLContext asApplication;
    private long productId;
    private long batchId;

    @BeforeEach
    void createApplicationRole() {
        extension.sql().execute("create role " + role + " login password 'app-secret'");
        WmsMigrations.on(extension.database().dataSource()).grantApplicationRole(role);
        applicationDataSource = new PGSimpleDataSource();
        applicationDataSource.setURL(extension.database().jdbcUrl());
        applicationDataSource.setUser(role);
        applicationDataSource.setPassword("app-secret");
        asApplication = TestSql.on(applicationDataSource);

        productId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Widget").returning().fetchSingle()
                .getId();
        batchId = extension.sql().insertInto(PRODUCT_BATCHES).set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-1").set(PRODUCT_BATCHES.QUANTITY, 5).returning().fetchSingle()
                .getId();
        asApplication.insertInto(PRODUCT_BATCH_TRACKS).set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(PRODUCT_BATCH_TRACKS.ACTION, TrackAction.RECEIVED).set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 5)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, 5).execute();
    }

    @AfterEach
    void dropApplicationRole() {
        extension.sql().execute("drop owned by " + role);
        extension.sql().execute("drop role " + role);
    }

    @Test
    void applicationRoleCanReadAndWriteRowsThroughTheLibrary() {
        try (Wms wms = Wms.create(applicationDataSource)) {
            Category food = wms.categories().create(ADMIN, new NewProductGroup("Food", null));

            assertThat(wms.categories().findById(ADMIN, food.id())).contains(food);
        }
    }

    @Test
    void applicationRoleCanAppendToTheLedger() {
        assertThat(asApplication.fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void applicationRoleCannotCreateTables() {
        assertRefused(() -> asApplication.execute("create table intruder (id int)"));
    }

    @Test
    void applicationRoleCannotCreateTemporaryTables() {
        assertRefused(() -> asApplication.execute("create temporary table product_batches (id bigint)"));
    }

    @Test
    void grantsRunByAUserThatCannotRevokeTemporaryFailSayingWhy() {
        String tableOwner = role + "_owner";
        extension.sql().execute("create role " + tableOwner + " login password 'owner-secret'");
        try {
            // Undoes what the owner's grants in createApplicationRole took, as on a database never set up.
            extension.sql().execute("grant temporary on database " + extension.database().databaseName() + " to public");
            // Owns the schema and its tables but not the database, so it cannot take TEMPORARY from PUBLIC.
            extension.sql().execute("alter schema " + SCHEMA + " owner to " + tableOwner);
            extension.sql().fetch("select tablename from pg_tables where schemaname = '" + SCHEMA + "'")
                    .getValues(0, String.class)
                    .forEach(table -> extension.sql().execute("alter table " + SCHEMA + ".\"" + table + "\" owner to "
                            + tableOwner));
            PGSimpleDataSource asTableOwner = new PGSimpleDataSource();
            asTableOwner.setURL(extension.database().jdbcUrl());
            asTableOwner.setUser(tableOwner);
            asTableOwner.setPassword("owner-secret");

            assertThatThrownBy(() -> WmsMigrations.on(asTableOwner).grantApplicationRole(role))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("may still create temporary tables");
        } finally {
            extension.sql().execute("reassign owned by " + tableOwner + " to current_user");
            extension.sql().execute("drop owned by " + tableOwner);
            extension.sql().execute("drop role " + tableOwner);
        }
    }

    @Test
    void applicationRoleCannotAlterOrDropTables() {
        assertRefused(() -> asApplication.execute("alter table products add column intruder int"));
        assertRefused(() -> asApplication.execute("drop table products"));
    }

    @Test
    void applicationRoleCannotUpdateLedgerRows() {
        assertRefused(() -> asApplication.update(PRODUCT_BATCH_TRACKS).set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 500)
                .execute());
        assertThat(extension.sql().fetchValue(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE)).isEqualTo(5);
    }

    @Test
    void applicationRoleCannotDeleteOrTruncateLedgerRows() {
        assertRefused(() -> asApplication.deleteFrom(PRODUCT_BATCH_TRACKS).execute());
        assertRefused(() -> asApplication.truncate(PRODUCT_BATCH_TRACKS).execute());
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void applicationRoleCannotRewriteTheMigrationHistory() {
        assertRefused(() -> asApplication.execute("delete from flyway_schema_history"));
    }

    @Test
    void applicationRoleCannotMigrate() {
        try (var empty = extension.database().server().createEmptyDatabase()) {
            extension.sql().execute("grant connect on database " + empty.databaseName() + " to " + role);
            PGSimpleDataSource onEmpty = new PGSimpleDataSource();
            onEmpty.setURL(empty.jdbcUrl());
            onEmpty.setUser(role);

            assertThatThrownBy(() -> WmsMigrations.on(onEmpty).migrate()).isInstanceOf(MigrationException.class);
        }
    }

    @Test
    void ownerMigratesWhileTheApplicationRunsAsItsRole() {
        try (var empty = extension.database().server().createEmptyDatabase()) {
            extension.sql().execute("grant connect on database " + empty.databaseName() + " to " + role);
            PGSimpleDataSource onEmptyAsApplication = new PGSimpleDataSource();
            onEmptyAsApplication.setURL(empty.jdbcUrl());
            onEmptyAsApplication.setUser(role);

            try (Wms wms = Wms.builder().dataSource(onEmptyAsApplication).migrationDataSource(empty.dataSource())
                    .autoMigrate(true).build()) {
                WmsMigrations.on(empty.dataSource()).grantApplicationRole(role);
                Category food = wms.categories().create(ADMIN, new NewProductGroup("Food", null));

                assertThat(wms.migrations().currentVersion()).isEqualTo(wms.migrations().latestVersion());
                assertThat(wms.categories().findById(ADMIN, food.id())).contains(food);
            }
        }
    }

    @Test
    void applicationRoleCannotPurgeABatchThatHasLedgerRows() {
        assertRefused(() -> asApplication.deleteFrom(PRODUCT_BATCHES).where(PRODUCT_BATCHES.ID.eq(batchId)).execute(),
                LEDGER_PURGE_NEEDS_OWNER);

        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES, PRODUCT_BATCHES.ID.eq(batchId))).isEqualTo(1);
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void applicationRoleCannotPurgeAProductWhoseBatchHasLedgerRows() {
        assertRefused(() -> asApplication.deleteFrom(PRODUCTS).execute(), LEDGER_PURGE_NEEDS_OWNER);

        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void purgingABatchWithHistoryThroughTheLibraryAsTheApplicationRoleIsATypedRefusal() {
        try (Wms wms = Wms.create(applicationDataSource)) {
            assertThatThrownBy(() -> wms.batches().purge(ADMIN, batchId)).isInstanceOf(ReferencedException.class);
            assertThatThrownBy(() -> wms.products().purge(ADMIN, productId)).isInstanceOf(ReferencedException.class);
        }
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void theOwnerStillPurgesABatchWithItsLedger() {
        extension.wms().batches().purge(ADMIN, batchId);

        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isZero();
    }

    @Test
    void applicationRoleStillPurgesABatchWithoutLedgerRows() {
        long unrecorded = extension.sql().insertInto(PRODUCT_BATCHES).set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-2").returning().fetchSingle().getId();

        asApplication.deleteFrom(PRODUCT_BATCHES).where(PRODUCT_BATCHES.ID.eq(unrecorded)).execute();

        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES, PRODUCT_BATCHES.ID.eq(unrecorded))).isZero();
    }

    @Test
    void applicationRoleCannotInsertABatchUnderAnIdOfItsChoosing() {
        assertRefused(() -> asApplication.execute("insert into product_batches (id, product_id, batch_number) "
                + "overriding system value values (" + (batchId + 1000) + ", " + productId + ", 'B-1b')"));

        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isEqualTo(1);
    }

    @Test
    void applicationRoleCannotInsertALedgerRowUnderAnIdOfItsChoosing() {
        long unusedId = extension.sql().fetchValue(PRODUCT_BATCH_TRACKS.ID) + 1000;

        assertRefused(() -> asApplication.execute("insert into product_batch_tracks "
                + "(id, product_batch_id, action, quantity_change, quantity_after) "
                + "overriding system value values (" + unusedId + ", " + batchId + ", 'received', 5, 5)"));

        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void applicationRoleCannotBackdateALedgerRow() {
        assertRefused(() -> asApplication.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId).set(PRODUCT_BATCH_TRACKS.ACTION, TrackAction.ADJUSTED)
                .set(PRODUCT_BATCH_TRACKS.CREATED_AT, Instant.parse("2020-01-01T00:00:00Z")).execute());

        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void applicationRoleStillMovesStockAndReadsTheLedgerThroughTheLibrary() {
        try (Wms wms = Wms.create(applicationDataSource)) {
            long milk = wms.products().create(ADMIN, new NewProduct("Milk", null, null, null)).id();
            long received = wms.inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
            wms.inventory().pick(ADMIN, PickStock.of(milk, 4));

            assertThat(wms.ledger().byBatch(ADMIN, received, 10).items()).extracting(ProductBatchTrack::action)
                    .containsExactly(TrackAction.PICKED, TrackAction.RECEIVED);
            assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
        }
    }

    @Test
    void refusalThroughTheLibraryIsATypedError() {
        try (Wms wms = Wms.create(applicationDataSource)) {
            assertThatThrownBy(() -> wms.useTransaction(tx -> asApplication.execute("create table intruder (id int)")))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageContaining(INSUFFICIENT_PRIVILEGE);
        }
    }

    @Test
    void roleNameThatIsNotAnIdentifierIsRefused() {
        assertThatThrownBy(() -> WmsMigrations.on(extension.database().dataSource())
                .grantApplicationRole("app; drop table users"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("plain identifier");
    }

    private static void assertRefused(Runnable statement) {
        assertRefused(statement, INSUFFICIENT_PRIVILEGE);
    }

    private static void assertRefused(Runnable statement, String sqlState) {
        assertThatThrownBy(statement::run)
                .isInstanceOfSatisfying(DataAccessException.class,
                        failure -> assertThat(failure.sqlState()).isEqualTo(sqlState));
    }

    @Test
    void neitherWmsNorItsMigrationsHandOutTheOwnersDataSource() {
        assertThat(java.util.stream.Stream.of(Wms.class, WmsMigrations.class)
                .flatMap(type -> java.util.Arrays.stream(type.getMethods())))
                .filteredOn(method -> javax.sql.DataSource.class.isAssignableFrom(method.getReturnType())
                        || java.sql.Connection.class.isAssignableFrom(method.getReturnType()))
                .isEmpty();
    }
}
