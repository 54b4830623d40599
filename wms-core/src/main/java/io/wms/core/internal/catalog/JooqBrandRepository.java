package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.PRODUCTS;

import io.wms.core.internal.Mappers;
import io.wms.core.model.Brand;
import io.wms.core.repository.BrandRepository;
import io.wms.core.repository.BrandWithProducts;
import io.wms.jooq.tables.records.BrandsRecord;
import org.jooq.DSLContext;

/**
 * Brands, on the implementation shared with categories.
 */
final class JooqBrandRepository extends JooqProductGroupRepository<BrandsRecord, Brand, BrandWithProducts>
        implements BrandRepository {

    private static final ProductGroupTable<BrandsRecord, Brand, BrandWithProducts> TABLE =
            new ProductGroupTable<>("brand", BRANDS, BRANDS.ID, BRANDS.NAME, BRANDS.DESCRIPTION, BRANDS.DELETED_AT,
                    BRANDS.CREATED_BY, BRANDS.UPDATED_BY, BRANDS.VERSION, PRODUCTS.BRAND_ID, Mappers::brand,
                    BrandWithProducts::new);

    JooqBrandRepository(DSLContext dsl) {
        super(dsl, TABLE);
    }
}
