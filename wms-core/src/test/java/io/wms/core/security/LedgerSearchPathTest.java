package io.wms.core.security;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import io.wms.testkit.WmsTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A session cannot get around the append-only ledger by shadowing the tables its guard looks up with temporary
 * tables of the same names: the schema's functions name every table with its schema and pin their search_path.
 */
class LedgerSearchPathTest {

    private static final String APPEND_ONLY_REFUSAL = "WMS01";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private long trackId;

    @BeforeEach
    void recordAReceiptByAUser() {
        long userId = extension.sql().insertInto(USERS).set(USERS.EMAIL, "picker@example.com")
                .set(USERS.PASSWORD, "$2a$10$hash").returning(USERS.ID).fetchSingle().getId();
        long productId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Widget").returning(PRODUCTS.ID)
                .fetchSingle().getId();
        long batchId = extension.sql().insertInto(PRODUCT_BATCHES).set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-1").set(PRODUCT_BATCHES.QUANTITY, 5)
                .returning(PRODUCT_BATCHES.ID).fetchSingle().getId();
        trackId = extension.sql().insertInto(PRODUCT_BATCH_TRACKS).set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(PRODUCT_BATCH_TRACKS.USER_ID, userId).set(PRODUCT_BATCH_TRACKS.ACTION, TrackAction.RECEIVED)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 5).set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, 5)
                .returning(PRODUCT_BATCH_TRACKS.ID).fetchSingle().getId();
    }

    @Test
    void deleteBehindATemporaryProductBatchesTableIsRefused() throws SQLException {
        assertRefusedInOneSession(extension.database().dataSource(), "product_batches",
                "delete from product_batch_tracks");

        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void clearingTheUserBehindATemporaryUsersTableIsRefused() throws SQLException {
        assertRefusedInOneSession(extension.database().dataSource(), "users",
                "update product_batch_tracks set user_id = null");

        assertThat(extension.sql().fetchValue(PRODUCT_BATCH_TRACKS.USER_ID, PRODUCT_BATCH_TRACKS.ID.eq(trackId)))
                .isNotNull();
    }

    @Test
    void roleWithPlainDeleteRightsCannotEmptyTheLedgerBehindATemporaryTable() throws SQLException {
        String role = "wms_dml_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        extension.sql().execute("create role " + role + " login password 'dml-secret'");
        try {
            extension.sql().execute("grant usage on schema " + WmsTestDatabase.SCHEMA + " to " + role);
            extension.sql().execute("grant select, insert, update, delete on all tables in schema " + WmsTestDatabase.SCHEMA
                    + " to " + role);
            PGSimpleDataSource asRole = new PGSimpleDataSource();
            asRole.setURL(extension.database().jdbcUrl());
            asRole.setUser(role);
            asRole.setPassword("dml-secret");

            assertRefusedInOneSession(asRole, "product_batches",
                    "delete from " + WmsTestDatabase.SCHEMA + ".product_batch_tracks");
        } finally {
            extension.sql().execute("drop owned by " + role);
            extension.sql().execute("drop role " + role);
        }
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void everyFunctionOfTheSchemaPinsItsSearchPath() {
        assertThat(extension.sql().fetch("""
                select p.proname from pg_catalog.pg_proc p
                 where p.pronamespace = current_schema()::regnamespace
                   and not coalesce('search_path=pg_catalog, pg_temp' = any (p.proconfig), false)
                """).getValues(0, String.class)).isEmpty();
        assertThat(extension.sql().fetch("select p.proname from pg_catalog.pg_proc p"
                + " where p.pronamespace = current_schema()::regnamespace").getValues(0, String.class))
                .containsExactlyInAnyOrder("wms_touch_row", "wms_guard_ledger", "wms_refuse_ledger_truncate",
                        "wms_place_batch_quantity", "wms_check_batch_sum", "wms_name_ledger_location",
                        "wms_refuse_location_cycle");
    }

    /** Shadows a table with an empty temporary one, as an attacker's session would, then runs the change there. */
    private static void assertRefusedInOneSession(DataSource dataSource, String shadowedTable, String change)
            throws SQLException {
        try (Connection session = dataSource.getConnection(); Statement statement = session.createStatement()) {
            statement.execute("create temporary table " + shadowedTable + " (id bigint)");

            assertThatThrownBy(() -> statement.executeUpdate(change))
                    .isInstanceOfSatisfying(SQLException.class,
                            refusal -> assertThat(refusal.getSQLState()).isEqualTo(APPEND_ONLY_REFUSAL));
        }
    }
}
