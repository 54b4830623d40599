package io.wms.benchmarks.hibernate;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A ledger row with its lazy user, mapped the way a JPA team would. */
@Entity
@Table(name = "product_batch_tracks")
public class TrackEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "product_batch_id")
    BatchEntity batch;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    UserEntity user;

    String action;

    String description;

    Integer quantityChange;

    Integer quantityAfter;

    Instant createdAt;

    /** @return the acting user, loaded on first access */
    public UserEntity getUser() {
        return user;
    }
}
