package io.wms.benchmarks.hibernate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A product batch with its lazy ledger, mapped the way a JPA team would. */
@Entity
@Table(name = "product_batches")
public class BatchEntity {

    @Id
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_id")
    ProductEntity product;

    String batchNumber;

    int quantity;

    LocalDate manufacturingDate;

    LocalDate expiryDate;

    String status;

    Instant deletedAt;

    @OneToMany(mappedBy = "batch")
    @OrderBy("createdAt DESC, id DESC")
    List<TrackEntity> tracks;

    /** @return the ledger rows, loaded on first access */
    public List<TrackEntity> getTracks() {
        return tracks;
    }
}
