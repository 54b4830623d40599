package io.wms.core.repository;

/**
 * The orders a product listing may be sorted in; every order ends with the id, so that pages are deterministic.
 * Each one is served by an index: {@code idx_products_name (name, id)}, {@code idx_products_created_at
 * (created_at, id)} and the primary key.
 */
public enum ProductSort {
    /** By name, then id. */
    NAME,
    /** By creation time, then id. */
    CREATED_AT,
    /** By id alone, which is the order of creation. */
    ID
}
