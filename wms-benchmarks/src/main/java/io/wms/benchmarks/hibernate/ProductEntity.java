package io.wms.benchmarks.hibernate;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A product with lazy relations, mapped the way a JPA team would. */
@Entity
@Table(name = "products")
public class ProductEntity {

    @Id
    Long id;

    String name;

    String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    CategoryEntity category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "brand_id")
    BrandEntity brand;

    Instant createdAt;

    Instant deletedAt;

    @OneToMany(mappedBy = "product")
    @OrderBy("expiryDate ASC NULLS LAST, id ASC")
    List<BatchEntity> batches;

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @return the category, loaded on first access */
    public CategoryEntity getCategory() {
        return category;
    }

    /** @return the brand, loaded on first access */
    public BrandEntity getBrand() {
        return brand;
    }

    /** @return the batches, loaded on first access */
    public List<BatchEntity> getBatches() {
        return batches;
    }
}
