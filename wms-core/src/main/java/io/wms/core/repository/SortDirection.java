package io.wms.core.repository;

/**
 * The direction of a listing's order. Ties are always broken by id in the same direction.
 */
public enum SortDirection {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC
}
