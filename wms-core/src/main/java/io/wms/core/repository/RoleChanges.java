package io.wms.core.repository;

/**
 * A new description for a role. A role's name cannot change, because the permission table refers to roles by
 * name.
 *
 * @param description     the new description; may be {@code null} to clear it
 * @param expectedVersion the version the change is based on
 */
public record RoleChanges(String description, long expectedVersion) {
}
