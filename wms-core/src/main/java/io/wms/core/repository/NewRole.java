package io.wms.core.repository;

/**
 * What it takes to create a role. A role that is not one of the built-in four grants no permission until the
 * permission table ({@link io.wms.core.auth.RolePermissions}) names it; it can still group users.
 *
 * @param name        the unique name, at most 100 characters; surrounding spaces are removed
 * @param description what the role is for; may be {@code null}
 */
public record NewRole(String name, String description) {
}
