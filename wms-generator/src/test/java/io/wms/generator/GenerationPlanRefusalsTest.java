package io.wms.generator;

import static io.wms.generator.GeneratorExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A plan beyond its maxima, or missing arguments, are refused before anything is read or written, naming each field
 * and rule.
 */
class GenerationPlanRefusalsTest {

    @RegisterExtension
    final GeneratorExtension extension = new GeneratorExtension();

    private static void assertRefused(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, failure ->
                assertThat(failure.violations()).extracting(Violation::field, Violation::rule)
                        .contains(tuple(field, rule)));
    }

    @Test
    void planOfIntegerMaxBatchesIsRefusedBeforeAnythingIsGenerated() {
        assertRefused(() -> extension.generator().generate(ADMIN,
                GenerationPlan.of(1, 10, Integer.MAX_VALUE, Integer.MAX_VALUE)), "batches", "max");
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void planBeyondEveryMaximumNamesEachFigure() {
        GenerationPlan huge = new GenerationPlan(1, GenerationPlan.MAX_CATEGORIES + 1, GenerationPlan.MAX_BRANDS + 1,
                GenerationPlan.MAX_PRODUCTS + 1, GenerationPlan.MAX_BATCHES + 1, GenerationPlan.MAX_TRACKS + 1,
                GenerationPlan.MAX_BINS + 1);

        assertThatThrownBy(() -> extension.generator().generate(ADMIN, huge))
                .isInstanceOfSatisfying(ValidationException.class, failure ->
                        assertThat(failure.violations()).extracting(Violation::field)
                                .contains("categories", "brands", "products", "batches", "tracks", "bins"));
    }

    @Test
    void planWithMoreLedgerRowsPerBatchThanAllowedIsRefused() {
        assertRefused(() -> extension.generator().generate(ADMIN,
                GenerationPlan.of(1, 10, 2, 2 * GenerationPlan.MAX_TRACKS_PER_BATCH + 1)), "tracks", "max_per_batch");
    }

    @Test
    void planWithNegativeFiguresNamesEachRule() {
        GenerationPlan negative = new GenerationPlan(1, 0, 1, 1, -1, 0, -1);

        assertRefused(() -> extension.generator().generate(ADMIN, negative), "categories", "positive");
        assertRefused(() -> extension.generator().generate(ADMIN, negative), "batches", "not_negative");
        assertRefused(() -> extension.generator().generate(ADMIN, negative), "bins", "not_negative");
    }

    @Test
    void ledgerRowsWithoutBatchesAreRefused() {
        assertRefused(() -> extension.generator().generate(ADMIN, GenerationPlan.of(1, 10, 0, 5)), "tracks", "max");
    }

    @Test
    void missingActorAndPlanAreRefusedByName() {
        assertThatThrownBy(() -> extension.generator().generate(null, null))
                .isInstanceOfSatisfying(ValidationException.class, failure ->
                        assertThat(failure.violations()).extracting(Violation::field).containsExactly("actor", "plan"));
    }
}
