package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.Location;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Corrections, disposals and returns of a batch's units at a named location ({@code adjustAt}, {@code disposeAt},
 * {@code returnToSupplierAt}): the batch and its units there change together, with one ledger row naming the
 * location; refusals change nothing.
 */
class AdjustAtLocationTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory;
    private Location fallback;
    private Location bin;
    private long batchId;

    @BeforeEach
    void arrange() {
        inventory = extension.wms().inventory();
        long milk = product(extension.sql(), "Milk");
        fallback = extension.wms().locations().defaultLocation(ADMIN);
        bin = extension.wms().locations().create(ADMIN, new NewLocation(fallback.warehouseId(), null, "A-01", null,
                null));
        batchId = inventory.receiveAt(ADMIN, ReceiveAtLocation.of(bin.id(), milk, "L-1", 10)
                .expiring(TODAY.plusDays(30))).batchId();
    }

    private int unitsAt(long locationId) {
        Integer units = extension.sql().select(BATCH_LOCATIONS.QUANTITY).from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(batchId).and(BATCH_LOCATIONS.LOCATION_ID.eq(locationId)))
                .fetchOne(BATCH_LOCATIONS.QUANTITY);
        return units == null ? 0 : units;
    }

    private static AdjustAtLocation correction(long locationId, long batchId, int change) {
        return new AdjustAtLocation(locationId, batchId, change, AdjustmentReason.LOSS, "shelf check", null);
    }

    @Test
    void aRemovalAtALocationTakesTheUnitsThereAndItsLedgerRowNamesIt() {
        LocatedMovement moved = inventory.adjustAt(ADMIN, correction(bin.id(), batchId, -3));

        assertThat(moved).isEqualTo(new LocatedMovement(batchId, bin.id(), TrackAction.ADJUSTED, -3, 7, 7,
                BatchStatus.ACTIVE));
        assertThat(unitsAt(bin.id())).isEqualTo(7);
        assertThat(unitsAt(fallback.id())).isZero();
        assertThat(ledger(extension.sql(), batchId)).last()
                .extracting(ProductBatchTrack::action, ProductBatchTrack::quantityChange,
                        ProductBatchTrack::quantityAfter, ProductBatchTrack::description)
                .containsExactly(TrackAction.ADJUSTED, -3, 7, "LOSS: shelf check");
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void anAdditionAtALocationWithoutUnitsOfTheBatchPutsThemThere() {
        LocatedMovement moved = inventory.adjustAt(ADMIN, correction(fallback.id(), batchId, 4));

        assertThat(moved.locationQuantityAfter()).isEqualTo(4);
        assertThat(moved.batchQuantityAfter()).isEqualTo(14);
        assertThat(unitsAt(fallback.id())).isEqualTo(4);
        assertThat(unitsAt(bin.id())).isEqualTo(10);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void removingTheLastUnitsDepletesTheBatch() {
        LocatedMovement moved = inventory.adjustAt(ADMIN, correction(bin.id(), batchId, -10));

        assertThat(moved.statusAfter()).isEqualTo(BatchStatus.DEPLETED);
        assertThat(batch(extension.sql(), batchId).quantity()).isZero();
    }

    @Test
    void aRemovalBeyondTheUnitsAtTheLocationIsRefusedAndChangesNothing() {
        inventory.adjustAt(ADMIN, correction(fallback.id(), batchId, 5));
        String before = StockFixtures.snapshot(extension.sql());

        assertThatThrownBy(() -> inventory.adjustAt(ADMIN, correction(fallback.id(), batchId, -6)))
                .isInstanceOfSatisfying(InsufficientStockException.class, shortStock -> {
                    assertThat(shortStock.source()).isEqualTo("batch " + batchId + " at location " + fallback.id());
                    assertThat(shortStock.requested()).isEqualTo(6);
                    assertThat(shortStock.available()).isEqualTo(5);
                });
        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void anAdditionAtAnInactiveLocationIsRefused() {
        Location empty = extension.wms().locations().create(ADMIN, new NewLocation(fallback.warehouseId(), null,
                "B-01", null, null));
        extension.wms().locations().deactivate(ADMIN, empty.id(), empty.version());

        assertThatThrownBy(() -> inventory.adjustAt(ADMIN, correction(empty.id(), batchId, 2)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("locationId", "inactive")));
    }

    @Test
    void aRecalledBatchIsNotCorrected() {
        inventory.recall(ADMIN, batchId, "supplier recall");

        assertThatThrownBy(() -> inventory.adjustAt(ADMIN, correction(bin.id(), batchId, -1)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("batchId", "recalled")));
    }

    @Test
    void aMissingLocationOrBatchIsNotFound() {
        assertThatThrownBy(() -> inventory.adjustAt(ADMIN, correction(987_654L, batchId, 1)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("location"));
        assertThatThrownBy(() -> inventory.adjustAt(ADMIN, correction(bin.id(), 987_654L, 1)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        notFound -> assertThat(notFound.entity()).isEqualTo("batch"));
    }

    @Test
    void aZeroChangeOrAnOtherReasonWithoutNoteIsInvalid() {
        assertThatThrownBy(() -> inventory.adjustAt(ADMIN, new AdjustAtLocation(bin.id(), batchId, 0,
                AdjustmentReason.OTHER, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule")
                        .containsExactlyInAnyOrder(tuple("change", "not_zero"), tuple("note", "required")));
    }

    @Test
    void theSameKeyAppliesTheCorrectionOnce() {
        AdjustAtLocation keyed = new AdjustAtLocation(bin.id(), batchId, -2, AdjustmentReason.DAMAGE, null,
                "damage-1");

        LocatedMovement first = inventory.adjustAt(ADMIN, keyed);
        LocatedMovement again = inventory.adjustAt(ADMIN, keyed);

        assertThat(again).isEqualTo(first);
        assertThat(unitsAt(bin.id())).isEqualTo(8);
    }

    @Test
    void anActorWithoutAdjustStockIsRefused() {
        assertThatThrownBy(() -> inventory.adjustAt(WmsExtension.actor(Permission.PICK_STOCK, Permission.COUNT_STOCK),
                correction(bin.id(), batchId, -1)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(unitsAt(bin.id())).isEqualTo(10);
    }

    @Test
    void aDisposalAtALocationTakesQuarantinedUnitsThereWithALedgerRowNamingIt() {
        inventory.quarantine(ADMIN, batchId, "leaking");

        LocatedMovement moved = inventory.disposeAt(ADMIN, new RemoveAtLocation(bin.id(), batchId, 4, "leaking",
                null));

        assertThat(moved).isEqualTo(new LocatedMovement(batchId, bin.id(), TrackAction.DISPOSED, -4, 6, 6,
                BatchStatus.QUARANTINED));
        assertThat(ledger(extension.sql(), batchId)).last()
                .extracting(ProductBatchTrack::action, ProductBatchTrack::locationId)
                .containsExactly(TrackAction.DISPOSED, bin.id());
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aReturnOfPickableStockAtALocationIsRefusedAndChangesNothing() {
        String before = StockFixtures.snapshot(extension.sql());

        assertThatThrownBy(() -> inventory.returnToSupplierAt(ADMIN, new RemoveAtLocation(bin.id(), batchId, 1, null,
                null)))
                .isInstanceOfSatisfying(ValidationException.class, invalid -> assertThat(invalid.violations())
                        .extracting("field", "rule").containsExactly(tuple("batchId", "pickable")));
        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aReturnBeyondTheUnitsAtTheLocationIsRefusedThoughTheBatchHoldsThem() {
        inventory.adjustAt(ADMIN, correction(fallback.id(), batchId, 5));
        inventory.recall(ADMIN, batchId, "supplier recall");

        assertThatThrownBy(() -> inventory.returnToSupplierAt(ADMIN, new RemoveAtLocation(fallback.id(), batchId, 6,
                null, null)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        shortStock -> assertThat(shortStock.available()).isEqualTo(5));
        assertThat(unitsAt(fallback.id())).isEqualTo(5);
    }
}
