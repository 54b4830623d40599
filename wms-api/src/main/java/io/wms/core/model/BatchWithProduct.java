package io.wms.core.model;

import java.util.Objects;

/**
 * A batch with the product it holds, for lists that span products (expired stock, low stock).
 *
 * @param batch   the batch; never {@code null}
 * @param product its product, even if soft-deleted since (see {@link Product#deletedAt()}); never {@code null}
 */
public record BatchWithProduct(ProductBatch batch, Product product) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public BatchWithProduct {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(product, "product");
    }
}
