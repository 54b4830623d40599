package io.wms.core.auth;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wms.core.Wms;
import io.wms.core.error.AuthenticationException;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.model.User;
import io.wms.core.repository.NewUser;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.TestSql;
import io.wms.core.testing.WmsExtension;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthServiceTest {

    private static final String PASSWORD = "correct horse";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8))
            .loginThrottle(LoginThrottle.off()));

    @BeforeEach
    void seedRoles() {
        extension.wms().seeding().run(ADMIN, SeedOptions.rolesOnly());
    }

    private AuthService auth() {
        return extension.wms().auth();
    }

    private User user(String email, String password, String... roles) {
        User user = extension.wms().users().create(ADMIN, new NewUser(email, password));
        for (String role : roles) {
            extension.wms().roles().assign(ADMIN, user.id(), role);
        }
        return user;
    }

    private String storedHash(long userId) {
        return extension.sql().select(USERS.PASSWORD).from(USERS).where(USERS.ID.eq(userId)).fetchSingle().value1();
    }

    @Test
    void loginReturnsTheUserWithRolesAndAnActorWithTheirPermissions() {
        User ann = user("ann@example.com", PASSWORD, "operator");

        Authentication login = auth().authenticate("ann@example.com", PASSWORD);

        assertThat(login.user().user().id()).isEqualTo(ann.id());
        assertThat(login.user().hasRole("operator")).isTrue();
        assertThat(login.actor().userId()).isEqualTo(ann.id());
        assertThat(login.actor().permissions()).isEqualTo(RolePermissions.of("operator"));
    }

    @Test
    void emailIsMatchedTrimmedAndIgnoringCase() {
        User ann = user("Ann@Example.com", PASSWORD);

        assertThat(auth().authenticate("  aNN@example.COM ", PASSWORD).user().user().id()).isEqualTo(ann.id());
    }

    @Test
    void wrongPasswordAndUnknownEmailFailAlike() {
        user("ann@example.com", PASSWORD);

        Throwable wrongPassword = org.assertj.core.api.Assertions.catchThrowable(
                () -> auth().authenticate("ann@example.com", "wrong horse"));
        Throwable unknownEmail = org.assertj.core.api.Assertions.catchThrowable(
                () -> auth().authenticate("bob@example.com", PASSWORD));

        assertThat(wrongPassword).isInstanceOf(AuthenticationException.class);
        assertThat(unknownEmail).isInstanceOf(AuthenticationException.class)
                .hasMessage(wrongPassword.getMessage());
        assertThat(wrongPassword.getMessage()).doesNotContain("ann@example.com");
    }

    @Test
    void softDeletedUserCannotLogIn() {
        User ann = user("ann@example.com", PASSWORD);
        extension.wms().users().delete(ADMIN, ann.id());

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void loginUpgradesAHashOfALowerCost() {
        User ann = user("ann@example.com", PASSWORD);
        assertThat(storedHash(ann.id())).startsWith("$2b$10$");

        try (Wms stronger = Wms.builder().dataSource(extension.pool())
                .passwordPolicy(new PasswordPolicy(11, 8)).build()) {
            stronger.auth().authenticate("ann@example.com", PASSWORD);
        }

        assertThat(storedHash(ann.id())).startsWith("$2b$11$");
        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD)).doesNotThrowAnyException();
    }

    @Test
    void loginKeepsAHashOfTheConfiguredCost() {
        User ann = user("ann@example.com", PASSWORD);
        String before = storedHash(ann.id());

        auth().authenticate("ann@example.com", PASSWORD);

        assertThat(storedHash(ann.id())).isEqualTo(before);
    }

    @Test
    void passwordsOf71And72BytesAreAcceptedAndVerified() {
        String bytes71 = "p".repeat(71);
        String bytes72 = "p".repeat(72);
        user("ann@example.com", bytes71);
        user("bob@example.com", bytes72);

        assertThatCode(() -> auth().authenticate("ann@example.com", bytes71)).doesNotThrowAnyException();
        assertThatCode(() -> auth().authenticate("bob@example.com", bytes72)).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth().authenticate("bob@example.com", "p".repeat(71) + "q"))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void passwordOf73BytesIsRefusedNotTruncated() {
        assertThatThrownBy(() -> user("ann@example.com", "p".repeat(73)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::rule).containsExactly("max_bytes"));
        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        String bytes72 = "é".repeat(36);
        String bytes73 = "é".repeat(36) + "a";
        String emoji72 = "\uD83D\uDCE6".repeat(18);
        assertThat(bytes72.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThat(emoji72.getBytes(StandardCharsets.UTF_8)).hasSize(72);

        user("ann@example.com", bytes72);
        user("bob@example.com", emoji72);

        assertThatCode(() -> auth().authenticate("ann@example.com", bytes72)).doesNotThrowAnyException();
        assertThatCode(() -> auth().authenticate("bob@example.com", emoji72)).doesNotThrowAnyException();
        assertThatThrownBy(() -> user("carl@example.com", bytes73))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::rule).containsExactly("max_bytes"));
    }

    @Test
    void tooLongPasswordAtLoginIsAPlainFailedLogin() {
        user("ann@example.com", "p".repeat(72));

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", "p".repeat(73)))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void userChangesTheirOwnPasswordKnowingTheCurrentOne() {
        User ann = user("ann@example.com", PASSWORD);
        Actor annActor = auth().actorFor(ann.id());

        auth().changePassword(annActor, ann.id(), PASSWORD, "battery staple");

        assertThatCode(() -> auth().authenticate("ann@example.com", "battery staple")).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void changingWithAWrongCurrentPasswordIsRefusedAndChangesNothing() {
        User ann = user("ann@example.com", PASSWORD);
        String before = storedHash(ann.id());

        assertThatThrownBy(() -> auth().changePassword(auth().actorFor(ann.id()), ann.id(), "wrong horse",
                "battery staple")).isInstanceOf(AuthenticationException.class);
        assertThat(storedHash(ann.id())).isEqualTo(before);
    }

    @Test
    void changingAnotherUsersPasswordNeedsManageUsers() {
        User ann = user("ann@example.com", PASSWORD);
        User bob = user("bob@example.com", PASSWORD, "manager");
        String before = storedHash(ann.id());

        assertThatThrownBy(() -> auth().changePassword(auth().actorFor(bob.id()), ann.id(), PASSWORD,
                "battery staple"))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        failure -> assertThat(failure.permission()).isEqualTo(Permission.MANAGE_USERS.name()));
        assertThat(storedHash(ann.id())).isEqualTo(before);
    }

    @Test
    void newPasswordBreakingThePolicyIsRefusedBeforeTheCurrentOneIsChecked() {
        User ann = user("ann@example.com", PASSWORD);

        assertThatThrownBy(() -> auth().changePassword(auth().actorFor(ann.id()), ann.id(), "wrong horse", "short"))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("newPassword")).isTrue());
    }

    @Test
    void passwordOfSpacesOnlyIsRefused() {
        assertThatThrownBy(() -> user("ann@example.com", " ".repeat(12)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("password", "required")));
        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @Test
    void changeDoesNotOverwriteAPasswordChangedMeanwhile() throws Exception {
        User ann = user("ann@example.com", PASSWORD);
        String changedMeanwhile = storedHash(user("bob@example.com", "other horse").id());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection other = extension.pool().getConnection()) {
            other.setAutoCommit(false);
            TestSql.on(other).update(USERS).set(USERS.PASSWORD, changedMeanwhile)
                    .where(USERS.ID.eq(ann.id())).execute();
            Future<?> change = executor.submit(() -> auth().changePassword(auth().actorFor(ann.id()), ann.id(),
                    PASSWORD, "battery staple"));
            awaitABackendWaitingForALock(change);
            other.commit();

            assertThatThrownBy(() -> change.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ConcurrentUpdateException.class);
        } finally {
            executor.shutdownNow();
        }
        assertThat(storedHash(ann.id())).isEqualTo(changedMeanwhile);
    }

    /** The change has verified the current password and its update waits for the other transaction's row lock. */
    private void awaitABackendWaitingForALock(Future<?> change) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (extension.sql().fetchCount(DSL.table("pg_stat_activity"), DSL.field("wait_event_type").eq("Lock")
                .and(DSL.field("datname").eq(DSL.currentCatalog()))) == 0) {
            assertThat(change).as("the change ran to its end without waiting").isNotDone();
            assertThat(System.nanoTime()).as("no update waited for the lock within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void resetSetsANewPasswordWithoutTheCurrentOne() {
        User ann = user("ann@example.com", PASSWORD);

        auth().resetPassword(ADMIN, ann.id(), "battery staple");

        assertThatCode(() -> auth().authenticate("ann@example.com", "battery staple")).doesNotThrowAnyException();
    }

    @Test
    void resetOfAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> auth().resetPassword(ADMIN, 404, "battery staple"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void actorForAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> auth().actorFor(404)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownEmailTakesAboutAsLongAsAWrongPassword() {
        user("ann@example.com", PASSWORD);
        failedLoginNanos("nobody@example.com", PASSWORD);
        long[] unknownEmail = new long[5];
        long[] wrongPassword = new long[5];

        // Taken in turns, so that a burst of load from elsewhere on the machine slows both kinds alike.
        for (int sample = 0; sample < unknownEmail.length; sample++) {
            unknownEmail[sample] = failedLoginNanos("nobody@example.com", PASSWORD);
            wrongPassword[sample] = failedLoginNanos("ann@example.com", "wrong horse");
        }

        assertThat(median(unknownEmail)).isBetween(median(wrongPassword) / 3, median(wrongPassword) * 3);
    }

    private long failedLoginNanos(String email, String password) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> auth().authenticate(email, password)).isInstanceOf(AuthenticationException.class);
        return System.nanoTime() - start;
    }

    private static long median(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
