package io.wms.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A product with its live batches.
 *
 * @param product the product; never {@code null}
 * @param batches its live batches, by expiry date (undated last) then id; never {@code null}
 */
public record ProductWithBatches(Product product, List<ProductBatch> batches) {

    /**
     * Creates the record, copying the batches.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public ProductWithBatches {
        Objects.requireNonNull(product, "product");
        batches = List.copyOf(batches);
    }
}
