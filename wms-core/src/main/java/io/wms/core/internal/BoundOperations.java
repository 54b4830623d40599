package io.wms.core.internal;

import io.wms.core.TransactionalAction;
import io.wms.core.TransactionalWork;
import io.wms.core.WmsOperations;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.StockReports;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.CategoryRepository;
import org.jooq.DSLContext;

/**
 * The repositories and services bound to one {@link DSLContext}: the pool's (auto-commit) or one transaction's.
 */
class BoundOperations implements WmsOperations {

    private final DSLContext dsl;
    private final WmsSettings settings;
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final InventoryService inventory;
    private final StockReports stockReports;

    BoundOperations(DSLContext dsl, WmsSettings settings) {
        this.dsl = dsl;
        this.settings = settings;
        this.categories = ApiGuard.guard(CategoryRepository.class, new JooqCategoryRepository(dsl));
        this.brands = ApiGuard.guard(BrandRepository.class, new JooqBrandRepository(dsl));
        this.inventory = ApiGuard.guard(InventoryService.class, new JooqInventoryService(dsl, settings));
        this.stockReports = ApiGuard.guard(StockReports.class, new JooqStockReports(dsl, settings));
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
    public InventoryService inventory() {
        return inventory;
    }

    @Override
    public StockReports stockReports() {
        return stockReports;
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
