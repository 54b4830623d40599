package io.wms.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.wms.core.repository.Page;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.TotalCount;
import org.junit.jupiter.api.Test;

/**
 * The totals of offset pages: what the rows read prove, and what is asked of the database only when they do not.
 */
class PagesTest {

    private static final LongSupplier NO_COUNT = () -> {
        throw new AssertionError("counted");
    };
    private static final DoubleSupplier NO_ESTIMATE = () -> {
        throw new AssertionError("asked the planner");
    };

    private static List<Integer> rows(int count) {
        return Collections.nCopies(count, 7);
    }

    @Test
    void aPageReadsOneRowMoreThanItReturns() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(1, 10), rows(11), NO_COUNT, NO_ESTIMATE);

        assertThat(Pages.rowsToRead(new PageRequest(1, 10))).isEqualTo(11);
        assertThat(page.items()).hasSize(10);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void anEstimateBelowTheRowsUpToTheNextPageIsRaisedToThem() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(5, 10, TotalCount.ESTIMATE), rows(11), NO_COUNT,
                () -> 3);

        assertThat(page.total()).hasValue(4 * 10 + 10 + 1);
        assertThat(page.totalCount()).isEqualTo(TotalCount.ESTIMATE);
    }

    @Test
    void anEstimateAboveTheRowsSeenIsKept() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(1, 10, TotalCount.ESTIMATE), rows(11), NO_COUNT,
                () -> 4_321.4);

        assertThat(page.total()).hasValue(4_321);
    }

    @Test
    void pastTheLastPageAnEstimateIsAtMostTheRowsBeforeIt() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(5, 10, TotalCount.ESTIMATE), rows(0), NO_COUNT,
                () -> 900);

        assertThat(page.total()).hasValue(40);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void aPageThatReachesTheEndGivesItsExactTotalWithoutCounting() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(3, 10, TotalCount.EXACT), rows(4), NO_COUNT,
                NO_ESTIMATE);

        assertThat(page.total()).hasValue(24);
    }

    @Test
    void anEmptyFirstPageHasATotalOfZeroWithoutCounting() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(1, 10, TotalCount.ESTIMATE), rows(0), NO_COUNT,
                NO_ESTIMATE);

        assertThat(page.total()).hasValue(0);
        assertThat(page.totalCount()).isEqualTo(TotalCount.EXACT);
    }

    @Test
    void anExactTotalIsCountedWhenTheRowsDoNotGiveIt() {
        Page<Integer> page = Pages.offsetPage(new PageRequest(2, 10, TotalCount.EXACT), rows(0), () -> 3,
                NO_ESTIMATE);

        assertThat(page.total()).hasValue(3);
    }

    @Test
    void aPageRefusesATotalThatDisagreesWithHowItWasCounted() {
        assertThatThrownBy(() -> new Page<>(List.of(), 1, 10, false, OptionalLong.of(3), TotalCount.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), 1, 10, false, OptionalLong.empty(), TotalCount.EXACT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
