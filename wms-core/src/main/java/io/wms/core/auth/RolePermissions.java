package io.wms.core.auth;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table that says which permissions each of the four built-in roles grants (written down in
 * the README's permission table). A role not in the table grants nothing.
 *
 * <p>Stateless and thread-safe.
 */
public final class RolePermissions {

    /** Runs the warehouse and its users: every permission. */
    public static final String ADMIN = "admin";
    /** Runs the stock and the catalog, but neither users nor hard deletes. */
    public static final String MANAGER = "manager";
    /** Receives, reserves, picks and counts stock. */
    public static final String OPERATOR = "operator";
    /** Reads the catalog and the monitoring figures. */
    public static final String VIEWER = "viewer";

    /** The built-in roles, most powerful first. */
    public static final List<String> BUILT_IN_ROLES = List.of(ADMIN, MANAGER, OPERATOR, VIEWER);

    private static final Map<String, Set<Permission>> TABLE = Map.of(
            ADMIN, EnumSet.allOf(Permission.class),
            MANAGER, EnumSet.complementOf(EnumSet.of(Permission.MANAGE_USERS, Permission.PURGE_DATA)),
            OPERATOR, EnumSet.of(Permission.READ_CATALOG, Permission.RECEIVE_STOCK, Permission.PICK_STOCK,
                    Permission.COUNT_STOCK, Permission.RESERVE_STOCK),
            VIEWER, EnumSet.of(Permission.READ_CATALOG, Permission.READ_MONITORING));

    private RolePermissions() {
    }

    /**
     * Returns the permissions one role grants.
     *
     * @param roleName the role's name, for example {@code "operator"}; never {@code null}
     * @return the permissions; empty for a role that is not built in; never {@code null}
     */
    public static Set<Permission> of(String roleName) {
        Set<Permission> permissions = TABLE.get(roleName);
        return permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    /**
     * Returns the permissions a set of roles grants together.
     *
     * @param roleNames the roles' names; never {@code null}
     * @return the union of their permissions; never {@code null}
     */
    public static Set<Permission> of(Collection<String> roleNames) {
        EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
        roleNames.forEach(roleName -> permissions.addAll(of(roleName)));
        return Set.copyOf(permissions);
    }
}
