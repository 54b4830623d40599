package io.wms.generator;

import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.name;

import org.jooq.DSLContext;

/**
 * The two triggers that keep a batch's quantity equal to the sum over its locations (migration V14), suspended while
 * the generator loads an empty warehouse and places every batch itself.
 *
 * <p>Row by row, the triggers cost a handful of queries for every batch a {@code COPY} writes (placing its units in
 * the default location, then checking the sum), several times the cost of the row itself. The generator knows where
 * each batch's units go, so on the fast path it writes every location row with one statement, whose sums hold by
 * construction, and resumes the triggers in the same transaction: no other session ever sees them disabled, since
 * disabling a trigger locks the table against every writer until the transaction ends, and a failure rolls the
 * suspension back with everything else. Only a role that owns both tables may suspend their triggers, and only
 * while both are empty, so that no row another writer placed is left unchecked.
 */
final class PlacementTriggers {

    /** The triggers stay as they are: the database places and checks every row. */
    static final PlacementTriggers KEPT = new PlacementTriggers(null);

    private static final String PLACE_INSERTED = "product_batches_place_inserted";
    private static final String CHECK_SUM = "batch_locations_sum_matches_batch";

    private final DSLContext transaction;

    private PlacementTriggers(DSLContext transaction) {
        this.transaction = transaction;
    }

    /**
     * Suspends the placement and the sum check if the connected role owns the batches and their locations and both
     * tables are empty; otherwise changes nothing.
     *
     * @param transaction the generator's transaction, which must resume them before it commits
     * @return the suspended triggers, or {@link #KEPT}
     */
    static PlacementTriggers suspendIfOwnedAndEmpty(DSLContext transaction) {
        if (!DeferredIndexesAndKeys.ownedWithReferences(transaction, PRODUCT_BATCHES)
                || !DeferredIndexesAndKeys.ownedWithReferences(transaction, BATCH_LOCATIONS)
                || transaction.fetchExists(PRODUCT_BATCHES) || transaction.fetchExists(BATCH_LOCATIONS)) {
            return KEPT;
        }
        transaction.execute("ALTER TABLE {0} DISABLE TRIGGER {1}", PRODUCT_BATCHES, name(PLACE_INSERTED));
        transaction.execute("ALTER TABLE {0} DISABLE TRIGGER {1}", BATCH_LOCATIONS, name(CHECK_SUM));
        return new PlacementTriggers(transaction);
    }

    /**
     * Tells whether the triggers are suspended, so that the generator must place every batch itself.
     *
     * @return true if suspended
     */
    boolean suspended() {
        return transaction != null;
    }

    /** Enables the triggers again; does nothing if they were kept. */
    void resume() {
        if (suspended()) {
            transaction.execute("ALTER TABLE {0} ENABLE TRIGGER {1}", PRODUCT_BATCHES, name(PLACE_INSERTED));
            transaction.execute("ALTER TABLE {0} ENABLE TRIGGER {1}", BATCH_LOCATIONS, name(CHECK_SUM));
        }
    }
}
