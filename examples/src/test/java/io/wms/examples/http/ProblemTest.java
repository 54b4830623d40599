package io.wms.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import io.wms.core.auth.Permission;
import io.wms.core.error.AuthenticationException;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.ConfigurationException;
import io.wms.core.error.DatabaseException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.IllegalTransitionException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.LastAdminException;
import io.wms.core.error.MigrationException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ReferencedException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.model.BatchStatus;
import org.junit.jupiter.api.Test;

/** Each wms exception type answers with its own status and problem type. */
class ProblemTest {

    private static final String DATABASE_TEXT = "ERROR: relation \"secret_table\" does not exist (42P01)";

    @Test
    void validationIs422WithEveryViolation() {
        Problem problem = Problem.of(new ValidationException("new category", List.of(
                new Violation("name", "required", "is required"),
                new Violation("description", "max_length", "must be at most 10 characters"))));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.violations()).extracting(Problem.FieldViolation::field, Problem.FieldViolation::rule)
                .containsExactly(tuple("name", "required"),
                        tuple("description", "max_length"));
    }

    @Test
    void notFoundIs404() {
        assertThat(Problem.of(new NotFoundException("category", 7)).status()).isEqualTo(404);
    }

    @Test
    void permissionDeniedIs403() {
        Problem problem = Problem.of(new PermissionDeniedException("viewer", Permission.MANAGE_CATALOG.name()));

        assertThat(problem.status()).isEqualTo(403);
    }

    @Test
    void authenticationFailureIs401() {
        assertThat(Problem.of(new AuthenticationException()).status()).isEqualTo(401);
    }

    @Test
    void duplicateIs409() {
        assertThat(Problem.of(new DuplicateException("category", "name", "Food", null)).status()).isEqualTo(409);
    }

    @Test
    void staleVersionIs409() {
        assertThat(Problem.of(new ConcurrentUpdateException("category", 7, 1)).type())
                .isEqualTo("urn:wms:problem:stale-version");
    }

    @Test
    void illegalTransitionIs409() {
        Problem problem = Problem.of(new IllegalTransitionException(3, BatchStatus.RECALLED, BatchStatus.ACTIVE));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("urn:wms:problem:illegal-transition");
    }

    @Test
    void insufficientStockIs409() {
        Problem problem = Problem.of(new InsufficientStockException("product 7", 20, 12));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).isEqualTo("product 7 has 12 usable units, 20 requested");
    }

    @Test
    void stillReferencedIs409() {
        Problem problem = Problem.of(new ReferencedException("user 4 is named by ledger rows", null));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("urn:wms:problem:still-referenced");
    }

    @Test
    void lastAdminIs409() {
        Problem problem = Problem.of(new LastAdminException(1));

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("urn:wms:problem:last-admin");
    }

    @Test
    void retryableIs503WithoutTheDatabasesText() {
        Problem problem = Problem.of(new RetryableException(DATABASE_TEXT, "40001", null));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).doesNotContain("secret_table");
    }

    @Test
    void databaseFailureIs500WithoutTheDatabasesText() {
        Problem problem = Problem.of(new DatabaseException(DATABASE_TEXT, "42P01", null));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret_table").doesNotContain("42P01");
    }

    @Test
    void otherWmsExceptionsAre500WithoutTheirText() {
        assertThat(Problem.of(new MigrationException(DATABASE_TEXT, null)).detail()).doesNotContain("secret_table");
        assertThat(Problem.of(new ConfigurationException("DB_PORT", "must be a number")).status()).isEqualTo(500);
    }

    @Test
    void anyOtherFailureIs500WithoutItsText() {
        Problem problem = Problem.of(new IllegalStateException(DATABASE_TEXT));

        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret_table");
    }
}
