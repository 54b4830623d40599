package io.wms.core.repository;

/**
 * What it takes to create a product.
 *
 * @param name        the name: required, at most 255 characters; need not be unique
 * @param description about the product; optional ({@code null}), unbounded
 * @param categoryId  its category, which must exist and be live; {@code null} for none
 * @param brandId     its brand, which must exist and be live; {@code null} for none
 */
public record NewProduct(String name, String description, Long categoryId, Long brandId) {
}
