package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.CYCLE_COUNT_LINES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.jooq.impl.DSL.sum;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.CountStatus;
import io.wms.core.model.Location;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.NewLocation;
import io.wms.core.repository.NewWarehouse;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cycle counts: a count of a location or of a product in a warehouse snapshots what the system holds, counters
 * record what they find (blind or not), and posting corrects each counted line by what the count found different
 * from the snapshot, so that the movements between start and post are not counted twice.
 */
class CycleCountsTest {

    private static final Actor COUNTER = WmsExtension.actor(Permission.COUNT_STOCK);
    private static final Actor SUPERVISOR = WmsExtension.actor(Permission.COUNT_STOCK, Permission.ADJUST_STOCK);

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory;
    private CycleCountService counts;
    private long milk;
    private long bread;
    private Location fallback;
    private Location binA;
    private Location binB;

    @BeforeEach
    void arrange() {
        inventory = extension.wms().inventory();
        counts = extension.wms().cycleCounts();
        milk = product(extension.sql(), "Milk");
        bread = product(extension.sql(), "Bread");
        fallback = extension.wms().locations().defaultLocation(ADMIN);
        binA = bin(fallback.warehouseId(), "A-01");
        binB = bin(fallback.warehouseId(), "B-01");
    }

    private Location bin(long warehouseId, String code) {
        return extension.wms().locations().create(ADMIN, new NewLocation(warehouseId, null, code, null, null));
    }

    private long receive(long locationId, long productId, String lot, int quantity) {
        return inventory.receiveAt(ADMIN, ReceiveAtLocation.of(locationId, productId, lot, quantity)
                .expiring(TODAY.plusDays(30))).batchId();
    }

