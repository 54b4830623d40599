package io.wms.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A product with everything about it: its category, its brand, and every live batch with its ledger (the seed's
 * {@code GetProductWithFullTracking}).
 *
 * @param product  the product; never {@code null}
 * @param category its category, even if soft-deleted since (see {@link Category#deletedAt()}); {@code null} if none
 * @param brand    its brand, even if soft-deleted since; {@code null} if none
 * @param batches  its live batches, by expiry date (undated last) then id, each with its history; never
 *                 {@code null}
 */
public record ProductDetails(Product product, Category category, Brand brand, List<BatchWithHistory> batches) {

    /**
     * Creates the record, copying the batches.
     *
     * @throws NullPointerException if {@code product} or {@code batches} is {@code null}
     */
    public ProductDetails {
        Objects.requireNonNull(product, "product");
        batches = List.copyOf(batches);
    }
}
