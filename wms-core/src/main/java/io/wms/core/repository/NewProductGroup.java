package io.wms.core.repository;

/**
 * What it takes to create a category or a brand.
 *
 * @param name        the name: required, at most 255 characters, unique among live rows ignoring case
 * @param description what it holds or is; optional ({@code null}), unbounded
 */
public record NewProductGroup(String name, String description) {
}
