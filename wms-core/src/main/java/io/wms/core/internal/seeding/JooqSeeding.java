package io.wms.core.internal.seeding;

import static io.wms.core.internal.PgCatalog.lower;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.RolePermissions;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.internal.ApiGuard;
import io.wms.core.internal.OperationDeclaration;
import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.LedgerActor;
import io.wms.core.internal.LiveActors;
import io.wms.core.internal.OperationObserver;
import io.wms.core.internal.Transactions;
import io.wms.core.internal.Validator;
import io.wms.core.internal.WmsSettings;
import io.wms.core.internal.people.Passwords;
import io.wms.core.internal.people.UserEmails;
import io.wms.core.seed.HostSeeder;
import io.wms.core.seed.SeedOptions;
import io.wms.core.seed.SeededTable;
import io.wms.core.seed.Seeder;
import io.wms.core.seed.Seeding;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's registry in Java: one idempotent seeder per table, in foreign-key order. Each seeder looks rows up by
 * their natural key (a name, an e-mail, a batch number) and adds only the missing ones.
 */
final class JooqSeeding implements Seeding {

    private static final Logger LOG = LoggerFactory.getLogger(Seeding.class);

    /** The seed's RoleSeeder: its four roles with its descriptions. */
    static final Map<String, String> ROLE_DESCRIPTIONS = Map.of(
            RolePermissions.ADMIN, "System Administrator",
            RolePermissions.MANAGER, "Warehouse Manager",
            RolePermissions.OPERATOR, "Warehouse Operator",
            RolePermissions.VIEWER, "Read-only Access");

    private final Transactions transactions;
    private final DSLContext dsl;
    private final WmsSettings settings;
    private final Passwords passwords;
    private final LiveActors liveActors;

    JooqSeeding(Transactions transactions, WmsSettings settings, Passwords passwords, LiveActors liveActors) {
        this.transactions = transactions;
        this.dsl = transactions.dsl();
        this.settings = settings;
        this.passwords = passwords;
        this.liveActors = liveActors;
    }

    /**
     * Each seeder is an operation of its own: it runs later, outside this call, so the actor it is given is checked
     * against the live users when it runs, and inside a transaction someone else holds it runs under a savepoint,
     * as every call of the API does.
     */
    @Override
    public List<Seeder> seeders(SeedOptions options) {
        return seeders(dsl, options).stream().map(seeder -> ApiGuard.operations(Seeder.class, seeder,
                declarations(seeder), liveActors, transactions, OperationObserver.NONE)).toList();
    }

    private static Map<Method, OperationDeclaration> declarations(PermittedSeeder seeder) {
        try {
            return Map.of(Seeder.class.getMethod("table"),
                    new OperationDeclaration("seeding.seeders.table", false, Set.of(), Set.of(), -1, -1),
                    Seeder.class.getMethod("seed", Actor.class),
                    OperationDeclaration.writes("seeding.seeders.seed", seeder.permission()));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Seeder changed its methods", e);
        }
    }

    private List<PermittedSeeder> seeders(DSLContext context, SeedOptions options) {
        boolean demo = options.demoData();
        return List.of(
                new RoleSeeder(context),
                new UserSeeder(context, passwords, options),
                new GroupSeeder(context, "categories", CATEGORIES, CATEGORIES.NAME, CATEGORIES.DESCRIPTION,
                        CATEGORIES.DELETED_AT, CATEGORIES.CREATED_BY, demo ? DemoData.CATEGORIES : List.of()),
                new GroupSeeder(context, "brands", BRANDS, BRANDS.NAME, BRANDS.DESCRIPTION, BRANDS.DELETED_AT,
                        BRANDS.CREATED_BY, demo ? DemoData.BRANDS : List.of()),
                new ProductSeeder(context, demo ? DemoData.PRODUCTS : List.of()),
                new BatchSeeder(context, new ExpiryPolicy(settings), demo ? DemoData.BATCHES : List.of()),
                new TrackSeeder(context, demo ? DemoData.BATCHES : List.of()));
    }

    @Override
    public List<SeededTable> run(Actor actor, SeedOptions options) {
        return run(actor, options, List.of());
    }

    @Override
    public List<SeededTable> run(Actor actor, SeedOptions options, List<HostSeeder> hostSeeders) {
        List<Seeder> ordered = inOrder(seeders(dsl, options), hostSeeders);
        for (Seeder seeder : ordered) {
            if (seeder instanceof PermittedSeeder permitted) {
                ApiGuard.requireWhen(actor, permitted.permission());
            }
        }
        return transactions.transaction(() -> {
            List<SeededTable> report = new ArrayList<>();
            for (Seeder seeder : ordered) {
                report.add(new SeededTable(seeder.table(), seeder.seed(actor)));
            }
            return List.copyOf(report);
        });
    }

