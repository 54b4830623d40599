package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchRuntimeException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.ValidationException;
import io.wms.core.internal.ExceptionTranslator;
import io.wms.core.model.Location;
import io.wms.core.model.TrackAction;
import io.wms.core.model.Warehouse;
import io.wms.core.repository.NewWarehouse;
import io.wms.core.testing.WmsExtension;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stock held per batch and location: receipts into a location, transfers, picks in a warehouse and at a location,
 * and the default location that the calls naming no location act on.
 */
class LocationsStockTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory;
    private long milk;
    private Location main;
    private Location binA;
    private Location binB;

    @BeforeEach
    void arrange() {
        inventory = extension.wms().inventory();
        milk = product(extension.sql(), "Milk");
        main = extension.wms().locations().defaultLocation(ADMIN);
        binA = bin(main.warehouseId(), "A-01", 2);
        binB = bin(main.warehouseId(), "B-01", 1);
    }

    private Location bin(long warehouseId, String code, Integer pickSequence) {
        return StockFixtures.bin(extension, warehouseId, code, pickSequence);
    }

    private int unitsAt(long batchId, long locationId) {
        Integer units = extension.sql().select(BATCH_LOCATIONS.QUANTITY).from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId).and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId)))
                .fetchOne(BATCH_LOCATIONS.QUANTITY);
        return units == null ? 0 : units;
    }

    private ReceiveAtLocation lot(long locationId, String lot, int quantity, int expiresInDays) {
        return ReceiveAtLocation.of(locationId, milk, lot, quantity).expiring(TODAY.plusDays(expiresInDays));
    }

    @Test
    void aReceiptIntoALocationPutsTheUnitsThereAndItsLedgerRowNamesIt() {
        Receipt receipt = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 12, 30));

        assertThat(unitsAt(receipt.batchId(), binA.id())).isEqualTo(12);
        assertThat(unitsAt(receipt.batchId(), main.id())).isZero();
        assertThat(extension.sql().select(PRODUCT_BATCH_TRACKS.LOCATION_ID).from(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(receipt.batchId())).fetch(PRODUCT_BATCH_TRACKS.LOCATION_ID))
                .containsExactly(binA.id());
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aReceiptThatNamesNoLocationGoesToTheDefaultLocationAndItsRowNamesIt() {
        Receipt receipt = inventory.receive(ADMIN, ReceiveStock.of(milk, "L-1", 7));

        assertThat(unitsAt(receipt.batchId(), main.id())).isEqualTo(7);
        assertThat(extension.sql().select(PRODUCT_BATCH_TRACKS.LOCATION_ID).from(PRODUCT_BATCH_TRACKS)
                .fetch(PRODUCT_BATCH_TRACKS.LOCATION_ID)).containsExactly(main.id());
    }

    @Test
    void aReceiptIntoAnInactiveLocationIsRefusedAndChangesNothing() {
        Location closed = extension.wms().locations().deactivate(ADMIN, binA.id(), binA.version());
        String before = StockFixtures.snapshot(extension.sql());

        assertThatThrownBy(() -> inventory.receiveAt(ADMIN, lot(closed.id(), "L-1", 5, 30)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("locationId", "inactive")));
        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aReceiptIntoAMissingLocationIsNotFound() {
        assertThatThrownBy(() -> inventory.receiveAt(ADMIN, lot(987_654L, "L-1", 5, 30)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("location"));
    }

    @Test
    void aTransferMovesTheUnitsWithTwoLedgerRowsAndLeavesTheBatchQuantityAsItWas() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 10, 30)).batchId();

        StockTransfer transfer = inventory.transfer(ADMIN, TransferStock.of(batchId, binA.id(), binB.id(), 4));

        assertThat(transfer).isEqualTo(new StockTransfer(batchId, binA.id(), binB.id(), 4, 6, 4, 10));
        assertThat(batch(extension.sql(), batchId).quantity()).isEqualTo(10);
        assertThat(unitsAt(batchId, binA.id())).isEqualTo(6);
        assertThat(unitsAt(batchId, binB.id())).isEqualTo(4);
        assertThat(ledger(extension.sql(), batchId)).extracting("action", "quantityChange", "quantityAfter")
                .containsExactly(tuple(TrackAction.RECEIVED, 10, 10), tuple(TrackAction.TRANSFERRED, -4, 10),
                        tuple(TrackAction.TRANSFERRED, 4, 10));
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aTransferOfMoreThanTheSourceHoldsIsRefusedAndChangesNothing() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 3, 30)).batchId();
        String before = StockFixtures.snapshot(extension.sql());

        assertThatThrownBy(() -> inventory.transfer(ADMIN, TransferStock.of(batchId, binA.id(), binB.id(), 4)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        short_ -> assertThat(short_.available()).isEqualTo(3));
        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
        assertThat(unitsAt(batchId, binA.id())).isEqualTo(3);
    }

    @Test
    void aTransferToTheLocationItLeavesIsRefused() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 3, 30)).batchId();

        assertThatThrownBy(() -> inventory.transfer(ADMIN, TransferStock.of(batchId, binA.id(), binA.id(), 1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("toLocationId", "different")));
    }

    @Test
    void aTransferIntoAnInactiveLocationIsRefused() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 3, 30)).batchId();
        extension.wms().locations().deactivate(ADMIN, binB.id(), binB.version());

        assertThatThrownBy(() -> inventory.transfer(ADMIN, TransferStock.of(batchId, binA.id(), binB.id(), 1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("toLocationId", "inactive")));
    }

    @Test
    void aKeyedTransferSentTwiceMovesTheUnitsOnce() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 10, 30)).batchId();
        TransferStock move = TransferStock.of(batchId, binA.id(), binB.id(), 4).withIdempotencyKey("move-1");

        StockTransfer first = inventory.transfer(ADMIN, move);
        StockTransfer again = inventory.transfer(ADMIN, move);

        assertThat(again).isEqualTo(first);
        assertThat(unitsAt(batchId, binB.id())).isEqualTo(4);
        assertThat(ledger(extension.sql(), batchId)).hasSize(3);
    }

    @Test
    void aPickInAWarehouseTakesTheFirstExpiredAndAmongEqualExpiryTheLowerPickSequence() {
        long early = inventory.receiveAt(ADMIN, lot(binA.id(), "EARLY", 3, 10)).batchId();
        long late = inventory.receiveAt(ADMIN, lot(binA.id(), "LATE", 5, 20)).batchId();
        inventory.transfer(ADMIN, TransferStock.of(late, binA.id(), binB.id(), 2));

        LocatedPick pick = inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(main.warehouseId(), milk, 6));

        assertThat(pick.allocations()).extracting("batchId", "locationId", "quantity", "locationQuantityAfter",
                "batchQuantityAfter").containsExactly(
                tuple(early, binA.id(), 3, 0, 0),
                tuple(late, binB.id(), 2, 0, 3),
                tuple(late, binA.id(), 1, 2, 2));
        assertThat(ledger(extension.sql(), late)).extracting("action", "quantityChange", "quantityAfter")
                .endsWith(tuple(TrackAction.PICKED, -2, 3), tuple(TrackAction.PICKED, -1, 2));
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aPickAtALocationTakesOnlyFromIt() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 10, 30)).batchId();
        inventory.transfer(ADMIN, TransferStock.of(batchId, binA.id(), binB.id(), 4));

        LocatedPick pick = inventory.pickAtLocation(ADMIN, PickAtLocation.of(binB.id(), milk, 3));

        assertThat(pick.allocations()).extracting("locationId", "quantity").containsExactly(tuple(binB.id(), 3));
        assertThat(unitsAt(batchId, binA.id())).isEqualTo(6);
        assertThat(unitsAt(batchId, binB.id())).isEqualTo(1);
        assertThatThrownBy(() -> inventory.pickAtLocation(ADMIN, PickAtLocation.of(binB.id(), milk, 2)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        short_ -> assertThat(short_.available()).isEqualTo(1));
    }

    @Test
    void todaysPickTakesFromEveryActiveLocationOfTheDefaultWarehouseOneAllocationPerBatch() {
        long batchId = inventory.receive(ADMIN, ReceiveStock.of(milk, "L-1", 10).expiring(TODAY.plusDays(30)))
                .batchId();
        inventory.transfer(ADMIN, TransferStock.of(batchId, main.id(), binA.id(), 6));

        PickResult pick = inventory.pick(ADMIN, PickStock.of(milk, 8));

        assertThat(pick.allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.quantity()).isEqualTo(8);
            assertThat(allocation.quantityAfter()).isEqualTo(2);
        });
        assertThat(unitsAt(batchId, main.id()) + unitsAt(batchId, binA.id())).isEqualTo(2);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aPickInOneWarehouseLeavesTheStockOfAnotherAlone() {
        Warehouse north = extension.wms().warehouses().create(ADMIN, new NewWarehouse("NORTH", "North"));
        Location northBin = bin(north.id(), "N-01", null);
        inventory.receiveAt(ADMIN, lot(northBin.id(), "L-N", 5, 30));
        String before = StockFixtures.snapshot(extension.sql());

        assertThatThrownBy(() -> inventory.pick(ADMIN, PickStock.of(milk, 1)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        short_ -> assertThat(short_.available()).isZero());
        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
        assertThat(inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(north.id(), milk, 5)).allocations())
                .extracting("locationId").containsOnly(northBin.id());
    }

    @Test
    void aPickInAMissingWarehouseIsNotFound() {
        assertThatThrownBy(() -> inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(987_654L, milk, 1)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("warehouse"));
    }

    @Test
    void aBatchMovementThatNamesNoLocationActsOnTheDefaultLocation() {
        long batchId = inventory.receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        inventory.transfer(ADMIN, TransferStock.of(batchId, main.id(), binA.id(), 8));

        inventory.pickFromBatch(ADMIN, new PickFromBatch(batchId, 2, null, null));

        assertThat(unitsAt(batchId, main.id())).isZero();
        assertThatThrownBy(() -> inventory.pickFromBatch(ADMIN, new PickFromBatch(batchId, 1, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("quantity", "not_negative")));
        assertThat(batch(extension.sql(), batchId).quantity()).isEqualTo(8);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void theDatabaseRefusesUnitsAtALocationThatDisagreeWithTheBatch() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 10, 30)).batchId();

        RuntimeException refused = catchRuntimeException(() -> extension.sql().update(BATCH_LOCATIONS)
                .set(BATCH_LOCATIONS.QUANTITY, 9).where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId)).execute());

        assertThat(refused).isInstanceOf(DataAccessException.class);
        assertThat(ExceptionTranslator.translate(refused)).isInstanceOfSatisfying(ValidationException.class,
                invalid -> assertThat(invalid.violations()).extracting("field", "rule")
                        .containsExactly(tuple("quantity", "sum_of_locations")));
        assertThat(unitsAt(batchId, binA.id())).isEqualTo(10);
    }

    @Test
    void aBatchQuantityChangedDirectlyIsPlacedInTheDefaultLocation() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 10, 30)).batchId();

        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.QUANTITY, 13)
                .where(PRODUCT_BATCHES.ID.eq(batchId)).execute();

        assertThat(unitsAt(batchId, binA.id())).isEqualTo(10);
        assertThat(unitsAt(batchId, main.id())).isEqualTo(3);
    }

    @Test
    void unitsMovedBetweenLocationsBehindTheLedgersBackAreReportedPerLocation() {
        long batchId = inventory.receiveAt(ADMIN, lot(binA.id(), "L-1", 10, 30)).batchId();
        extension.sql().transaction(configuration -> {
            var sql = org.jooq.impl.DSL.using(configuration);
            sql.execute("set constraints batch_locations_sum_matches_batch deferred");
            sql.update(BATCH_LOCATIONS).set(BATCH_LOCATIONS.QUANTITY, 6)
                    .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId)).execute();
            sql.insertInto(BATCH_LOCATIONS).set(BATCH_LOCATIONS.PRODUCT_BATCH_ID, batchId)
                    .set(BATCH_LOCATIONS.LOCATION_ID, binB.id()).set(BATCH_LOCATIONS.QUANTITY, 4).execute();
        });

        List<LedgerDiscrepancy> wrong = inventory.verifyLedger(ADMIN);

        assertThat(wrong).containsExactly(new LedgerDiscrepancy(batchId, 6, 10, null, null, binA.id()),
                new LedgerDiscrepancy(batchId, 4, 0, null, null, binB.id()));
    }
}