    private int unitsAt(long batchId, long locationId) {
        Integer units = extension.sql().select(BATCH_LOCATIONS.QUANTITY).from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId).and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId)))
                .fetchOne(BATCH_LOCATIONS.QUANTITY);
        return units == null ? 0 : units;
    }

    private CountPosting post(long countId) {
        return counts.post(SUPERVISOR, new PostCount(countId, null));
    }

    @Test
    void countingALocationSnapshotsEachBatchThereWithItsUnits() {
        long milkLot = receive(binA.id(), milk, "M-1", 10);
        long breadLot = receive(binA.id(), bread, "B-1", 4);
        receive(binB.id(), milk, "M-2", 6);

        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));

        assertThat(count.status()).isEqualTo(CountStatus.OPEN);
        assertThat(count.warehouseId()).isEqualTo(binA.warehouseId());
        assertThat(counts.sheet(COUNTER, count.id()).lines())
                .extracting(CountLine::batchId, CountLine::locationId, CountLine::expectedQuantity,
                        CountLine::countedQuantity)
                .containsExactly(tuple(milkLot, binA.id(), 10, null), tuple(breadLot, binA.id(), 4, null));
    }

    @Test
    void eachLineRecordsTheLedgerPositionWhoseRowsMakeItsUnits() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        inventory.pickAtLocation(ADMIN, PickAtLocation.of(binA.id(), milk, 3));

        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        inventory.pickAtLocation(ADMIN, PickAtLocation.of(binA.id(), milk, 2));

        Long position = extension.sql().select(CYCLE_COUNT_LINES.LEDGER_POSITION).from(CYCLE_COUNT_LINES)
                .where(CYCLE_COUNT_LINES.CYCLE_COUNT_ID.eq(count.id())).fetchSingle().value1();
        long upToPosition = extension.sql().select(sum(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE)).from(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(lot).and(PRODUCT_BATCH_TRACKS.LOCATION_ID.eq(binA.id()))
                        .and(PRODUCT_BATCH_TRACKS.ID.le(position)))
                .fetchSingle().value1().longValue();
        assertThat(upToPosition).isEqualTo(7);
    }

    @Test
    void countingAProductSnapshotsItsBatchesAtEveryLocationOfTheWarehouseOnly() {
        long milkA = receive(binA.id(), milk, "M-1", 10);
        long milkB = receive(binB.id(), milk, "M-2", 6);
        receive(binA.id(), bread, "B-1", 4);
        long north = extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North hall")).id();
        receive(bin(north, "N-01").id(), milk, "M-3", 5);

        CycleCount count = counts.start(COUNTER, StartCount.ofProduct(binA.warehouseId(), milk, false));

        assertThat(counts.sheet(COUNTER, count.id()).lines())
                .extracting(CountLine::batchId, CountLine::locationId, CountLine::expectedQuantity)
                .containsExactly(tuple(milkA, binA.id(), 10), tuple(milkB, binB.id(), 6));
    }

    @Test
    void aBlindSheetHidesTheExpectedUnitsFromACounterButNotFromASupervisor() {
        receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), true));

        CountSheet counted = counts.sheet(COUNTER, count.id());
        CountSheet supervised = counts.sheet(SUPERVISOR, count.id());

        assertThat(counted.expectedShown()).isFalse();
        assertThat(counted.lines()).singleElement().extracting(CountLine::expectedQuantity).isNull();
        assertThat(supervised.expectedShown()).isTrue();
        assertThat(supervised.lines()).singleElement().extracting(CountLine::expectedQuantity).isEqualTo(10);
    }

    @Test
    void recordingOnABlindCountAnswersWithoutTheExpectedUnits() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), true));

        CountLine line = counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 8));

        assertThat(line.expectedQuantity()).isNull();
        assertThat(line.countedQuantity()).isEqualTo(8);
        assertThat(line.countedAt()).isNotNull();
    }

    @Test
    void postingWritesStockCountRowsAtTheCountedLocationAndProvesTheLedger() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        receive(binB.id(), milk, "M-1", 5);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 8));

        CountPosting posting = post(count.id());

        assertThat(posting.adjustments()).containsExactly(new CountAdjustment(lot, binA.id(), 10, 8, -2, 8, 13));
        assertThat(unitsAt(lot, binA.id())).isEqualTo(8);
        assertThat(unitsAt(lot, binB.id())).isEqualTo(5);
        assertThat(StockFixtures.ledger(extension.sql(), lot)).last()
                .extracting(ProductBatchTrack::action, ProductBatchTrack::quantityChange,
                        ProductBatchTrack::quantityAfter, ProductBatchTrack::locationId, ProductBatchTrack::description)
                .containsExactly(TrackAction.ADJUSTED, -2, 13, binA.id(), "STOCK_COUNT: cycle count " + count.id());
        assertThat(counts.find(COUNTER, count.id())).get().extracting(CycleCount::status)
                .isEqualTo(CountStatus.POSTED);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aPickBetweenStartAndPostIsNotCountedTwice() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), true));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 9));
        inventory.pickAtLocation(ADMIN, PickAtLocation.of(binA.id(), milk, 3));

        CountPosting posting = post(count.id());

        assertThat(posting.adjustments()).singleElement().extracting(CountAdjustment::change,
                CountAdjustment::locationQuantityAfter).containsExactly(-1, 6);
        assertThat(unitsAt(lot, binA.id())).isEqualTo(6);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void linesCountedAsExpectedOrNotCountedAreNotAdjusted() {
        long milkLot = receive(binA.id(), milk, "M-1", 10);
        receive(binA.id(), bread, "B-1", 4);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), milkLot, binA.id(), 10));
        int rowsBefore = StockFixtures.ledgerRows(extension.sql());

        CountPosting posting = post(count.id());

        assertThat(posting.adjustments()).isEmpty();
        assertThat(StockFixtures.ledgerRows(extension.sql())).isEqualTo(rowsBefore);
    }

    @Test
    void aBatchFoundWithoutALineGetsOneExpectingWhatTheLocationHeldAndIsPosted() {
        long lot = receive(binB.id(), milk, "M-1", 10);
        receive(binA.id(), bread, "B-1", 4);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));

        CountLine found = counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 2));
        CountPosting posting = post(count.id());

        assertThat(found.expectedQuantity()).isZero();
        assertThat(posting.adjustments()).containsExactly(new CountAdjustment(lot, binA.id(), 0, 2, 2, 2, 12));
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void recordingAgainReplacesTheCountedUnits() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 3));

        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 11));

        assertThat(post(count.id()).adjustments()).singleElement().extracting(CountAdjustment::change).isEqualTo(1);
    }

    @Test
    void recordingOutsideTheCountsScopeIsRefused() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        long breadLot = receive(binA.id(), bread, "B-1", 4);
        CycleCount ofLocation = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        CycleCount ofProduct = counts.start(COUNTER, StartCount.ofProduct(binA.warehouseId(), milk, false));

        assertThatThrownBy(() -> counts.record(COUNTER, new RecordCount(ofLocation.id(), lot, binB.id(), 1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("locationId", "out_of_scope")));
        assertThatThrownBy(() -> counts.record(COUNTER, new RecordCount(ofProduct.id(), breadLot, binA.id(), 1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("batchId", "out_of_scope")));
    }

    @Test
    void aPostThatWouldTakeALocationBelowZeroIsRefusedNamingTheLineAndChangesNothing() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 5));
        inventory.pickAtLocation(ADMIN, PickAtLocation.of(binA.id(), milk, 8));
        String before = StockFixtures.snapshot(extension.sql());

        assertThatThrownBy(() -> post(count.id()))
                .isInstanceOfSatisfying(InsufficientStockException.class, shortStock -> {
                    assertThat(shortStock.source()).isEqualTo("batch " + lot + " at location " + binA.id());
                    assertThat(shortStock.available()).isEqualTo(2);
                });
        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
        assertThat(counts.find(COUNTER, count.id())).get().extracting(CycleCount::status)
                .isEqualTo(CountStatus.OPEN);
    }

    @Test
    void postingTwiceIsRefusedAndChangesNothing() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 7));
        post(count.id());

        assertThatThrownBy(() -> post(count.id()))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("countId", "not_open")));
        assertThat(unitsAt(lot, binA.id())).isEqualTo(7);
    }

    @Test
    void postingAgainWithItsKeyAnswersTheFirstResult() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 7));

        CountPosting first = counts.post(SUPERVISOR, new PostCount(count.id(), "count-post-1"));
        CountPosting again = counts.post(SUPERVISOR, new PostCount(count.id(), "count-post-1"));

        assertThat(again).isEqualTo(first);
        assertThat(unitsAt(lot, binA.id())).isEqualTo(7);
    }

    @Test
    void aCancelledCountAdjustsNothingAndTakesNoMoreCounts() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 7));

        CycleCount cancelled = counts.cancel(COUNTER, count.id());

        assertThat(cancelled.status()).isEqualTo(CountStatus.CANCELLED);
        assertThat(cancelled.closedAt()).isNotNull();
        assertThatThrownBy(() -> counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 6)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> post(count.id())).isInstanceOf(ValidationException.class);
        assertThat(unitsAt(lot, binA.id())).isEqualTo(10);
    }

    @Test
    void aStartWithNeitherOrBothScopesIsInvalid() {
        assertThatThrownBy(() -> counts.start(COUNTER, new StartCount(null, null, null, false)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule")
                        .containsExactly(tuple("warehouseId", "required"), tuple("productId", "required")));
        assertThatThrownBy(() -> counts.start(COUNTER, new StartCount(binA.id(), binA.warehouseId(), milk, false)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("locationId", "pair")));
    }

    @Test
    void aStartOfAMissingLocationWarehouseOrProductIsNotFound() {
        assertThatThrownBy(() -> counts.start(COUNTER, StartCount.ofLocation(987_654L, false)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("location"));
        assertThatThrownBy(() -> counts.start(COUNTER, StartCount.ofProduct(987_654L, milk, false)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("warehouse"));
        assertThatThrownBy(() -> counts.start(COUNTER, StartCount.ofProduct(binA.warehouseId(), 987_654L, false)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("product"));
    }

    @Test
    void aNegativeCountIsInvalidAndAMissingCountIsNotFound() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));

        assertThatThrownBy(() -> counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), -1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("countedQuantity", "not_negative")));
        assertThatThrownBy(() -> counts.sheet(COUNTER, 987_654L)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> post(987_654L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCounterMayCountButNotPostAndAPickerMayNotCount() {
        long lot = receive(binA.id(), milk, "M-1", 10);
        CycleCount count = counts.start(COUNTER, StartCount.ofLocation(binA.id(), false));
        counts.record(COUNTER, new RecordCount(count.id(), lot, binA.id(), 7));

        assertThatThrownBy(() -> counts.post(COUNTER, new PostCount(count.id(), null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> counts.start(WmsExtension.actor(Permission.PICK_STOCK),
                StartCount.ofLocation(binA.id(), false)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(unitsAt(lot, binA.id())).isEqualTo(10);
        assertThat(counts.find(COUNTER, count.id())).get().extracting(CycleCount::status)
                .isEqualTo(CountStatus.OPEN);
    }
}
