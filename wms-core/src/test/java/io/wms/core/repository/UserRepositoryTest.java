package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.wms.core.auth.PasswordPolicy;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.model.User;
import io.wms.core.model.UserWithRoles;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserRepositoryTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    private UserRepository users() {
        return extension.wms().users();
    }

    private User ann() {
        return users().create(ADMIN, new NewUser("  Ann@Example.com ", "correct horse"));
    }

    @Test
    void createdUserIsStoredTrimmedInLowerCaseWithABcryptHashOnly() {
        User ann = ann();

        assertThat(ann.email()).isEqualTo("ann@example.com");
        String stored = extension.sql().select(USERS.PASSWORD).from(USERS).fetchSingle().value1();
        assertThat(stored).startsWith("$2b$10$").doesNotContain("correct horse");
    }

    @Test
    void userIsFoundByEmailTrimmedAndIgnoringCase() {
        User ann = ann();

        assertThat(users().findByEmail(ADMIN, " ann@EXAMPLE.com ")).contains(ann);
        assertThat(users().findById(ADMIN, ann.id())).contains(ann);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsWritten() {
        assertThatThrownBy(() -> users().create(ADMIN, new NewUser("not-an-email", "short")))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "email"),
                                org.assertj.core.groups.Tuple.tuple("password", "min_length")));
        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @Test
    void emailLongerThan255IsRefused() {
        String email = "a".repeat(250) + "@x.com";

        assertThatThrownBy(() -> users().create(ADMIN, new NewUser(email, "correct horse")))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.violations()).extracting(Violation::rule)
                                .containsExactly("max_length"));
        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @Test
    void duplicateEmailIgnoringCaseIsRefused() {
        ann();

        assertThatThrownBy(() -> users().create(ADMIN, new NewUser("ANN@example.com", "another secret")))
                .isInstanceOf(DuplicateException.class)
                .hasMessageContaining("user");
        assertThat(extension.sql().fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void newUserDoesNotPrintItsPassword() {
        assertThat(new NewUser("ann@example.com", "correct horse").toString()).doesNotContain("correct horse");
    }

    @Test
    void findWithRolesReturnsTheRolesOrderedByName() {
        extension.wms().seeding().run(ADMIN, SeedOptions.rolesOnly());
        User ann = ann();
        extension.wms().roles().assign(ADMIN, ann.id(), "viewer");
        extension.wms().roles().assign(ADMIN, ann.id(), "operator");

        UserWithRoles withRoles = users().findWithRoles(ADMIN, ann.id()).orElseThrow();

        assertThat(withRoles.user()).isEqualTo(ann);
        assertThat(withRoles.roles()).extracting(role -> role.name()).containsExactly("operator", "viewer");
    }

    @Test
    void listIsOrderedByEmailIgnoringCase() {
        users().create(ADMIN, new NewUser("carl@example.com", "correct horse"));
        users().create(ADMIN, new NewUser("Bea@example.com", "correct horse"));
        users().create(ADMIN, new NewUser("abe@example.com", "correct horse"));

        List<User> listed = users().list(ADMIN);

        assertThat(listed).extracting(User::email)
                .containsExactly("abe@example.com", "bea@example.com", "carl@example.com");
    }

    @Test
    void updateEmailBumpsTheVersion() {
        User ann = ann();

        User changed = users().updateEmail(ADMIN, ann.id(), " anna@example.com", ann.version());

        assertThat(changed.email()).isEqualTo("anna@example.com");
        assertThat(changed.version()).isEqualTo(ann.version() + 1);
    }

    @Test
    void updateEmailWithAStaleVersionIsRefusedAndChangesNothing() {
        User ann = ann();
        users().updateEmail(ADMIN, ann.id(), "anna@example.com", ann.version());

        assertThatThrownBy(() -> users().updateEmail(ADMIN, ann.id(), "annie@example.com", ann.version()))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(users().findById(ADMIN, ann.id()).orElseThrow().email()).isEqualTo("anna@example.com");
    }

    @Test
    void softDeletedUserIsHiddenAndCanBeRestored() {
        User ann = ann();

        users().delete(ADMIN, ann.id());

        assertThat(users().findById(ADMIN, ann.id())).isEmpty();
        assertThat(users().findByEmail(ADMIN, "ann@example.com")).isEmpty();
        assertThat(users().restore(ADMIN, ann.id()).deleted()).isFalse();
        assertThat(users().findById(ADMIN, ann.id())).isPresent();
    }

    @Test
    void deletingAnUnknownUserIsNotFound() {
        assertThatThrownBy(() -> users().delete(ADMIN, 404)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void purgeRemovesTheRow() {
        User ann = ann();

        users().purge(ADMIN, ann.id());

        assertThat(extension.sql().fetchCount(USERS)).isZero();
        assertThatThrownBy(() -> users().purge(ADMIN, ann.id())).isInstanceOf(NotFoundException.class);
    }
}
