package io.wms.core.repository;

/**
 * What it takes to create a warehouse.
 *
 * @param code its code: required, at most 50 characters, unique among warehouses (stripped of surrounding blanks)
 * @param name its name: required, at most 255 characters
 */
public record NewWarehouse(String code, String name) {
}