    /** Places each host seeder right after the table it names; checks every name before anything runs. */
    private List<Seeder> inOrder(List<PermittedSeeder> wmsSeeders, List<HostSeeder> hostSeeders) {
        List<Seeder> ordered = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Validator validator = Validator.of("host seeders");
        List<HostSeeder> first = hostSeeders.stream().filter(host -> host.runsAfter() == null).toList();
        for (HostSeeder host : hostSeeders) {
            if (host.table() == null || host.table().isBlank()) {
                validator.add("table", Violation.Rule.REQUIRED, "is required for every host seeder");
            } else if (wmsSeeders.stream().anyMatch(seeder -> seeder.table().equals(host.table()))
                    || !names.add(host.table())) {
                validator.add("table", Violation.Rule.REUSED, "'" + host.table() + "' names two seeders of the run");
            }
        }
        validator.validate();
        first.forEach(host -> ordered.add(hostSeeder(host)));
        ordered.addAll(wmsSeeders);
        List<HostSeeder> placing = new ArrayList<>(hostSeeders);
        placing.removeAll(first);
        while (!placing.isEmpty()) {
            HostSeeder next = placing.stream()
                    .filter(host -> ordered.stream().anyMatch(seeder -> seeder.table().equals(host.runsAfter())))
                    .findFirst()
                    .orElseThrow(() -> new ValidationException("host seeders", List.of(new Violation("runsAfter",
                            Violation.Rule.KNOWN, "names '" + placing.get(0).runsAfter()
                                    + "', which no seeder of the run seeds"))));
            int after = lastIndexOf(ordered, next.runsAfter());
            int position = after + 1;
            while (position < ordered.size() && ordered.get(position) instanceof PlacedHostSeeder placed
                    && next.runsAfter().equals(placed.host().runsAfter())) {
                position++;
            }
            ordered.add(position, hostSeeder(next));
            placing.remove(next);
        }
        return ordered;
    }

    private static int lastIndexOf(List<Seeder> seeders, String table) {
        for (int index = seeders.size() - 1; index >= 0; index--) {
            if (seeders.get(index).table().equals(table)) {
                return index;
            }
        }
        return -1;
    }

    private Seeder hostSeeder(HostSeeder host) {
        return new PlacedHostSeeder(host, dsl);
    }

    /** A host's seeder run on the seeding transaction's connection. */
    /** One of wms's own seeders, and the permission its actor must hold. */
    private interface PermittedSeeder extends Seeder {

        /** Returns the permission the seeder's actor must hold. */
        Permission permission();
    }

    private record PlacedHostSeeder(HostSeeder host, DSLContext dsl) implements Seeder {

        @Override
        public String table() {
            return host.table();
        }

        @Override
        public int seed(Actor actor) {
            return dsl.connectionResult(connection -> host.seed(actor, connection));
        }
    }

    private static final class RoleSeeder implements PermittedSeeder {

        private final DSLContext dsl;

        RoleSeeder(DSLContext dsl) {
            this.dsl = dsl;
        }

        @Override
        public Permission permission() {
            return Permission.MANAGE_USERS;
        }

        @Override
        public String table() {
            return "roles";
        }

        @Override
        public int seed(Actor actor) {
            int added = 0;
            for (String role : RolePermissions.BUILT_IN_ROLES) {
                added += dsl.insertInto(ROLES)
                        .set(ROLES.NAME, role)
                        .set(ROLES.DESCRIPTION, ROLE_DESCRIPTIONS.get(role))
                        .onConflictDoNothing()
                        .execute();
            }
            return added;
        }
    }

    private static final class UserSeeder implements PermittedSeeder {

        private final DSLContext dsl;
        private final Passwords passwords;
        private final SeedOptions options;

        UserSeeder(DSLContext dsl, Passwords passwords, SeedOptions options) {
            this.dsl = dsl;
            this.passwords = passwords;
            this.options = options;
        }

        @Override
        public Permission permission() {
            return Permission.MANAGE_USERS;
        }

        @Override
        public String table() {
            return "users";
        }

