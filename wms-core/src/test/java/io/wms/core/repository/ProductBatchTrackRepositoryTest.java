package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductBatchTrackRepositoryTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ProductBatchTrackRepository ledger() {
        return extension.wms().ledger();
    }

    private Fixtures fixtures() {
        return new Fixtures(extension.sql());
    }

    @Test
    void batchHistoryIsReadNewestFirstAcrossPages() {
        long bread = fixtures().product("Bread", null);
        long batch = fixtures().batch(bread, "B1", 0, null, BatchStatus.ACTIVE);
        long other = fixtures().batch(bread, "B2", 0, null, BatchStatus.ACTIVE);
        List<Long> written = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            written.add(fixtures().track(batch, null, TrackAction.RECEIVED, 1, i));
            fixtures().track(other, null, TrackAction.RECEIVED, 1, i);
        }
        Collections.reverse(written);

        List<ProductBatchTrack> read = readAll(limit -> ledger().byBatch(ADMIN, batch, limit),
                (limit, cursor) -> ledger().byBatch(ADMIN, batch, limit, cursor), 2);

        assertThat(read).extracting(ProductBatchTrack::id).containsExactlyElementsOf(written);
    }

    @Test
    void userHistoryHoldsOnlyTheUsersRowsNewestFirst() {
        long picker = fixtures().user("picker@x.com");
        long bread = fixtures().product("Bread", null);
        long batch = fixtures().batch(bread, "B1", 0, null, BatchStatus.ACTIVE);
        fixtures().track(batch, null, TrackAction.RECEIVED, 9, 9);
        long first = fixtures().track(batch, picker, TrackAction.PICKED, -1, 8);
        long second = fixtures().track(batch, picker, TrackAction.PICKED, -2, 6);

        List<ProductBatchTrack> read = readAll(limit -> ledger().byUser(ADMIN, picker, limit),
                (limit, cursor) -> ledger().byUser(ADMIN, picker, limit, cursor), 1);

        assertThat(read).extracting(ProductBatchTrack::id).containsExactly(second, first);
        assertThat(read).allSatisfy(track -> assertThat(track.userId()).isEqualTo(picker));
    }

    @Test
    void actionHistorySpansBatchesNewestFirst() {
        long bread = fixtures().product("Bread", null);
        long one = fixtures().batch(bread, "B1", 0, null, BatchStatus.ACTIVE);
        long two = fixtures().batch(bread, "B2", 0, null, BatchStatus.ACTIVE);
        long first = fixtures().track(one, null, TrackAction.RECEIVED, 4, 4);
        fixtures().track(one, null, TrackAction.PICKED, -1, 3);
        long second = fixtures().track(two, null, TrackAction.RECEIVED, 2, 2);

        KeysetPage<ProductBatchTrack> page = ledger().byAction(ADMIN, TrackAction.RECEIVED, 10);

        assertThat(page.items()).extracting(ProductBatchTrack::id).containsExactly(second, first);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void malformedCursorAndLimitAreReportedTogether() {
        assertThatThrownBy(() -> ledger().byBatch(ADMIN, 1, PageRequest.MAX_LIMIT + 1, "garbage"))
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.hasViolation("cursor")).isTrue();
                    assertThat(failure.hasViolation("limit")).isTrue();
                });
    }

    @Test
    void productCursorIsNotALedgerCursor() {
        extension.wms().products().create(WmsExtension.ADMIN, new NewProduct("A", null, null, null));
        extension.wms().products().create(WmsExtension.ADMIN, new NewProduct("B", null, null, null));
        String productCursor = extension.wms().products().scroll(ADMIN, ProductQuery.all(), 1).nextCursor().orElseThrow();

        assertThatThrownBy(() -> ledger().byAction(ADMIN, TrackAction.PICKED, 1, productCursor))
                .isInstanceOf(ValidationException.class);
    }

    private static List<ProductBatchTrack> readAll(IntFunction<KeysetPage<ProductBatchTrack>> first,
                                                   BiFunction<Integer, String, KeysetPage<ProductBatchTrack>> next,
                                                   int limit) {
        KeysetPage<ProductBatchTrack> page = first.apply(limit);
        List<ProductBatchTrack> read = new ArrayList<>(page.items());
        Optional<String> cursor = page.nextCursor();
        while (cursor.isPresent()) {
            page = next.apply(limit, cursor.get());
            read.addAll(page.items());
            cursor = page.nextCursor();
        }
        return read;
    }
}
