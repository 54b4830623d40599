package io.wms.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.wms.core.error.Violation;
import io.wms.core.error.Violation.Rule;
import org.junit.jupiter.api.Test;

/**
 * The words of {@link Violation#rule()} are a contract a program acts on: they may grow, never change.
 */
class ViolationRuleWordsTest {

    @Test
    void theRuleWordsAreTheOnesCallersAlreadyKnow() {
        assertThat(Arrays.stream(Rule.values()).map(Rule::word)).containsExactlyInAnyOrder(
                "required", "max_length", "min_length", "max_bytes", "no_nul", "encoding", "email", "positive",
                "not_negative", "not_zero", "min", "max", "range", "date_order", "cursor", "known", "pair",
                "constraint", "built_in", "reused", "same_lot", "expired", "not_receivable", "not_pickable",
                "recalled", "pickable", "visible", "one_script", "date_range", "instant_range", "no_lone_surrogate",
                "max_per_batch", "in_transaction", "inactive", "not_empty", "cycle", "sum_of_locations",
                "different", "reserved", "not_open", "out_of_scope");
    }

    @Test
    void aViolationBuiltFromARuleCarriesItsWord() {
        Violation violation = new Violation("batchNumber", Rule.MAX_LENGTH, "must be at most 255 characters");

        assertThat(violation.rule()).isEqualTo("max_length");
        assertThat(violation.breaks(Rule.MAX_LENGTH)).isTrue();
        assertThat(violation.breaks(Rule.REQUIRED)).isFalse();
    }

    @Test
    void everyWordNamesItsRuleAndNoOtherWordDoes() {
        for (Rule rule : Rule.values()) {
            assertThat(Rule.of(rule.word())).contains(rule);
        }
        assertThat(Rule.of("MAX_LENGTH")).isEmpty();
        assertThat(Rule.of(null)).isEmpty();
    }
}
