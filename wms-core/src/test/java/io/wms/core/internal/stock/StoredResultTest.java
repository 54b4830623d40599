package io.wms.core.internal.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.wms.core.error.WmsException;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.ReservedUnits;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ReservationStatus;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/**
 * Results stored by one release and read by another: a component added since takes its default, one removed since
 * is ignored, and the text of the release before V20 reads into today's records, or into records that have grown.
 */
class StoredResultTest {

    /** {@link Receipt} as a later release might have it, with one more component. */
    public record ReceiptWithSupplier(long batchId, long productId, String batchNumber, int quantity,
                                      int quantityAfter, boolean newBatch, String supplier) {
    }

    /** {@link PickResult} as a later release might have it, with a number and a list more. */
    public record PickResultWithWaves(long productId, int quantity, List<Allocation> allocations, int wave,
                                      List<String> waves) {

        /** Copies the lists, as the records of wms do, which {@code null} would break. */
        public PickResultWithWaves {
            allocations = List.copyOf(allocations);
            waves = List.copyOf(waves);
        }
    }

    /** The allocation of the pick the fixture's key {@code k-pick} holds. */
    private static final Allocation LOT_2 = new Allocation(2, "L-2", LocalDate.of(2026, 5, 31), 3, 7);

    /** A pick of that allocation read into the grown record: the components added since at their default. */
    private static final PickResultWithWaves PICK_WITH_WAVES_UNSET = new PickResultWithWaves(1, 3, List.of(LOT_2), 0,
            List.of());

    /** Format 0 as V20 keeps it: the previous release's text, wrapped. */
    private static JSONB previousRelease(String text) {
        return JSONB.jsonb(IdempotencyJson.MAPPER.createObjectNode().put("format", 0).put("text", text).toString());
    }

    @Test
    void aResultWrittenNowReadsBackEqual() {
        StoredResult<Reservation> results = KeyedOperation.RESERVE.results();
        Reservation reservation = new Reservation(1, 1, 7, "order, 7 \"x\"", 2, LocalDate.of(2026, 3, 12),
                Instant.parse("2026-03-11T12:00:00.123456Z"), ReservationStatus.OPEN,
                List.of(new ReservedUnits(3, 4, "L|1", null, 2)));

        assertThat(results.from(results.to(reservation))).isEqualTo(reservation);
    }

    @Test
    void aResultIsStoredAsFormatOneWithItsComponentsByName() {
        JSONB stored = KeyedOperation.RECEIVE.results().to(new Receipt(1, 2, "L-1", 5, 25, false));

        assertThat(stored.data()).isEqualTo("{\"format\":1,\"result\":{\"batchId\":1,\"productId\":2,"
                + "\"batchNumber\":\"L-1\",\"quantity\":5,\"quantityAfter\":25,\"newBatch\":false}}");
    }

    @Test
    void aComponentAddedSinceTakesItsDefaultWhenAnOlderResultIsRead() {
        JSONB stored = KeyedOperation.PICK.results().to(new PickResult(1, 3, List.of(LOT_2)));

        assertThat(new StoredResult<>(PickResultWithWaves.class, KeyedOperation.PICK_RESULT_TEXT).from(stored))
                .isEqualTo(PICK_WITH_WAVES_UNSET);
    }

    @Test
    void aComponentTheReaderDoesNotKnowIsIgnored() {
        JSONB stored = new StoredResult<>(ReceiptWithSupplier.class, KeyedOperation.RECEIPT_TEXT)
                .to(new ReceiptWithSupplier(1, 2, "L-1", 5, 25, false, "Acme"));

        assertThat(KeyedOperation.RECEIVE.results().from(stored)).isEqualTo(new Receipt(1, 2, "L-1", 5, 25, false));
    }

    @Test
    void aRowOfThePreviousReleaseReadsIntoAResultWithAComponentAddedSince() {
        JSONB stored = previousRelease("1,1,L%7C1%2Ca+b,20,20,true");

        ReceiptWithSupplier read = new StoredResult<>(ReceiptWithSupplier.class, KeyedOperation.RECEIPT_TEXT)
                .from(stored);

        assertThat(read).isEqualTo(new ReceiptWithSupplier(1, 1, "L|1,a b", 20, 20, true, null));
    }

    @Test
    void aRowOfThePreviousReleaseWithALinePerElementReadsIntoAResultWithAListAddedSince() {
        JSONB stored = previousRelease("1,3\n2,L-2,2026-05-31,3,7");

        assertThat(new StoredResult<>(PickResultWithWaves.class, KeyedOperation.PICK_RESULT_TEXT).from(stored))
                .isEqualTo(PICK_WITH_WAVES_UNSET);
    }

    @Test
    void aRowOfThePreviousReleaseKeepsItsNullsAndInstants() {
        JSONB stored = previousRelease("2,1,L-2,4,!,2026-05-31,RECALLED,2026-12-08T02%3A29%3A37.549227Z,"
                + "2026-12-08T02%3A29%3A38.137628Z,!,!,!,5");

        assertThat(KeyedOperation.RECALL.results().from(stored)).isEqualTo(new ProductBatch(2, 1, "L-2", 4, null,
                LocalDate.of(2026, 5, 31), BatchStatus.RECALLED, Instant.parse("2026-12-08T02:29:37.549227Z"),
                Instant.parse("2026-12-08T02:29:38.137628Z"), null, null, null, 5));
    }

    @Test
    void aResultOfAFormatNewerThanThisReleaseReadsIsRefused() {
        JSONB stored = JSONB.jsonb("{\"format\":2,\"result\":{}}");

        assertThatThrownBy(() -> KeyedOperation.RECEIVE.results().from(stored))
                .isInstanceOf(WmsException.class)
                .hasMessageContaining("format 2");
    }
}
