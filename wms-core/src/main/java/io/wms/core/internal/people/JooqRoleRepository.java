package io.wms.core.internal.people;

import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.auth.RolePermissions;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.Role;
import io.wms.core.repository.InputLimits;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewRole;
import io.wms.core.repository.RoleChanges;
import io.wms.core.repository.RoleRepository;
import io.wms.jooq.tables.records.RolesRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Roles and role assignments on jOOQ.
 */
final class JooqRoleRepository implements RoleRepository {

    static final int NAME_LENGTH = 100;

    private static final Keyset<Role> BY_NAME = Keyset.byKeyThenId("role:name", ROLES.NAME, ROLES.ID, Role::name,
            Role::id);

    private final Transactions transactions;
    private final DSLContext dsl;

    JooqRoleRepository(Transactions transactions) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
    }

    @Override
    public Optional<Role> findByName(Actor actor, String name) {
        return dsl.selectFrom(ROLES).where(ROLES.NAME.eq(name)).fetchOptional().map(Mappers::role);
    }

    @Override
    public List<Role> list(Actor actor) {
        return Keyset.everything("roles", "list(actor, limit, cursor)", limit -> roles(noCondition(), limit));
    }

    @Override
    public KeysetPage<Role> list(Actor actor, int limit) {
        return BY_NAME.page("page of roles", limit, null, this::roles);
    }

    @Override
    public KeysetPage<Role> list(Actor actor, int limit, String cursor) {
        return BY_NAME.page("page of roles", limit, cursor, this::roles);
    }

    private List<Role> roles(Condition after, int limit) {
        return dsl.selectFrom(ROLES).where(after).orderBy(BY_NAME.order()).limit(limit).fetch(Mappers::role);
    }

    @Override
    public Role create(Actor actor, NewRole role) {
        Validator.of("new role")
                .requiredText("name", role.name(), NAME_LENGTH)
                .optionalText("description", role.description(), InputLimits.MAX_DESCRIPTION_LENGTH)
                .validate();
        String name = role.name().strip();
        return Mappers.role(ExceptionTranslator.naming(name, () -> dsl.insertInto(ROLES)
                .set(ROLES.NAME, name)
                .set(ROLES.DESCRIPTION, role.description())
                .returning()
                .fetchSingle()));
    }

    @Override
    public Role update(Actor actor, long id, RoleChanges changes) {
        Validator.of("role changes").optionalText("description", changes.description(),
                InputLimits.MAX_DESCRIPTION_LENGTH).validate();
        return dsl.update(ROLES)
                .set(ROLES.DESCRIPTION, changes.description())
                .where(ROLES.ID.eq(id).and(ROLES.VERSION.eq(changes.expectedVersion())))
                .returning()
                .fetchOptional()
                .map(Mappers::role)
                .orElseThrow(() -> dsl.fetchExists(ROLES, ROLES.ID.eq(id))
                        ? new ConcurrentUpdateException("role", id, changes.expectedVersion())
                        : new NotFoundException("role", id));
    }

    @Override
    public void delete(Actor actor, long id) {
        RolesRecord role = dsl.selectFrom(ROLES).where(ROLES.ID.eq(id)).fetchOptional()
                .orElseThrow(() -> new NotFoundException("role", id));
        if (RolePermissions.BUILT_IN_ROLES.contains(role.getName())) {
            Validator.of("role deletion")
                    .add("name", Rule.BUILT_IN, "'" + role.getName() + "' is a built-in role and cannot be deleted")
                    .validate();
        }
        dsl.deleteFrom(ROLES).where(ROLES.ID.eq(id)).execute();
    }

    @Override
    public void assign(Actor actor, long userId, String roleName) {
        long roleId = roleId(roleName);
        if (!dsl.fetchExists(USERS, USERS.ID.eq(userId).and(USERS.DELETED_AT.isNull()))) {
            throw new NotFoundException("user", userId);
        }
        dsl.insertInto(USER_ROLES)
                .set(USER_ROLES.USER_ID, userId)
                .set(USER_ROLES.ROLE_ID, roleId)
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public void revoke(Actor actor, long userId, String roleName) {
        long roleId = roleId(roleName);
        if (!dsl.fetchExists(USERS, USERS.ID.eq(userId))) {
            throw new NotFoundException("user", userId);
        }
        transactions.transaction(() -> {
            if (RolePermissions.ADMIN.equals(roleName)) {
                LastAdminGuard.refuseLosingLastAdmin(dsl, userId);
            }
            return dsl.deleteFrom(USER_ROLES)
                    .where(USER_ROLES.USER_ID.eq(userId).and(USER_ROLES.ROLE_ID.eq(roleId)))
                    .execute();
        });
    }

    @Override
    public List<Role> rolesOf(Actor actor, long userId) {
        return dsl.selectFrom(ROLES)
                .where(ROLES.ID.in(select(USER_ROLES.ROLE_ID).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(userId))))
                .orderBy(ROLES.NAME)
                .fetch()
                .map(Mappers::role);
    }

    private long roleId(String roleName) {
        return dsl.select(ROLES.ID).from(ROLES).where(ROLES.NAME.eq(roleName)).fetchOptional(ROLES.ID)
                .orElseThrow(() -> new NotFoundException("role", roleName));
    }
}
