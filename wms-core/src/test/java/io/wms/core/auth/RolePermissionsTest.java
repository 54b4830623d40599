package io.wms.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    @Test
    void adminHoldsEveryPermission() {
        assertThat(RolePermissions.of("admin")).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void managerHoldsAllButUsersAndPurging() {
        assertThat(RolePermissions.of("manager"))
                .isEqualTo(EnumSet.complementOf(EnumSet.of(Permission.MANAGE_USERS, Permission.PURGE_DATA)));
    }

    @Test
    void operatorReadsReceivesReservesPicksAndCounts() {
        assertThat(RolePermissions.of("operator")).containsExactlyInAnyOrder(Permission.READ_CATALOG,
                Permission.RECEIVE_STOCK, Permission.PICK_STOCK, Permission.RESERVE_STOCK, Permission.COUNT_STOCK);
    }

    @Test
    void viewerReadsTheCatalogAndMonitoring() {
        assertThat(RolePermissions.of("viewer"))
                .containsExactlyInAnyOrder(Permission.READ_CATALOG, Permission.READ_MONITORING);
    }

    @Test
    void unknownRoleGrantsNothing() {
        assertThat(RolePermissions.of("auditor")).isEmpty();
    }

    @Test
    void severalRolesGrantTheUnionOfTheirPermissions() {
        assertThat(RolePermissions.of(List.of("operator", "viewer"))).containsExactlyInAnyOrder(
                Permission.READ_CATALOG, Permission.RECEIVE_STOCK, Permission.PICK_STOCK, Permission.RESERVE_STOCK,
                Permission.COUNT_STOCK,
                Permission.READ_MONITORING);
    }
}
