package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;

import io.wms.core.internal.Mappers;
import io.wms.core.model.Category;
import io.wms.core.repository.CategoryRepository;
import io.wms.core.repository.CategoryWithProducts;
import io.wms.jooq.tables.records.CategoriesRecord;
import org.jooq.DSLContext;

/**
 * Categories, on the implementation shared with brands.
 */
final class JooqCategoryRepository extends JooqProductGroupRepository<CategoriesRecord, Category, CategoryWithProducts>
        implements CategoryRepository {

    private static final ProductGroupTable<CategoriesRecord, Category, CategoryWithProducts> TABLE =
            new ProductGroupTable<>("category", CATEGORIES, CATEGORIES.ID, CATEGORIES.NAME, CATEGORIES.DESCRIPTION,
                    CATEGORIES.DELETED_AT, CATEGORIES.CREATED_BY, CATEGORIES.UPDATED_BY, CATEGORIES.VERSION,
                    PRODUCTS.CATEGORY_ID, Mappers::category, CategoryWithProducts::new);

    JooqCategoryRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }
}
