package io.wms.core.repository;

import io.wms.core.model.Category;

/**
 * Categories: named groups of products such as "Beverages". See {@link ProductGroupRepository} for the rules.
 */
public interface CategoryRepository extends ProductGroupRepository<Category, CategoryWithProducts> {
}
