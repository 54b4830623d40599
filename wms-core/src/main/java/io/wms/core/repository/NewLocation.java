package io.wms.core.repository;

/**
 * What it takes to create a location.
 *
 * @param warehouseId  the warehouse it is in
 * @param parentId     the location it lies inside, in the same warehouse; {@code null} for a top-level location
 * @param code         its code: required, at most 50 characters, unique within the warehouse (stripped of
 *                     surrounding blanks)
 * @param name         its name: optional ({@code null}), at most 255 characters
 * @param pickSequence where it comes on a picker's walk, 0 or more; {@code null} for after every location with one
 */
public record NewLocation(long warehouseId, Long parentId, String code, String name, Integer pickSequence) {
}
