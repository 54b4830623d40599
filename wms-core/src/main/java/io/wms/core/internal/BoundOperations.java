package io.wms.core.internal;

import io.wms.core.TransactionalAction;
import io.wms.core.TransactionalWork;
import io.wms.core.WmsOperations;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.ProductBatchRepository;
import io.wms.core.repository.ProductBatchTrackRepository;
import io.wms.core.repository.ProductRepository;
import org.jooq.DSLContext;

/**
 * The repositories and services bound to one {@link DSLContext}: the pool's (auto-commit) or one transaction's.
 */
class BoundOperations implements WmsOperations {

    private final DSLContext dsl;
    private final WmsSettings settings;
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ProductRepository products;
    private final ProductBatchRepository batches;
    private final ProductBatchTrackRepository ledger;

    BoundOperations(DSLContext dsl, WmsSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
        this.categories = ApiGuard.guard(CategoryRepository.class, new JooqCategoryRepository(dsl));
        this.brands = ApiGuard.guard(BrandRepository.class, new JooqBrandRepository(dsl));
        this.products = ApiGuard.guard(ProductRepository.class, new JooqProductRepository(dsl));
        this.batches = ApiGuard.guard(ProductBatchRepository.class,
                new JooqProductBatchRepository(dsl, new ExpiryPolicy(settings)));
        this.ledger = ApiGuard.guard(ProductBatchTrackRepository.class, new JooqProductBatchTrackRepository(dsl));
    }

    @Override
    public CategoryRepository categories() {
        return categories;
    }

    @Override
    public BrandRepository brands() {
        return brands;
    }

    @Override
    public ProductRepository products() {
        return products;
    }

    @Override
    public ProductBatchRepository batches() {
        return batches;
    }

    @Override
    public ProductBatchTrackRepository ledger() {
        return ledger;
    }

    @Override
    public <T> T inTransaction(TransactionalWork<T> work) {
        if (work == null) {
            throw new NullPointerException("work");
        }
        try {
            return dsl.transactionResult(configuration ->
                    work.execute(new BoundOperations(configuration.dsl(), settings)));
        } catch (RuntimeException e) {
            throw ExceptionTranslator.translate(e);
        }
    }

    @Override
    public void useTransaction(TransactionalAction action) {
        if (action == null) {
            throw new NullPointerException("action");
        }
        inTransaction(transaction -> {
            action.execute(transaction);
            return null;
        });
    }

    DSLContext dsl() {
        return dsl;
    }

    WmsSettings settings() {
        return settings;
    }
}