        /**
         * Creates the first admin, and only that: nothing happens while a live admin exists, so re-running the
         * seeders never re-grants a revoked admin nor re-creates a deleted one, and an account that already exists
         * is never promoted, since the seeder cannot know whether whoever holds it knows the configured password.
         */
        @Override
        public int seed(Actor actor) {
            if (options.firstAdminEmail().isPresent()) {
                Validator validator = Validator.of("first admin")
                        .email(SeedOptions.ADMIN_EMAIL_VARIABLE, options.adminEmail(), UserEmails.MAX_LENGTH);
                passwords.check(validator, SeedOptions.ADMIN_PASSWORD_VARIABLE, options.adminPassword());
                validator.validate();
            }
            // Locked as the last-admin guard locks it, so that two seeders starting together create one admin.
            Long adminRoleId = dsl.select(ROLES.ID).from(ROLES).where(ROLES.NAME.eq(RolePermissions.ADMIN))
                    .forUpdate()
                    .fetchOne(ROLES.ID);
            boolean liveAdminExists = adminRoleId != null && dsl.fetchExists(dsl.selectOne().from(USER_ROLES)
                    .join(USERS).on(USERS.ID.eq(USER_ROLES.USER_ID))
                    .where(USER_ROLES.ROLE_ID.eq(adminRoleId).and(USERS.DELETED_AT.isNull())));
            if (liveAdminExists) {
                return 0;
            }
            if (options.firstAdminEmail().isEmpty() || adminRoleId == null) {
                LOG.warn("No admin exists and none was created: set {} and {} (or SeedOptions.withFirstAdmin) "
                                + "and run the seeders again, or create a user with users().create and give "
                                + "them the role with roles().assign(actor, userId, \"admin\")",
                        SeedOptions.ADMIN_EMAIL_VARIABLE, SeedOptions.ADMIN_PASSWORD_VARIABLE);
                return 0;
            }
            String email = UserEmails.canonical(options.adminEmail());
            if (dsl.fetchExists(dsl.selectOne().from(USERS).where(UserEmails.liveUserWith(email)))) {
                LOG.warn("No admin exists and none was created: an account with the {} address already exists, and "
                                + "the seeder never promotes an existing account; give it the role with "
                                + "roles().assign(actor, userId, \"admin\") or configure another address",
                        SeedOptions.ADMIN_EMAIL_VARIABLE);
                return 0;
            }
            long userId = dsl.insertInto(USERS)
                    .set(USERS.EMAIL, email)
                    .set(USERS.PASSWORD, passwords.hash(options.adminPassword()))
                    .returning(USERS.ID)
                    .fetchSingle(USERS.ID);
            dsl.insertInto(USER_ROLES)
                    .set(USER_ROLES.USER_ID, userId)
                    .set(USER_ROLES.ROLE_ID, adminRoleId)
                    .execute();
            LOG.info("Created the first admin {}", email);
            return 1;
        }
    }

    private static final class GroupSeeder implements PermittedSeeder {

        private final DSLContext dsl;
        private final String table;
        private final Table<? extends Record> groups;
        private final TableField<? extends Record, String> name;
        private final TableField<? extends Record, String> description;
        private final TableField<? extends Record, Instant> deletedAt;
        private final TableField<? extends Record, Long> createdBy;
        private final List<DemoData.Group> rows;

        GroupSeeder(DSLContext dsl, String table, Table<? extends Record> groups,
                    TableField<? extends Record, String> name, TableField<? extends Record, String> description,
                    TableField<? extends Record, Instant> deletedAt,
                    TableField<? extends Record, Long> createdBy, List<DemoData.Group> rows) {
            this.dsl = dsl;
            this.table = table;
            this.groups = groups;
            this.name = name;
            this.description = description;
            this.deletedAt = deletedAt;
            this.createdBy = createdBy;
            this.rows = rows;
        }

        @Override
        public Permission permission() {
            return Permission.MANAGE_CATALOG;
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public int seed(Actor actor) {
            int added = 0;
            for (DemoData.Group row : rows) {
                if (!dsl.fetchExists(groups, lower(name).eq(lower(row.name())).and(deletedAt.isNull()))) {
                    added += dsl.insertInto(groups)
                            .set(name, row.name())
                            .set(description, row.description())
                            .set(createdBy, actor.userId())
                            .execute();
                }
            }
            return added;
        }
    }

    private static final class ProductSeeder implements PermittedSeeder {

        private final DSLContext dsl;
        private final List<DemoData.Item> rows;

        ProductSeeder(DSLContext dsl, List<DemoData.Item> rows) {
            this.dsl = dsl;
            this.rows = rows;
        }

        @Override
        public Permission permission() {
            return Permission.MANAGE_CATALOG;
        }

        @Override
        public String table() {
            return "products";
        }

