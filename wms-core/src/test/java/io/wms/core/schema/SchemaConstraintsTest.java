package io.wms.core.schema;

import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.TestSql;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rule the schema enforces, proven by the bad row it exists to refuse.
 */
class SchemaConstraintsTest {

    /**
     * The columns as the schema stores them, so that values the model has no enum constant for can be tried, and
     * the words the generated records' {@code BatchStatus} and {@code TrackAction} are stored as can be read.
     */
    private static final Field<String> STATUS_TEXT = DSL.field(DSL.name(PRODUCT_BATCHES.STATUS.getName()),
            SQLDataType.VARCHAR);
    private static final Field<String> ACTION_TEXT = DSL.field(DSL.name(PRODUCT_BATCH_TRACKS.ACTION.getName()),
            SQLDataType.VARCHAR);

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private DSLContext sql;
    private long productId;

    @BeforeEach
    void createProduct() {
        sql = TestSql.on(database.dataSource());
        productId = sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, "Widget").returning(PRODUCTS.ID).fetchSingle().getId();
    }

    @Test
    void negativeQuantityIsRefused() {
        assertThatThrownBy(() -> insertBatch("B-1", -1, "active"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("product_batches_quantity_not_negative");
        assertThat(sql.fetchCount(PRODUCT_BATCHES)).isZero();
    }

    @Test
    void unknownStatusIsRefused() {
        assertThatThrownBy(() -> insertBatch("B-1", 1, "lost"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("product_batches_status_known");
    }

    @Test
    void everyLifecycleStatusIsAccepted() {
        for (String status : new String[] {"active", "quarantined", "expired", "depleted", "recalled"}) {
            insertBatch("B-" + status, 0, status);
        }
        assertThat(sql.fetchCount(PRODUCT_BATCHES)).isEqualTo(5);
    }

    @Test
    void duplicateBatchNumberWithinOneProductIsRefused() {
        insertBatch("LOT-7", 1, "active");

        assertThatThrownBy(() -> insertBatch("LOT-7", 2, "active"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("product_batches_batch_number_live_key");
    }

    @Test
    void sameBatchNumberInAnotherProductIsAccepted() {
        long otherProduct = sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, "Gadget").returning(PRODUCTS.ID)
                .fetchSingle().getId();
        insertBatch("LOT-7", 1, "active");

        sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, otherProduct)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "LOT-7")
                .execute();

        assertThat(sql.fetchCount(PRODUCT_BATCHES)).isEqualTo(2);
    }

    @Test
    void expiryBeforeManufacturingIsRefused() {
        assertThatThrownBy(() -> sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-1")
                .set(PRODUCT_BATCHES.MANUFACTURING_DATE, LocalDate.of(2026, 5, 1))
                .set(PRODUCT_BATCHES.EXPIRY_DATE, LocalDate.of(2026, 4, 30))
                .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("product_batches_expiry_after_manufacturing");
    }

    @Test
    void emailDifferingOnlyInCaseIsRefused() {
        insertUser("a@x.com");

        assertThatThrownBy(() -> insertUser("A@x.com"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("users_email_live_key");
    }

    @Test
    void softDeletedEmailCanBeUsedAgain() {
        long first = insertUser("a@x.com");
        sql.update(USERS).set(USERS.DELETED_AT, Instant.now()).where(USERS.ID.eq(first)).execute();

        insertUser("A@X.com");

        assertThat(sql.fetchCount(USERS)).isEqualTo(2);
    }

    @Test
    void softDeletedCategoryNameCanBeUsedAgain() {
        long food = sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "Food").returning(CATEGORIES.ID)
                .fetchSingle().getId();
        assertThatThrownBy(() -> sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "food").execute())
                .hasMessageContaining("categories_name_live_key");

        sql.update(CATEGORIES).set(CATEGORIES.DELETED_AT, Instant.now()).where(CATEGORIES.ID.eq(food)).execute();
        sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "Food").execute();

        assertThat(sql.fetchCount(CATEGORIES)).isEqualTo(2);
    }

    @Test
    void updatedAtAndVersionMoveOnUpdate() {
        long food = sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "Food").returning(CATEGORIES.ID)
                .fetchSingle().getId();
        var before = sql.fetchSingle(CATEGORIES, CATEGORIES.ID.eq(food));

        sql.update(CATEGORIES).set(CATEGORIES.DESCRIPTION, "Things to eat").where(CATEGORIES.ID.eq(food)).execute();

        var after = sql.fetchSingle(CATEGORIES, CATEGORIES.ID.eq(food));
        assertThat(after.getUpdatedAt()).isAfter(before.getUpdatedAt());
        assertThat(after.getCreatedAt()).isEqualTo(before.getCreatedAt());
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
    }

    @Test
    void unchangedUpdateKeepsUpdatedAtAndVersion() {
        long food = sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "Food").returning(CATEGORIES.ID)
                .fetchSingle().getId();
        var before = sql.fetchSingle(CATEGORIES, CATEGORIES.ID.eq(food));

        sql.update(CATEGORIES).set(CATEGORIES.NAME, "Food").where(CATEGORIES.ID.eq(food)).execute();

        var after = sql.fetchSingle(CATEGORIES, CATEGORIES.ID.eq(food));
        assertThat(after.getUpdatedAt()).isEqualTo(before.getUpdatedAt());
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
    }

    @Test
    void ledgerRowsCannotBeUpdated() {
        long trackId = insertTrack(insertBatch("B-1", 5, "active"));

        assertThatThrownBy(() -> sql.update(PRODUCT_BATCH_TRACKS).set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 500)
                .where(PRODUCT_BATCH_TRACKS.ID.eq(trackId)).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void ledgerRowsCannotBeDeletedWhileTheirBatchExists() {
        long trackId = insertTrack(insertBatch("B-1", 5, "active"));

        assertThatThrownBy(() -> sql.deleteFrom(PRODUCT_BATCH_TRACKS).where(PRODUCT_BATCH_TRACKS.ID.eq(trackId))
                .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> sql.truncate(PRODUCT_BATCH_TRACKS).execute())
                .hasMessageContaining("append-only");
        assertThat(sql.fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(1);
    }

    @Test
    void purgingABatchTakesItsLedgerWithIt() {
        long batchId = insertBatch("B-1", 5, "active");
        insertTrack(batchId);

        sql.deleteFrom(PRODUCT_BATCHES).where(PRODUCT_BATCHES.ID.eq(batchId)).execute();

        assertThat(sql.fetchCount(PRODUCT_BATCH_TRACKS)).isZero();
    }

    @Test
    void deletingAUserKeepsTheirLedgerRowsWithoutTheirName() {
        long userId = insertUser("picker@x.com");
        long batchId = insertBatch("B-1", 5, "active");
        long trackId = sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(PRODUCT_BATCH_TRACKS.USER_ID, userId)
                .set(ACTION_TEXT, "received")
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 5)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, 5)
                .returning(PRODUCT_BATCH_TRACKS.ID).fetchSingle().getId();

        sql.deleteFrom(USERS).where(USERS.ID.eq(userId)).execute();

        var track = sql.fetchSingle(PRODUCT_BATCH_TRACKS, PRODUCT_BATCH_TRACKS.ID.eq(trackId));
        assertThat(track.getUserId()).isNull();
        assertThat(track.getQuantityChange()).isEqualTo(5);
    }

    @Test
    void ledgerQuantitiesComeInPairs() {
        long batchId = insertBatch("B-1", 5, "active");

        assertThatThrownBy(() -> sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(ACTION_TEXT, "adjusted")
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 5)
                .execute())
                .hasMessageContaining("product_batch_tracks_quantity_pair");
    }

    @Test
    void unknownLedgerActionIsRefused() {
        long batchId = insertBatch("B-1", 5, "active");

        assertThatThrownBy(() -> sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(ACTION_TEXT, "teleported")
                .execute())
                .hasMessageContaining("product_batch_tracks_action_known");
    }

    @Test
    void indexesTheSeedDuplicatedAreAbsent() {
        var indexes = sql.fetch("select indexname from pg_indexes where schemaname = 'wms'").getValues(0, String.class);

        assertThat(indexes).doesNotContain("idx_users_email", "idx_roles_name", "idx_categories_name",
                "idx_brands_name", "idx_user_roles_user_id", "idx_products_category_id",
                "idx_product_batches_product_id", "idx_product_batch_tracks_batch_id", "idx_pbt_created_desc",
                "idx_expired_batches");
        assertThat(indexes).contains("idx_products_name_gin", "idx_active_batches",
                "idx_product_batches_active_expiry", "idx_products_category_brand", "idx_pbt_batch_created");
    }

    @ParameterizedTest
    @EnumSource(BatchStatus.class)
    void everyStatusIsStoredAsItsWordAndReadBackAsItself(BatchStatus status) {
        long batch = sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "B-" + status)
                .set(PRODUCT_BATCHES.STATUS, status)
                .returning(PRODUCT_BATCHES.ID).fetchSingle().getId();

        assertThat(sql.select(STATUS_TEXT).from(PRODUCT_BATCHES).where(PRODUCT_BATCHES.ID.eq(batch)).fetchSingle()
                .value1()).isEqualTo(status.name().toLowerCase(Locale.ROOT));
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

        assertThat(sql.select(ACTION_TEXT).from(PRODUCT_BATCH_TRACKS).where(PRODUCT_BATCH_TRACKS.ID.eq(row))
                .fetchSingle().value1()).isEqualTo(action.name().toLowerCase(Locale.ROOT));
        assertThat(sql.fetchSingle(PRODUCT_BATCH_TRACKS, PRODUCT_BATCH_TRACKS.ID.eq(row)).getAction())
                .isEqualTo(action);
    }

    private long insertBatch(String batchNumber, int quantity, String status) {
        return sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, batchNumber)
                .set(PRODUCT_BATCHES.QUANTITY, quantity)
                .set(STATUS_TEXT, status)
                .returning(PRODUCT_BATCHES.ID)
                .fetchSingle().getId();
    }

    private long insertTrack(long batchId) {
        return sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(ACTION_TEXT, "received")
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, 5)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, 5)
                .returning(PRODUCT_BATCH_TRACKS.ID)
                .fetchSingle().getId();
    }

    private long insertUser(String email) {
        return sql.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD, "$2a$12$hash")
                .returning(USERS.ID).fetchSingle().getId();
    }
}
