package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wms.core.auth.PasswordPolicy;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.model.User;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One e-mail address, one account: addresses are stored in one canonical form, and those that only look like
 * another (invisible characters, non-breaking spaces, letters of another script) are refused.
 */
class UserEmailRulesTest {

    private static final String PASSWORD = "correct horse";

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8)));

    private UserRepository users() {
        return extension.wms().users();
    }

    private User create(String email) {
        return users().create(ADMIN, new NewUser(email, PASSWORD));
    }

    private void assertRefused(String email, String rule) {
        assertThatThrownBy(() -> create(email)).isInstanceOfSatisfying(ValidationException.class, failure ->
                assertThat(failure.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("email", rule)));
        assertThat(extension.sql().fetchCount(USERS)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "zero-width space       | admin\u200B@example.com",
            "zero-width joiner      | ad\u200Dmin@example.com",
            "word joiner            | admin\u2060@example.com",
            "byte order mark        | \uFEFFadmin@example.com",
            "trailing no-break space| admin@example.com\u00A0",
            "inner space            | ad min@example.com",
            "soft hyphen            | ad\u00ADmin@example.com"})
    void invisibleOrSpaceCharacterIsRefused(String what, String email) {
        assertRefused(email, "visible");
    }

    @Test
    void cyrillicLetterAmongLatinOnesInTheLocalPartIsRefused() {
        assertRefused("\u0430dmin@example.com", "one_script");
    }

    @Test
    void cyrillicLetterAmongLatinOnesInTheDomainIsRefused() {
        assertRefused("admin@ex\u0430mple.com", "one_script");
    }

    @Test
    void addressEntirelyInOneOtherScriptIsAccepted() {
        assertThat(create("\u043f\u0440\u0438\u043c\u0435\u0440@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444")
                .email()).isEqualTo("пример@пример.рф");
    }

    @Test
    void addressIsStoredInLowerCaseAndNfc() {
        User user = create("  Jos\u0065\u0301@Example.COM ");

        assertThat(user.email()).isEqualTo("jos\u00e9@example.com");
        assertThat(extension.sql().select(USERS.EMAIL).from(USERS).fetchSingle().value1())
                .isEqualTo("jos\u00e9@example.com");
    }

    @Test
    void addressDifferingOnlyInCompositionIsADuplicate() {
        create("jos\u00e9@example.com");

        assertThatThrownBy(() -> create("jose\u0301@example.com")).isInstanceOf(DuplicateException.class);
    }

    @Test
    void addressInFullWidthLettersIsADuplicateOfTheOrdinaryOne() {
        create("admin@example.com");

        assertThatThrownBy(() -> create("\uFF41dmin@example.com")).isInstanceOf(DuplicateException.class);
    }

    @Test
    void addressDifferingOnlyInCaseOfANonAsciiLetterIsADuplicate() {
        create("\u00e5sa@example.com");

        assertThatThrownBy(() -> create("\u00c5SA@example.com")).isInstanceOf(DuplicateException.class);
    }

    @Test
    void loginFindsTheCanonicalAccountWhateverTheCaseAndComposition() {
        User user = create("jos\u00e9@example.com");

        assertThat(extension.wms().auth().authenticate("JOSE\u0301@EXAMPLE.COM", PASSWORD).user().user().id())
                .isEqualTo(user.id());
    }

    @Test
    void accountStoredInMixedCaseBeforeCanonicalFormsIsStillFound() {
        long id = extension.sql().insertInto(USERS).set(USERS.EMAIL, "Old.Timer@Example.com")
                .set(USERS.PASSWORD, "$2a$10$hash").returning(USERS.ID).fetchSingle().getId();

        assertThat(users().findByEmail(ADMIN, "old.timer@example.com")).map(User::id).contains(id);
    }
}
