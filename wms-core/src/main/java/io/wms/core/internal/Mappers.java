package io.wms.core.internal;

import io.wms.core.model.Brand;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.Role;
import io.wms.core.model.TrackAction;
import io.wms.core.model.User;
import io.wms.jooq.tables.records.BrandsRecord;
import io.wms.jooq.tables.records.CategoriesRecord;
import io.wms.jooq.tables.records.ProductBatchTracksRecord;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import io.wms.jooq.tables.records.ProductsRecord;
import io.wms.jooq.tables.records.RolesRecord;
import io.wms.jooq.tables.records.UsersRecord;

/**
 * Turns generated jOOQ records into the API's immutable records. The password hash of a user is left behind here,
 * so that it can never reach a caller.
 */
public final class Mappers {

    private Mappers() {
    }

    /**
     * Maps a user row, without its password hash.
     *
     * @param row the row
     * @return the user
     */
    public static User user(UsersRecord row) {
        return new User(row.getId(), row.getEmail(), row.getCreatedAt(), row.getUpdatedAt(), row.getDeletedAt(),
                row.getVersion());
    }

    /**
     * Maps a role row.
     *
     * @param row the row
     * @return the role
     */
    public static Role role(RolesRecord row) {
        return new Role(row.getId(), row.getName(), row.getDescription(), row.getCreatedAt(), row.getUpdatedAt(),
                row.getVersion());
    }

    /**
     * Maps a category row.
     *
     * @param row the row
     * @return the category
     */
    public static Category category(CategoriesRecord row) {
        return new Category(row.getId(), row.getName(), row.getDescription(), row.getCreatedAt(),
                row.getUpdatedAt(), row.getDeletedAt(), row.getCreatedBy(), row.getUpdatedBy(), row.getVersion());
    }

    /**
     * Maps a brand row.
     *
     * @param row the row
     * @return the brand
     */
    public static Brand brand(BrandsRecord row) {
        return new Brand(row.getId(), row.getName(), row.getDescription(), row.getCreatedAt(), row.getUpdatedAt(),
                row.getDeletedAt(), row.getCreatedBy(), row.getUpdatedBy(), row.getVersion());
    }

    /**
     * Maps a product row.
     *
     * @param row the row
     * @return the product
     */
    public static Product product(ProductsRecord row) {
        return new Product(row.getId(), row.getName(), row.getDescription(), row.getCategoryId(), row.getBrandId(),
                row.getCreatedAt(), row.getUpdatedAt(), row.getDeletedAt(), row.getCreatedBy(), row.getUpdatedBy(),
                row.getVersion());
    }

    /**
     * Maps a batch row.
     *
     * @param row the row
     * @return the batch
     */
    public static ProductBatch batch(ProductBatchesRecord row) {
        return new ProductBatch(row.getId(), row.getProductId(), row.getBatchNumber(), row.getQuantity(),
                row.getManufacturingDate(), row.getExpiryDate(), row.getStatus(),
                row.getCreatedAt(), row.getUpdatedAt(), row.getDeletedAt(), row.getCreatedBy(), row.getUpdatedBy(),
                row.getVersion());
    }

    /**
     * Maps a ledger row.
     *
     * @param row the row
     * @return the ledger entry
     */
    public static ProductBatchTrack track(ProductBatchTracksRecord row) {
        return new ProductBatchTrack(row.getId(), row.getProductBatchId(), row.getUserId(), row.getActorName(),
                row.getAction(), row.getDescription(), row.getQuantityChange(),
                row.getQuantityAfter(), row.getCreatedAt(), row.getLocationId());
    }
}
