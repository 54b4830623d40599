package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.ROLES;
import static io.wms.jooq.Tables.USERS;
import static io.wms.jooq.Tables.USER_ROLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wms.core.auth.PasswordPolicy;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.LastAdminException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.Role;
import io.wms.core.model.User;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.WmsExtension;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RoleRepositoryTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    @BeforeEach
    void seedRoles() {
        extension.wms().seeding().run(ADMIN, SeedOptions.rolesOnly());
    }

    private RoleRepository roles() {
        return extension.wms().roles();
    }

    private User user(String email) {
        return extension.wms().users().create(ADMIN, new NewUser(email, "correct horse"));
    }

    private int assignments() {
        return extension.sql().fetchCount(USER_ROLES);
    }

    @Test
    void theFourBuiltInRolesAreListedByName() {
        assertThat(roles().list(ADMIN)).extracting(Role::name).containsExactly("admin", "manager", "operator", "viewer");
        assertThat(roles().findByName(ADMIN, "viewer").orElseThrow().description()).isEqualTo("Read-only Access");
    }

    @Test
    void assigningTwiceKeepsOneAssignment() {
        User ann = user("ann@example.com");

        roles().assign(ADMIN, ann.id(), "operator");
        roles().assign(ADMIN, ann.id(), "operator");

        assertThat(roles().rolesOf(ADMIN, ann.id())).extracting(Role::name).containsExactly("operator");
        assertThat(assignments()).isEqualTo(1);
    }

    @Test
    void assigningAnUnknownRoleIsNotFound() {
        User ann = user("ann@example.com");

        assertThatThrownBy(() -> roles().assign(ADMIN, ann.id(), "auditor"))
                .isInstanceOfSatisfying(NotFoundException.class, failure -> assertThat(failure.entity()).isEqualTo("role"));
        assertThat(assignments()).isZero();
    }

    @Test
    void assigningToAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> roles().assign(ADMIN, 404, "operator"))
                .isInstanceOfSatisfying(NotFoundException.class, failure -> assertThat(failure.entity()).isEqualTo("user"));
        assertThat(assignments()).isZero();
    }

    @Test
    void revokeTakesTheRoleAndIsIdempotent() {
        User ann = user("ann@example.com");
        roles().assign(ADMIN, ann.id(), "operator");

        roles().revoke(ADMIN, ann.id(), "operator");
        roles().revoke(ADMIN, ann.id(), "operator");

        assertThat(roles().rolesOf(ADMIN, ann.id())).isEmpty();
    }

    @Test
    void customRoleCanBeCreatedChangedAndDeleted() {
        Role auditor = roles().create(ADMIN, new NewRole(" auditor ", "Reads the books"));

        Role changed = roles().update(ADMIN, auditor.id(), new RoleChanges("Reads everything", auditor.version()));
        roles().delete(ADMIN, auditor.id());

        assertThat(auditor.name()).isEqualTo("auditor");
        assertThat(changed.description()).isEqualTo("Reads everything");
        assertThat(roles().findByName(ADMIN, "auditor")).isEmpty();
    }

    @Test
    void roleUpdateWithAStaleVersionIsRefused() {
        Role viewer = roles().findByName(ADMIN, "viewer").orElseThrow();
        roles().update(ADMIN, viewer.id(), new RoleChanges("Looks only", viewer.version()));

        assertThatThrownBy(() -> roles().update(ADMIN, viewer.id(), new RoleChanges("Other", viewer.version())))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(roles().findByName(ADMIN, "viewer").orElseThrow().description()).isEqualTo("Looks only");
    }

    @Test
    void builtInRoleCannotBeDeleted() {
        Role viewer = roles().findByName(ADMIN, "viewer").orElseThrow();

        assertThatThrownBy(() -> roles().delete(ADMIN, viewer.id()))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.violations().get(0).rule()).isEqualTo("built_in"));
        assertThat(extension.sql().fetchCount(ROLES)).isEqualTo(4);
    }

    @Test
    void lastAdminCannotLoseTheAdminRole() {
        User ann = user("ann@example.com");
        roles().assign(ADMIN, ann.id(), "admin");

        assertThatThrownBy(() -> roles().revoke(ADMIN, ann.id(), "admin")).isInstanceOf(LastAdminException.class);
        assertThat(roles().rolesOf(ADMIN, ann.id())).extracting(Role::name).containsExactly("admin");
    }

    @Test
    void adminRoleCanBeRevokedWhileAnotherAdminRemains() {
        User ann = user("ann@example.com");
        User bob = user("bob@example.com");
        roles().assign(ADMIN, ann.id(), "admin");
        roles().assign(ADMIN, bob.id(), "admin");

        roles().revoke(ADMIN, ann.id(), "admin");

        assertThat(roles().rolesOf(ADMIN, ann.id())).isEmpty();
    }

    @Test
    void softDeletedAdminDoesNotCountAsTheOtherAdmin() {
        User ann = user("ann@example.com");
        User bob = user("bob@example.com");
        roles().assign(ADMIN, ann.id(), "admin");
        roles().assign(ADMIN, bob.id(), "admin");
        extension.wms().users().delete(ADMIN, bob.id());

        assertThatThrownBy(() -> roles().revoke(ADMIN, ann.id(), "admin")).isInstanceOf(LastAdminException.class);
    }

    @Test
    void lastAdminCannotBeSoftDeleted() {
        User ann = user("ann@example.com");
        roles().assign(ADMIN, ann.id(), "admin");

        assertThatThrownBy(() -> extension.wms().users().delete(ADMIN, ann.id()))
                .isInstanceOf(LastAdminException.class);
        assertThat(extension.wms().users().findById(ADMIN, ann.id())).isPresent();
    }

    @Test
    void lastAdminCannotBePurged() {
        User ann = user("ann@example.com");
        roles().assign(ADMIN, ann.id(), "admin");

        assertThatThrownBy(() -> extension.wms().users().purge(ADMIN, ann.id()))
                .isInstanceOf(LastAdminException.class);
        assertThat(extension.sql().fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void concurrentRevocationsOfTheLastTwoAdminsCannotBothSucceed() throws Exception {
        User ann = user("ann@example.com");
        User bob = user("bob@example.com");
        roles().assign(ADMIN, ann.id(), "admin");
        roles().assign(ADMIN, bob.id(), "admin");
        CountDownLatch annRevokedUncommitted = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = executor.submit(() -> extension.wms().useTransaction(tx -> {
                tx.roles().revoke(ADMIN, ann.id(), "admin");
                annRevokedUncommitted.countDown();
                // Commits only once the second revocation is seen waiting for this transaction's lock, so that the
                // two really overlap however the machine schedules them.
                awaitABackendWaitingForALock();
            }));
            assertThat(annRevokedUncommitted.await(1, TimeUnit.MINUTES)).as("ann's revocation ran").isTrue();
            Future<?> second = executor.submit(() -> roles().revoke(ADMIN, bob.id(), "admin"));

            first.get(1, TimeUnit.MINUTES);
            assertThatThrownBy(() -> second.get(1, TimeUnit.MINUTES)).hasCauseInstanceOf(LastAdminException.class);
        } finally {
            executor.shutdownNow();
        }
        assertThat(roles().rolesOf(ADMIN, bob.id())).extracting(Role::name).containsExactly("admin");
        assertThat(roles().rolesOf(ADMIN, ann.id())).isEmpty();
    }

    @Test
    void simultaneousRevocationsOfTheLastTwoAdminsLeaveExactlyOneAdmin() throws Exception {
        User ann = user("ann@example.com");
        User bob = user("bob@example.com");
        roles().assign(ADMIN, ann.id(), "admin");
        roles().assign(ADMIN, bob.id(), "admin");
        CyclicBarrier start = new CyclicBarrier(2);
        // One thread per revocation: both must be running to pass the barrier.
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<Boolean> outcomes = new ArrayList<>();
        try {
            List<Future<Boolean>> revocations = new ArrayList<>();
            for (User admin : List.of(ann, bob)) {
                revocations.add(executor.submit(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    try {
                        roles().revoke(ADMIN, admin.id(), "admin");
                        return true;
                    } catch (LastAdminException refused) {
                        return false;
                    }
                }));
            }
            for (Future<Boolean> revocation : revocations) {
                outcomes.add(revocation.get(1, TimeUnit.MINUTES));
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        int admins = roles().rolesOf(ADMIN, ann.id()).size() + roles().rolesOf(ADMIN, bob.id()).size();
        assertThat(admins).isEqualTo(1);
    }

    /** Waits until another backend of the test's database waits for a lock. */
    private void awaitABackendWaitingForALock() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (extension.sql().fetchCount(DSL.selectOne().from("pg_stat_activity")
                .where("datname = current_database() and wait_event_type = 'Lock'")) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no backend waited for the lock within a minute");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a backend to wait for the lock", e);
            }
        }
    }
}
