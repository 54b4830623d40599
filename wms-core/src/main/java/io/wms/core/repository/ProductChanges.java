package io.wms.core.repository;

/**
 * The new values of a product, replacing the old ones, and the version they were based on.
 *
 * @param name            the name: required, at most 255 characters
 * @param description     the description; {@code null} clears it
 * @param categoryId      the category, which must exist and be live; {@code null} clears it
 * @param brandId         the brand, which must exist and be live; {@code null} clears it
 * @param expectedVersion the version that was read; the update is refused if the product has changed since
 */
public record ProductChanges(String name, String description, Long categoryId, Long brandId,
                             long expectedVersion) {
}
