package io.wms.core.repository;

import java.util.List;
import java.util.Objects;

import io.wms.core.model.Category;
import io.wms.core.model.Product;

/**
 * A category with its live products.
 *
 * @param category the category; never {@code null}
 * @param products its live products, ordered by name and id; never {@code null}
 */
public record CategoryWithProducts(Category category, List<Product> products) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public CategoryWithProducts {
        Objects.requireNonNull(category, "category");
        products = List.copyOf(products);
    }
}
