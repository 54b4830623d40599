package io.wms.core.testing;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;

import java.time.LocalDate;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import org.jooq.DSLContext;

/**
 * Arranges rows directly in SQL, so that a test of one repository does not depend on another.
 *
 * @param sql the test database
 */
public record Fixtures(DSLContext sql) {

    /**
     * Inserts a user.
     *
     * @param email the e-mail
     * @return the user's id
     */
    public long user(String email) {
        return sql.insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD, "not-a-real-hash")
                .returning(USERS.ID).fetchSingle().getId();
    }

    /**
     * Inserts a product.
     *
     * @param name       the name
     * @param categoryId the category, or {@code null}
     * @return the product's id
     */
    public long product(String name, Long categoryId) {
        return sql.insertInto(PRODUCTS).set(PRODUCTS.NAME, name).set(PRODUCTS.CATEGORY_ID, categoryId)
                .returning(PRODUCTS.ID).fetchSingle().getId();
    }

    /**
     * Inserts a batch.
     *
     * @param productId   the product
     * @param batchNumber the lot number
     * @param quantity    the quantity
     * @param expiryDate  the expiry date, or {@code null}
     * @param status      the status
     * @return the batch's id
     */
    public long batch(long productId, String batchNumber, int quantity, LocalDate expiryDate, BatchStatus status) {
        return sql.insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, batchNumber)
                .set(PRODUCT_BATCHES.QUANTITY, quantity)
                .set(PRODUCT_BATCHES.EXPIRY_DATE, expiryDate)
                .set(PRODUCT_BATCHES.STATUS, status)
                .returning(PRODUCT_BATCHES.ID).fetchSingle().getId();
    }

    /**
     * Appends a ledger row.
     *
     * @param batchId the batch
     * @param userId  who acted, or {@code null}
     * @param action  the action
     * @param change  the quantity change
     * @param after   the quantity after
     * @return the row's id
     */
    public long track(long batchId, Long userId, TrackAction action, int change, int after) {
        return sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(PRODUCT_BATCH_TRACKS.USER_ID, userId)
                .set(PRODUCT_BATCH_TRACKS.ACTION, action)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, change)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, after)
                .returning(PRODUCT_BATCH_TRACKS.ID).fetchSingle().getId();
    }
}
