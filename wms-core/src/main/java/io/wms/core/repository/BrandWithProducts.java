package io.wms.core.repository;

import java.util.List;
import java.util.Objects;

import io.wms.core.model.Brand;
import io.wms.core.model.Product;

/**
 * A brand with its live products.
 *
 * @param brand    the brand; never {@code null}
 * @param products its live products, ordered by name and id; never {@code null}
 */
public record BrandWithProducts(Brand brand, List<Product> products) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public BrandWithProducts {
        Objects.requireNonNull(brand, "brand");
        products = List.copyOf(products);
    }
}
