package io.wms.core.schema;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.Wms;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.testing.PreviousReleaseKeys;
import io.wms.core.testing.TestSql;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V20 keeps the idempotency keys the release before it stored (its request text, its result wrapped as format 0),
 * and U20 gives that release back its rows as it stored them, and keys claimed since as requests it never sends.
 */
class IdempotencyRecordsMigrationTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    private String asStored;

    @BeforeEach
    void keysAsThePreviousReleaseStoredThem() {
        PreviousReleaseKeys.storeAtV19(database.dataSource());
        asStored = rowsAsText();
        WmsMigrations.on(database.dataSource()).migrate();
    }

    private DSLContext sql() {
        return TestSql.on(database.dataSource());
    }

    /** The rows by the columns of V19, as text, which reads both before and after V20. */
    private String rowsAsText() {
        return sql().resultQuery("""
                        select actor_scope, idempotency_key, operation, request, result::text, user_id, created_at
                        from idempotency_keys order by idempotency_key""")
                .fetch().formatCSV();
    }

    @Test
    void v20KeepsEachRequestsTextAndWrapsEachResultAsFormatZero() {
        assertThat(sql().fetchCount(sql().selectFrom("idempotency_keys")
                .where("request_digest is null and result ->> 'format' = '0' and result ->> 'text' is not null")))
                .isEqualTo(PreviousReleaseKeys.results().size());
    }

    @Test
    void undoingV20GivesThePreviousReleaseItsRowsBackAsItStoredThem() {
        WmsMigrations.on(database.dataSource()).undo("19");

        assertThat(rowsAsText()).isEqualTo(asStored);
    }

    @Test
    void undoingV20GivesAKeyClaimedSinceARequestTextThePreviousReleaseNeverSends() {
        long bread = sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Bread").returning(PRODUCTS.ID).fetchSingle()
                .getId();
        try (Wms wms = Wms.create(database.dataSource())) {
            wms.inventory().receive(ADMIN, ReceiveStock.of(bread, "B-1", 6).withIdempotencyKey("k-since"));
        }

        WmsMigrations.on(database.dataSource()).undo("19");

        assertThat(sql().resultQuery("select request from idempotency_keys where idempotency_key = 'k-since'")
                .fetchSingle().get(0, String.class)).matches("digest:[0-9a-f]{64}");
    }
}
