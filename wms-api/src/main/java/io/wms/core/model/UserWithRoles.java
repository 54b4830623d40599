package io.wms.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A user together with every role they hold.
 *
 * @param user  the user; never {@code null}
 * @param roles the user's roles, ordered by name; never {@code null}
 */
public record UserWithRoles(User user, List<Role> roles) {

    /**
     * Creates the record.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    public UserWithRoles {
        Objects.requireNonNull(user, "user");
        roles = List.copyOf(roles);
    }

    /**
     * Tells whether the user holds a role.
     *
     * @param roleName the role's name, for example {@code "admin"}
     * @return {@code true} if one of {@link #roles()} has that name
     */
    public boolean hasRole(String roleName) {
        return roles.stream().anyMatch(role -> role.name().equals(roleName));
    }
}
