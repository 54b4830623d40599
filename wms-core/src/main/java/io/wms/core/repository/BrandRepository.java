package io.wms.core.repository;

import io.wms.core.model.Brand;

/**
 * Brands: the makers or labels of products. See {@link ProductGroupRepository} for the rules.
 */
public interface BrandRepository extends ProductGroupRepository<Brand, BrandWithProducts> {
}
