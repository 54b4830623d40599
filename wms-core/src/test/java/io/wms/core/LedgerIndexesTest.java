package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.KeysetPage;
import io.wms.core.testing.WmsExtension;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that each index the ledger keeps (V13) serves a statement the library sends, on a ledger large enough that
 * a sequential scan would be chosen if it did not. Keyset pages are checked with EXPLAIN of the statement sent; full
 * tracking (several statements sent together) and the foreign keys' actions (run by the server) are checked by the
 * index scans counted in their transaction ({@code pg_stat_get_xact_numscans}).
 */
class LedgerIndexesTest {

    private static final String BATCH_INDEX = "idx_pbt_batch_created";
    private static final String USER_INDEX = "idx_product_batch_tracks_user_id";
    private static final String ACTION_INDEX = "idx_product_batch_tracks_action";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ObservedOperations observed;
    private long productId;
    private long batchId;
    private long userId;

    @BeforeEach
    void longLedger() {
        extension.sql().execute("""
                insert into users (email, password)
                select 'user' || n || '@example.com', 'not-a-real-hash' from generate_series(1, 50) n""");
        extension.sql().execute("""
                insert into products (name) select 'Product ' || n from generate_series(1, 100) n""");
        extension.sql().execute("""
                insert into product_batches (product_id, batch_number)
                select p.id, 'B' || n from products p cross join generate_series(1, 4) n""");
        extension.sql().execute("""
                insert into product_batch_tracks (product_batch_id, user_id, action, created_at)
                select b.id, (select min(id) from users) + n % 50,
                       (array['status_changed', 'expired', 'disposed', 'corrected'])[1 + n % 4],
                       timestamptz '2030-01-01' + n * interval '1 minute'
                from product_batches b cross join generate_series(1, 100) n""");
        extension.sql().execute("analyze users, products, product_batches, product_batch_tracks");
        observed = new ObservedOperations(extension.pool());
        batchId = extension.sql().select(DSL.min(PRODUCT_BATCHES.ID)).from(PRODUCT_BATCHES).fetchSingle().value1();
        productId = extension.sql().select(PRODUCT_BATCHES.PRODUCT_ID).from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.ID.eq(batchId)).fetchSingle().value1();
        userId = extension.sql().select(DSL.min(USERS.ID)).from(USERS).fetchSingle().value1();
    }

    @Test
    void theLedgerHasThePrimaryKeyAndOnlyTheIndexesItsQueriesRead() {
        var indexes = extension.sql().fetch("""
                select indexname from pg_indexes
                where tablename = 'product_batch_tracks' and schemaname = current_schema()""")
                .getValues(0, String.class);

        assertThat(indexes).containsExactlyInAnyOrder("product_batch_tracks_pkey", BATCH_INDEX, USER_INDEX,
                ACTION_INDEX);
    }

    @Test
    void ledgerPageOfABatchSeeksInTheBatchIndex() {
        KeysetPage<ProductBatchTrack> first = observed.operations().ledger().byBatch(ADMIN, batchId, 20);

        observed.operations().ledger().byBatch(ADMIN, batchId, 20, first.nextCursor().orElseThrow());

        assertThat(planOfLastQuery()).contains(BATCH_INDEX).doesNotContain("Seq Scan");
    }

    @Test
    void ledgerPageOfAUserSeeksInTheUserIndex() {
        KeysetPage<ProductBatchTrack> first = observed.operations().ledger().byUser(ADMIN, userId, 20);

        observed.operations().ledger().byUser(ADMIN, userId, 20, first.nextCursor().orElseThrow());

        assertThat(planOfLastQuery()).contains(USER_INDEX).doesNotContain("Seq Scan");
    }

    @Test
    void ledgerPageOfAnActionSeeksInTheActionIndex() {
        KeysetPage<ProductBatchTrack> first = observed.operations().ledger().byAction(ADMIN, TrackAction.EXPIRED, 20);

        observed.operations().ledger().byAction(ADMIN, TrackAction.EXPIRED, 20, first.nextCursor().orElseThrow());

        assertThat(planOfLastQuery()).contains(ACTION_INDEX).doesNotContain("Seq Scan");
    }

    @Test
    void fullTrackingReadsEachBatchsNewestRowsInTheBatchIndex() {
        long scans = indexScansDuring(BATCH_INDEX,
                tx -> assertThat(tx.products().findWithFullTracking(ADMIN, productId)).isPresent());

        assertThat(scans).isPositive();
    }

    @Test
    void purgingAUserClearsItsLedgerRowsThroughTheUserIndex() {
        long scans = indexScansDuring(USER_INDEX, tx -> tx.users().purge(ADMIN, userId));

        assertThat(scans).isPositive();
    }

    @Test
    void purgingABatchDeletesItsLedgerThroughTheBatchIndex() {
        long scans = indexScansDuring(BATCH_INDEX, tx -> tx.batches().purge(ADMIN, batchId));

        assertThat(scans).isPositive();
    }

    private String planOfLastQuery() {
        return extension.sql().explain(observed.lastQuery()).plan();
    }

    /**
     * Runs work in a transaction of the test's own and counts the index's scans in it, the server's among them (the
     * scan counts of a transaction still open are visible to its own session only).
     */
    private long indexScansDuring(String index, Consumer<WmsOperations> work) {
        try (Connection connection = extension.pool().getConnection()) {
            connection.setAutoCommit(false);
            try {
                extension.wms().useHostTransaction(connection, work::accept);
                try (PreparedStatement scans = connection.prepareStatement("""
                        select pg_stat_get_xact_numscans(c.oid) from pg_class c
                        where c.relname = ? and c.relnamespace = current_schema()::regnamespace""")) {
                    scans.setString(1, index);
                    try (ResultSet row = scans.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
