package io.wms.core.internal.stock;

import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;

import io.wms.core.auth.Actor;
import io.wms.core.internal.LedgerActor;
import io.wms.core.model.TrackAction;
import org.jooq.DSLContext;

/**
 * Appends rows to the ledger one at a time, for the changes that are not a movement's one statement: status changes
 * and corrections, each in the transaction of the change it records.
 */
final class LedgerRows {

    private LedgerRows() {
    }

    /**
     * Appends one row.
     *
     * @param sql         the transaction the change runs in
     * @param actor       who made the change
     * @param batchId     the batch changed
     * @param action      what kind of change
     * @param description what changed, from what to what
     * @param change      the signed change of quantity; {@code null} when the quantity did not change
     * @param after       the quantity after the change; {@code null} when the quantity did not change
     */
    static void append(DSLContext sql, Actor actor, long batchId, TrackAction action, String description,
                       Integer change, Integer after) {
        sql.insertInto(PRODUCT_BATCH_TRACKS)
                .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                .set(PRODUCT_BATCH_TRACKS.USER_ID, LedgerActor.userId(actor))
                .set(PRODUCT_BATCH_TRACKS.ACTOR_NAME, LedgerActor.name(actor))
                .set(PRODUCT_BATCH_TRACKS.ACTION, action)
                .set(PRODUCT_BATCH_TRACKS.DESCRIPTION, description)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, change)
                .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, after)
                .execute();
    }
}