        @Override
        public int seed(Actor actor) {
            int added = 0;
            for (DemoData.Item row : rows) {
                if (productId(dsl, row.name()) == null) {
                    added += dsl.insertInto(PRODUCTS)
                            .set(PRODUCTS.NAME, row.name())
                            .set(PRODUCTS.DESCRIPTION, row.description())
                            .set(PRODUCTS.CATEGORY_ID, dsl.select(CATEGORIES.ID).from(CATEGORIES)
                                    .where(CATEGORIES.NAME.eq(row.category()).and(CATEGORIES.DELETED_AT.isNull())))
                            .set(PRODUCTS.BRAND_ID, dsl.select(BRANDS.ID).from(BRANDS)
                                    .where(BRANDS.NAME.eq(row.brand()).and(BRANDS.DELETED_AT.isNull())))
                            .set(PRODUCTS.CREATED_BY, actor.userId())
                            .execute();
                }
            }
            return added;
        }
    }

    private static final class BatchSeeder implements PermittedSeeder {

        private final DSLContext dsl;
        private final ExpiryPolicy expiry;
        private final List<DemoData.Batch> rows;

        BatchSeeder(DSLContext dsl, ExpiryPolicy expiry, List<DemoData.Batch> rows) {
            this.dsl = dsl;
            this.expiry = expiry;
            this.rows = rows;
        }

        @Override
        public Permission permission() {
            return Permission.RECEIVE_STOCK;
        }

        @Override
        public String table() {
            return "product_batches";
        }

        @Override
        public int seed(Actor actor) {
            LocalDate today = expiry.today();
            int added = 0;
            for (DemoData.Batch row : rows) {
                Long productId = productId(dsl, row.product());
                if (productId != null && batchId(dsl, productId, row.batchNumber()) == null) {
                    added += dsl.insertInto(PRODUCT_BATCHES)
                            .set(PRODUCT_BATCHES.PRODUCT_ID, productId)
                            .set(PRODUCT_BATCHES.BATCH_NUMBER, row.batchNumber())
                            .set(PRODUCT_BATCHES.QUANTITY, row.quantity())
                            .set(PRODUCT_BATCHES.MANUFACTURING_DATE, today.minusDays(row.manufacturedDaysAgo()))
                            .set(PRODUCT_BATCHES.EXPIRY_DATE,
                                    row.expiresInDays() == null ? null : today.plusDays(row.expiresInDays()))
                            .set(PRODUCT_BATCHES.STATUS, row.status())
                            .set(PRODUCT_BATCHES.CREATED_BY, actor.userId())
                            .execute();
                }
            }
            return added;
        }
    }

    private static final class TrackSeeder implements PermittedSeeder {

        private final DSLContext dsl;
        private final List<DemoData.Batch> rows;

        TrackSeeder(DSLContext dsl, List<DemoData.Batch> rows) {
            this.dsl = dsl;
            this.rows = rows;
        }

        @Override
        public Permission permission() {
            return Permission.RECEIVE_STOCK;
        }

        @Override
        public String table() {
            return "product_batch_tracks";
        }

        @Override
        public int seed(Actor actor) {
            int added = 0;
            for (DemoData.Batch row : rows) {
                Long productId = productId(dsl, row.product());
                Long batchId = productId == null ? null : batchId(dsl, productId, row.batchNumber());
                if (batchId == null || dsl.fetchExists(PRODUCT_BATCH_TRACKS,
                        PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(batchId))) {
                    continue;
                }
                int quantity = 0;
                for (DemoData.Movement movement : row.history()) {
                    Integer after = null;
                    if (movement.change() != null) {
                        quantity += movement.change();
                        after = quantity;
                    }
                    added += dsl.insertInto(PRODUCT_BATCH_TRACKS)
                            .set(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                            .set(PRODUCT_BATCH_TRACKS.USER_ID, LedgerActor.userId(actor))
                            .set(PRODUCT_BATCH_TRACKS.ACTOR_NAME, LedgerActor.name(actor))
                            .set(PRODUCT_BATCH_TRACKS.ACTION, movement.action())
                            .set(PRODUCT_BATCH_TRACKS.DESCRIPTION, movement.description())
                            .set(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, movement.change())
                            .set(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, after)
                            .execute();
                }
            }
            return added;
        }
    }

    private static Long productId(DSLContext dsl, String name) {
        return dsl.select(PRODUCTS.ID).from(PRODUCTS)
                .where(PRODUCTS.NAME.eq(name).and(PRODUCTS.DELETED_AT.isNull()))
                .orderBy(PRODUCTS.ID)
                .limit(1)
                .fetchOne(PRODUCTS.ID);
    }

    private static Long batchId(DSLContext dsl, long productId, String batchNumber) {
        return dsl.select(PRODUCT_BATCHES.ID).from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(productId)
                        .and(PRODUCT_BATCHES.BATCH_NUMBER.eq(batchNumber))
                        .and(PRODUCT_BATCHES.DELETED_AT.isNull()))
                .fetchOne(PRODUCT_BATCHES.ID);
    }
}
