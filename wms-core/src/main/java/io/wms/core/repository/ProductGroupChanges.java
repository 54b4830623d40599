package io.wms.core.repository;

/**
 * The new values of a category or brand, replacing the old ones, and the version they were based on.
 *
 * @param name            the name: required, at most 255 characters, unique among live rows ignoring case
 * @param description     the description; {@code null} clears it
 * @param expectedVersion the version that was read; the update is refused if the row has changed since
 */
public record ProductGroupChanges(String name, String description, long expectedVersion) {
}
