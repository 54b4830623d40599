package io.wms.core.internal.catalog;

import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.WmsSettings;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.ProductRepository;

/**
 * Builds the catalog's repositories (categories, brands, products); the one way into this package.
 */
public final class CatalogServices {

    private CatalogServices() {
    }

    /**
     * Builds the category repository.
     *
     * @param transactions where its statements run
     * @return the repository
     */
    public static CategoryRepository categories(Transactions transactions) {
        return new JooqCategoryRepository(transactions.dsl());
    }

    /**
     * Builds the brand repository.
     *
     * @param transactions where its statements run
     * @return the repository
     */
    public static BrandRepository brands(Transactions transactions) {
        return new JooqBrandRepository(transactions.dsl());
    }

    /**
     * Builds the product repository, with its full-tracking statement rendered once.
     *
     * @param transactions where its statements run
     * @param settings     the clock and warehouse zone of expiry, for the stock it asks about
     * @return the repository
     */
    public static ProductRepository products(Transactions transactions, WmsSettings settings) {
        return new JooqProductRepository(transactions, new ExpiryPolicy(settings));
    }
}
