package io.wms.core.schema;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated records carry {@link BatchStatus} and {@link TrackAction}, while the columns keep the lower-case
 * words their CHECK constraints and hosts' own SQL know.
 */
class TypedColumnsTest {

    private static final Field<String> STATUS_WORD = DSL.field(DSL.name(PRODUCT_BATCHES.STATUS.getName()),
            SQLDataType.VARCHAR);
    private static final Field<String> ACTION_WORD = DSL.field(DSL.name(PRODUCT_BATCH_TRACKS.ACTION.getName()),
            SQLDataType.VARCHAR);

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private DSLContext sql;
    private long productId;

    @BeforeEach
    void createProduct() {
        sql = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
        productId = sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, "Widget").returning(PRODUCTS.ID).fetchSingle().getId();
    }

    @ParameterizedTest
    @EnumSource(BatchStatus.class)
    void everyStatusIsStoredAsItsWordAndReadBackAsItself(BatchStatus status) {
        long batch = sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-" + status)
                .set(PRODUCT_BATCHES.STATUS, status)
                .returning(PRODUCT_BATCHES.ID).fetchSingle().getId();

        assertThat(sql.select(STATUS_WORD).from(PRODUCT_BATCHES).where(PRODUCT_BATCHES.ID.eq(batch)).fetchSingle()
                .value1()).isEqualTo(status.databaseValue());
        assertThat(sql.fetchSingle(PRODUCT_BATCHES, PRODUCT_BATCHES.ID.eq(batch)).getStatus()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(TrackAction.class)
    void everyLedgerActionIsStoredAsItsWordAndReadBackAsItself(TrackAction action) {
        long batch = sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-1")
                .returning(PRODUCT_BATCHES.ID).fetchSingle().getId();
        long row = sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batch)
                .set(PRODUCT_BATCH_TRACKS.ACTION, action)
                .returning(PRODUCT_BATCH_TRACKS.ID).fetchSingle().getId();

        assertThat(sql.select(ACTION_WORD).from(PRODUCT_BATCH_TRACKS).where(PRODUCT_BATCH_TRACKS.ID.eq(row))
                .fetchSingle().value1()).isEqualTo(action.databaseValue());
        assertThat(sql.fetchSingle(PRODUCT_BATCH_TRACKS, PRODUCT_BATCH_TRACKS.ID.eq(row)).getAction())
                .isEqualTo(action);
    }
}
