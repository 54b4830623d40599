package io.wms.generator;

import static io.wms.generator.GeneratorExtension.ADMIN;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.RolePermissions;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.seed.SeedOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator's own permission checks, which are no part of wms's operation table: PURGE_DATA, MANAGE_CATALOG and
 * RECEIVE_STOCK for any plan, MANAGE_LOCATIONS too for a plan with bins, and for a user's actor the permissions their
 * roles grant now. A refused call writes nothing.
 */
class GeneratorPermissionsTest {

    private static final GenerationPlan PLAN = GenerationPlan.of(1, 2, 2, 2);
    private static final List<Permission> NEEDED = List.of(Permission.PURGE_DATA, Permission.MANAGE_CATALOG,
            Permission.RECEIVE_STOCK);

    @RegisterExtension
    final GeneratorExtension extension = new GeneratorExtension();

    static List<String> builtInRoles() {
        return RolePermissions.BUILT_IN_ROLES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInRoles")
    void roleMayGenerateExactlyWhenItHoldsPurgeCatalogAndReceive(String role) {
        Actor actor = Actor.system(role, RolePermissions.of(role));

        if (RolePermissions.of(role).containsAll(NEEDED)) {
            assertThatCode(() -> extension.generator().generate(actor, PLAN)).doesNotThrowAnyException();
            assertThat(extension.sql().fetchCount(PRODUCTS)).isEqualTo(PLAN.products());
        } else {
            assertThatThrownBy(() -> extension.generator().generate(actor, PLAN))
                    .isInstanceOfSatisfying(PermissionDeniedException.class,
                            failure -> assertThat(NEEDED).contains(Permission.valueOf(failure.permission())));
            assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
        }
    }

    @Test
    void generatingNeedsThePurgePermission() {
        Actor manager = Actor.system("manager", EnumSet.complementOf(EnumSet.of(Permission.PURGE_DATA)));

        assertThatThrownBy(() -> extension.generator().generate(manager, PLAN))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("PURGE_DATA");
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void aPlanWithBinsNeedsManageLocationsAndOneWithoutDoesNot() {
        Actor withoutLocations = Actor.system("loader",
                EnumSet.complementOf(EnumSet.of(Permission.MANAGE_LOCATIONS)));

        assertThatThrownBy(() -> extension.generator().generate(withoutLocations, PLAN.withBins(2)))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        failure -> assertThat(failure.permission()).isEqualTo(Permission.MANAGE_LOCATIONS.name()));
        assertThat(extension.sql().fetchCount(LOCATIONS)).isEqualTo(1);

        assertThatCode(() -> extension.generator().generate(withoutLocations, PLAN)).doesNotThrowAnyException();
    }

    @Test
    void aUserWhoIsAnAdminNowMayGenerate() {
        long userId = userWithRole(RolePermissions.ADMIN);

        extension.generator().generate(Actor.ofUser(userId, "admin", EnumSet.allOf(Permission.class)), PLAN);

        assertThat(extension.sql().fetchCount(PRODUCTS)).isEqualTo(PLAN.products());
    }

    @Test
    void aUserClaimingEveryPermissionIsRefusedWhatTheirRolesDoNotGrantNow() {
        long userId = userWithRole(RolePermissions.MANAGER);
        Actor claimsAll = Actor.ofUser(userId, "manager", EnumSet.allOf(Permission.class));

        assertThatThrownBy(() -> extension.generator().generate(claimsAll, PLAN))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        failure -> assertThat(failure.permission()).isEqualTo(Permission.PURGE_DATA.name()));
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void aDeletedUserIsRefusedWhateverTheyClaim() {
        long userId = userWithRole(RolePermissions.ADMIN);
        extension.sql().update(USERS).set(USERS.DELETED_AT, GeneratorExtension.CLOCK.instant())
                .where(USERS.ID.eq(userId)).execute();

        assertThatThrownBy(() -> extension.generator().generate(
                Actor.ofUser(userId, "gone", EnumSet.allOf(Permission.class)), PLAN))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    private long userWithRole(String role) {
        extension.wms().seeding().run(ADMIN, SeedOptions.rolesOnly());
        long userId = extension.sql().insertInto(USERS).set(USERS.EMAIL, role + "@example.com")
                .set(USERS.PASSWORD, "not-a-hash: this user never logs in").returning(USERS.ID).fetchSingle().getId();
        extension.wms().roles().assign(ADMIN, userId, role);
        return userId;
    }
}
