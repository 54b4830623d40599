package io.wms.core.internal.people;

import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.RolePermissions;
import io.wms.core.internal.LiveActors;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.internal.Transactions;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * Checks a user's actor against the database at each call: one indexed look-up of the user's row (live or not) and
 * their roles' names, by the primary keys of {@code users}, {@code user_roles} and {@code roles}. It runs on the
 * connection of the operation that follows when one is bound (the caller's transaction), else on its own.
 */
final class LiveUserActors implements LiveActors {

    private static final Param<Long> USER = DSL.param("userId", USERS.ID.getDataType());

    private final Transactions transactions;
    private final RenderedStatement rolesOfLiveUser;

    LiveUserActors(Transactions transactions) {
        this.transactions = transactions;
        DSLContext dsl = transactions.dsl();
        // One row per role, or one row with no role; no row at all when the user is deleted or never existed.
        this.rolesOfLiveUser = new RenderedStatement(dsl, dsl.select(ROLES.NAME)
                .from(USERS)
                .leftJoin(USER_ROLES).on(USER_ROLES.USER_ID.eq(USERS.ID))
                .leftJoin(ROLES).on(ROLES.ID.eq(USER_ROLES.ROLE_ID))
                .where(USERS.ID.eq(USER).and(USERS.DELETED_AT.isNull())), USER);
    }

    @Override
    public Actor current(Actor claimed) {
        if (claimed.isSystem()) {
            return claimed;
        }
        List<String> roles = rolesOfLiveUser.list(transactions, row -> row.getString(1), claimed.userId());
        Set<Permission> granted = roles.isEmpty() ? Set.of()
                : RolePermissions.of(roles.stream().filter(Objects::nonNull).toList());
        if (granted.containsAll(claimed.permissions())) {
            return claimed;
        }
        EnumSet<Permission> both = EnumSet.noneOf(Permission.class);
        claimed.permissions().stream().filter(granted::contains).forEach(both::add);
        return Actor.ofUser(claimed.userId(), claimed.name(), both);
    }
}
