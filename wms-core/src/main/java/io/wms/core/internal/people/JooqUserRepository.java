package io.wms.core.internal.people;

import static io.wms.core.internal.PgCatalog.lower;
import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;

import java.util.List;
import java.util.Optional;

import io.wms.core.auth.Actor;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.internal.Keyset;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.SoftDeletes;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.model.Role;
import io.wms.core.model.User;
import io.wms.core.model.UserWithRoles;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.UserRepository;
import io.wms.jooq.tables.records.UsersRecord;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Users on jOOQ. The password column is written here and read only by the authentication service.
 */
final class JooqUserRepository implements UserRepository {

    static final SoftDeletes<UsersRecord, User> SOFT_DELETES = new SoftDeletes<>("user", USERS, USERS.ID,
            USERS.DELETED_AT, null, Mappers::user);

    private static final Keyset<User> BY_ID = Keyset.byId("user:id", USERS.ID, User::id);

    private final Transactions transactions;
    private final DSLContext dsl;
    private final Passwords passwords;

    JooqUserRepository(Transactions transactions, Passwords passwords) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.passwords = passwords;
    }

    @Override
    public User create(Actor actor, NewUser user) {
        Validator validator = Validator.of("new user").email("email", user.email(), UserEmails.MAX_LENGTH);
        passwords.check(validator, "password", user.password());
        validator.validate();
        String email = UserEmails.canonical(user.email());
        String hash = passwords.hash(user.password());
        // A refusal names the address as the caller sent it, the one they can recognise.
        return Mappers.user(ExceptionTranslator.naming(user.email(), () -> dsl.insertInto(USERS)
                .set(USERS.EMAIL, email)
                .set(USERS.PASSWORD, hash)
                .returning()
                .fetchSingle()));
    }

    @Override
    public Optional<User> findById(Actor actor, long id) {
        return dsl.selectFrom(USERS).where(USERS.ID.eq(id).and(USERS.DELETED_AT.isNull()))
                .fetchOptional()
                .map(Mappers::user);
    }

    @Override
    public Optional<User> findByEmail(Actor actor, String email) {
        return dsl.selectFrom(USERS).where(UserEmails.liveUserWith(email)).fetchOptional().map(Mappers::user);
    }

    @Override
    public Optional<UserWithRoles> findWithRoles(Actor actor, long id) {
        return liveWithRoles(id);
    }

    /** Reads a live user with their roles, unchecked: for logins, which have no actor yet. */
    Optional<UserWithRoles> liveWithRoles(long id) {
        Field<List<Role>> roles = rolesField();
        return dsl.select(USERS.asterisk(), roles)
                .from(USERS)
                .where(USERS.ID.eq(id).and(USERS.DELETED_AT.isNull()))
                .fetchOptional()
                .map(record -> new UserWithRoles(Mappers.user(record.into(USERS)), record.get(roles)));
    }

    @Override
    public List<User> list(Actor actor) {
        return Keyset.everything("users", "list(actor, limit, cursor)", limit -> dsl.selectFrom(USERS)
                .where(USERS.DELETED_AT.isNull())
                .orderBy(lower(USERS.EMAIL), USERS.ID)
                .limit(limit)
                .fetch()
                .map(Mappers::user));
    }

    @Override
    public KeysetPage<User> list(Actor actor, int limit) {
        return page(limit, null);
    }

    @Override
    public KeysetPage<User> list(Actor actor, int limit, String cursor) {
        return page(limit, cursor);
    }

    private KeysetPage<User> page(int limit, String cursor) {
        return BY_ID.page("page of users", limit, cursor, (after, rows) -> dsl.selectFrom(USERS)
                .where(USERS.DELETED_AT.isNull().and(after))
                .orderBy(BY_ID.order())
                .limit(rows)
                .fetch(Mappers::user));
    }

    @Override
    public User updateEmail(Actor actor, long id, String email, long expectedVersion) {
        Validator.of("user changes").email("email", email, UserEmails.MAX_LENGTH).validate();
        String stripped = UserEmails.canonical(email);
        return ExceptionTranslator.naming(email, () -> dsl.update(USERS)
                        .set(USERS.EMAIL, stripped)
                        .where(USERS.ID.eq(id).and(USERS.DELETED_AT.isNull()).and(USERS.VERSION.eq(expectedVersion)))
                        .returning()
                        .fetchOptional())
                .map(Mappers::user)
                .orElseThrow(() -> SOFT_DELETES.missingOrStale(dsl, id, expectedVersion));
    }

    @Override
    public void delete(Actor actor, long id) {
        transactions.transaction(() -> {
            LastAdminGuard.refuseLosingLastAdmin(dsl, id);
            SOFT_DELETES.delete(dsl, actor, id);
            return id;
        });
    }

    @Override
    public User restore(Actor actor, long id) {
        return SOFT_DELETES.restore(dsl, actor, id);
    }

    @Override
    public void purge(Actor actor, long id) {
        transactions.transaction(() -> {
            LastAdminGuard.refuseLosingLastAdmin(dsl, id);
            SOFT_DELETES.purge(dsl, id);
            return id;
        });
    }

    static Field<List<Role>> rolesField() {
        return multiset(selectFrom(ROLES)
                .where(ROLES.ID.in(select(USER_ROLES.ROLE_ID).from(USER_ROLES).where(USER_ROLES.USER_ID.eq(USERS.ID))))
                .orderBy(ROLES.NAME))
                .convertFrom(result -> result.map(Mappers::role));
    }

}
