package io.wms.core.internal.people;

import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;

import io.wms.core.auth.RolePermissions;
import io.wms.core.error.LastAdminException;
import org.jooq.DSLContext;

/**
 * Keeps at least one live admin. Every operation that can take the admin role away from a user (revoking it,
 * soft-deleting or purging the user) calls it inside the transaction that makes the change.
 *
 * <p>The admin role's row is locked before the admins are counted, so that such operations run one after the
 * other: two administrators revoking each other at once cannot both see "one other admin is left".
 */
final class LastAdminGuard {

    private LastAdminGuard() {
    }

    static void refuseLosingLastAdmin(DSLContext transaction, long userId) {
        Long adminRoleId = transaction.select(ROLES.ID)
                .from(ROLES)
                .where(ROLES.NAME.eq(RolePermissions.ADMIN))
                .forUpdate()
                .fetchOne(ROLES.ID);
        if (adminRoleId == null) {
            return;
        }
        boolean isLiveAdmin = transaction.fetchExists(transaction.selectOne()
                .from(USER_ROLES).join(USERS).on(USERS.ID.eq(USER_ROLES.USER_ID))
                .where(USER_ROLES.ROLE_ID.eq(adminRoleId)
                        .and(USER_ROLES.USER_ID.eq(userId))
                        .and(USERS.DELETED_AT.isNull())));
        if (!isLiveAdmin) {
            return;
        }
        boolean anotherLiveAdmin = transaction.fetchExists(transaction.selectOne()
                .from(USER_ROLES).join(USERS).on(USERS.ID.eq(USER_ROLES.USER_ID))
                .where(USER_ROLES.ROLE_ID.eq(adminRoleId)
                        .and(USER_ROLES.USER_ID.ne(userId))
                        .and(USERS.DELETED_AT.isNull())));
        if (!anotherLiveAdmin) {
            throw new LastAdminException(userId);
        }
    }
}
