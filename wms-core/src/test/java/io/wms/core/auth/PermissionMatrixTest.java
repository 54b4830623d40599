package io.wms.core.auth;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.CYCLE_COUNTS;
import static io.wms.jooq.Tables.CYCLE_COUNT_LINES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.REORDER_POINTS;
import static io.wms.jooq.Tables.RESERVATIONS;
import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.wms.core.Wms;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.inventory.AdjustAtLocation;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.PickReservation;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RecordCount;
import io.wms.core.inventory.ReorderPoint;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.inventory.StartCount;
import io.wms.core.repository.NewLocation;
import io.wms.core.repository.NewRole;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.NewWarehouse;
import io.wms.core.repository.RoleChanges;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.WmsExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every guarded operation of users, roles, passwords, warehouses and locations, cycle counts and corrections at a
 * location, reservations and reorder points, and seeding, tried by every built-in
 * role: allowed exactly when the role's permissions include all the operation needs, and refused otherwise with
 * nothing changed.
 */
class PermissionMatrixTest {

    private static final String PASSWORD = "correct horse";
    private static final String PASSWORD_HASH = new String(BCrypt.with(BCrypt.Version.VERSION_2B)
            .hash(10, PASSWORD.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    private long targetId;
    private long deletedId;
    private long customRoleId;
    private long warehouseId;
    private long binId;
    private long stockedBinId;
    private long batchId;
    private long countId;
    private long productId;
    private long reservationId;

    @FunctionalInterface
    interface Action {
        void perform(Wms wms, Actor actor, PermissionMatrixTest fixture);
    }

    /**
     * One operation tried, with what it needs as its declaration says: all it requires, and all it may also require
     * (each case here triggers every condition).
     */
    record Operation(String name, Action action) {

        Set<Permission> needs() {
            String declared = name.split(" ")[0];
            io.wms.core.Operation operation = io.wms.core.Operation.all().stream()
                    .filter(candidate -> candidate.name().equals(declared)).findFirst()
                    .orElseThrow(() -> new AssertionError("no operation " + declared));
            Set<Permission> needs = EnumSet.noneOf(Permission.class);
            needs.addAll(operation.requires());
            needs.addAll(operation.requiresWhen());
            return needs;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("users.create", (wms, actor, fixture) ->
                        wms.users().create(actor, new NewUser("new@example.com", PASSWORD))),
                new Operation("users.updateEmail", (wms, actor, fixture) ->
                        wms.users().updateEmail(actor, fixture.targetId, "renamed@example.com", 1)),
                new Operation("users.delete", (wms, actor, fixture) ->
                        wms.users().delete(actor, fixture.targetId)),
                new Operation("users.restore", (wms, actor, fixture) ->
                        wms.users().restore(actor, fixture.deletedId)),
                new Operation("users.purge", (wms, actor, fixture) ->
                        wms.users().purge(actor, fixture.targetId)),
                new Operation("roles.create", (wms, actor, fixture) ->
                        wms.roles().create(actor, new NewRole("auditor", null))),
                new Operation("roles.update", (wms, actor, fixture) ->
                        wms.roles().update(actor, fixture.customRoleId, new RoleChanges("Changed", 1))),
                new Operation("roles.delete", (wms, actor, fixture) ->
                        wms.roles().delete(actor, fixture.customRoleId)),
                new Operation("roles.assign", (wms, actor, fixture) ->
                        wms.roles().assign(actor, fixture.targetId, "operator")),
                new Operation("roles.revoke", (wms, actor, fixture) ->
                        wms.roles().revoke(actor, fixture.targetId, "viewer")),
                new Operation("auth.resetPassword", (wms, actor, fixture) ->
                        wms.auth().resetPassword(actor, fixture.targetId, "battery staple")),
                new Operation("auth.changePassword of another user", (wms, actor, fixture) ->
                        wms.auth().changePassword(actor, fixture.targetId, PASSWORD, "battery staple")),
                new Operation("seeding.run", (wms, actor, fixture) ->
                        wms.seeding().run(actor, SeedOptions.rolesOnly().withDemoData(true))),
                new Operation("warehouses.create", (wms, actor, fixture) ->
                        wms.warehouses().create(actor, new NewWarehouse("NORTH", "North hall"))),
                new Operation("locations.create", (wms, actor, fixture) ->
                        wms.locations().create(actor, new NewLocation(fixture.warehouseId, null, "BIN-1", null, 1))),
                new Operation("locations.deactivate", (wms, actor, fixture) ->
                        wms.locations().deactivate(actor, fixture.binId, 1)),
                new Operation("cycleCounts.start", (wms, actor, fixture) ->
                        wms.cycleCounts().start(actor, StartCount.ofLocation(fixture.stockedBinId, true))),
                new Operation("cycleCounts.sheet", (wms, actor, fixture) ->
                        wms.cycleCounts().sheet(actor, fixture.countId)),
                new Operation("cycleCounts.record", (wms, actor, fixture) ->
                        wms.cycleCounts().record(actor, new RecordCount(fixture.countId, fixture.batchId,
                                fixture.stockedBinId, 3))),
                new Operation("cycleCounts.cancel", (wms, actor, fixture) ->
                        wms.cycleCounts().cancel(actor, fixture.countId)),
                new Operation("cycleCounts.post", (wms, actor, fixture) ->
                        wms.cycleCounts().post(actor, new PostCount(fixture.countId, null))),
                new Operation("inventory.adjustAt", (wms, actor, fixture) ->
                        wms.inventory().adjustAt(actor, new AdjustAtLocation(fixture.stockedBinId, fixture.batchId, -1,
                                AdjustmentReason.DAMAGE, null, null))),
                new Operation("reservations.reserve", (wms, actor, fixture) ->
                        wms.reservations().reserve(actor,
                                ReserveStock.of(fixture.warehouseId, fixture.productId, 1, "ORDER-2"))),
                new Operation("reservations.cancel", (wms, actor, fixture) ->
                        wms.reservations().cancel(actor, fixture.reservationId)),
                new Operation("reservations.sweepExpiredReservations", (wms, actor, fixture) -> wms.reservations().sweepExpiredReservations(actor)),
                new Operation("reservations.pickReserved", (wms, actor, fixture) ->
                        wms.reservations().pickReserved(actor, PickReservation.of(fixture.reservationId))),
                new Operation("reorderPoints.set", (wms, actor, fixture) ->
                        wms.reorderPoints().set(actor, new ReorderPoint(fixture.warehouseId, fixture.productId, 1, 5))),
                new Operation("reorderPoints.clear", (wms, actor, fixture) ->
                        wms.reorderPoints().clear(actor, fixture.warehouseId, fixture.productId)));
    }

    static Stream<Arguments> rolesAndOperations() {
        List<Arguments> cases = new ArrayList<>();
        for (String role : RolePermissions.BUILT_IN_ROLES) {
            for (Operation operation : operations()) {
                cases.add(Arguments.of(role, operation));
            }
        }
        return cases.stream();
    }

    @BeforeEach
    void arrange() {
        Wms wms = extension.wms();
        wms.seeding().run(ADMIN, SeedOptions.rolesOnly());
        targetId = insertUser("target@example.com");
        deletedId = insertUser("gone@example.com");
        wms.users().delete(ADMIN, deletedId);
        wms.roles().assign(ADMIN, targetId, "viewer");
        customRoleId = wms.roles().create(ADMIN, new NewRole("picker", "Picks only")).id();
        warehouseId = wms.warehouses().defaultWarehouse(ADMIN).id();
        binId = wms.locations().create(ADMIN, new NewLocation(warehouseId, null, "BIN-0", null, null)).id();
        productId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk").returning(PRODUCTS.ID)
                .fetchSingle().getId();
        stockedBinId = wms.locations().create(ADMIN, new NewLocation(warehouseId, null, "SHELF-0", null, null)).id();
        batchId = wms.inventory().receiveAt(ADMIN, ReceiveAtLocation.of(stockedBinId, productId, "LOT-1", 5))
                .batchId();
        countId = wms.cycleCounts().start(ADMIN, StartCount.ofLocation(stockedBinId, false)).id();
        wms.inventory().receive(ADMIN, ReceiveStock.of(productId, "L-1", 5));
        reservationId = wms.reservations().reserve(ADMIN, ReserveStock.of(warehouseId, productId, 2, "ORDER-1")).id();
        wms.reorderPoints().set(ADMIN, new ReorderPoint(warehouseId, productId, 2, 10));
    }

    private long insertUser(String email) {
        return extension.sql().insertInto(USERS).set(USERS.EMAIL, email).set(USERS.PASSWORD, PASSWORD_HASH)
                .returning(USERS.ID).fetchSingle().getId();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rolesAndOperations")
    void roleMayPerformTheOperationExactlyWhenItHoldsItsPermissions(String role, Operation operation) {
        Actor actor = Actor.system(role, RolePermissions.of(role));
        boolean allowed = RolePermissions.of(role).containsAll(operation.needs());
        String before = snapshot();

        if (allowed) {
            assertThatCode(() -> operation.action().perform(extension.wms(), actor, this)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> operation.action().perform(extension.wms(), actor, this))
                    .isInstanceOfSatisfying(PermissionDeniedException.class,
                            failure -> assertThat(operation.needs()).contains(Permission.valueOf(failure.permission())));
            assertThat(snapshot()).isEqualTo(before);
        }
    }

    private String snapshot() {
        DSLContext sql = extension.sql();
        return sql.selectFrom(USERS).orderBy(USERS.ID).fetch().formatCSV()
                + sql.selectFrom(USER_ROLES).orderBy(USER_ROLES.USER_ID, USER_ROLES.ROLE_ID).fetch().formatCSV()
                + sql.selectFrom(ROLES).orderBy(ROLES.ID).fetch().formatCSV()
                + sql.fetchCount(PRODUCTS)
                + sql.fetchCount(io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS)
                + sql.selectFrom(io.wms.jooq.Tables.WAREHOUSES).orderBy(io.wms.jooq.Tables.WAREHOUSES.ID).fetch()
                        .formatCSV()
                + sql.selectFrom(io.wms.jooq.Tables.LOCATIONS).orderBy(io.wms.jooq.Tables.LOCATIONS.ID).fetch()
                        .formatCSV()
                + sql.selectFrom(RESERVATIONS).orderBy(RESERVATIONS.ID).fetch().formatCSV()
                + sql.selectFrom(REORDER_POINTS).fetch().formatCSV()
                + sql.selectFrom(BATCH_LOCATIONS).orderBy(BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID)
                        .fetch().formatCSV()
                + sql.selectFrom(CYCLE_COUNTS).orderBy(CYCLE_COUNTS.ID).fetch()
                        .formatCSV()
                + sql.selectFrom(CYCLE_COUNT_LINES).orderBy(
                        CYCLE_COUNT_LINES.PRODUCT_BATCH_ID).fetch().formatCSV();
    }
}
