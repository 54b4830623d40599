package io.wms.core.internal;

import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import org.jooq.Condition;

/**
 * The one rule that says which stock exists: a batch that is not soft-deleted, of a product that is not
 * soft-deleted. Every movement in or out, the lock that explains a refused movement, and the reports use it, so that
 * a deleted product's stock can neither be moved nor be counted, and comes back whole when the product is restored.
 */
public final class LiveStock {

    private static final Condition OF_LIVE_PRODUCT = PRODUCT_BATCHES.DELETED_AT.isNull()
            .and(exists(selectOne()
                    .from(PRODUCTS)
                    .where(PRODUCTS.ID.eq(PRODUCT_BATCHES.PRODUCT_ID).and(PRODUCTS.DELETED_AT.isNull()))));

    private LiveStock() {
    }

    /**
     * Returns the condition on {@code product_batches} that keeps only live batches of live products.
     *
     * @return the condition; the same immutable object every time
     */
    public static Condition batchOfLiveProduct() {
        return OF_LIVE_PRODUCT;
    }
}
