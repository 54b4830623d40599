package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdjustAndRemoveStockTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    private long batchOf(int quantity) {
        long milk = product(extension.sql(), "Milk");
        return inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", quantity)).batchId();
    }

    @Test
    void aCountCorrectionWritesAnAdjustedRowWithReasonAndNote() {
        long batch = batchOf(10);

        BatchMovement movement = inventory().adjust(ADMIN,
                new AdjustStock(batch, -3, AdjustmentReason.STOCK_COUNT, "shelf 4 count", null));

        assertThat(movement.quantityAfter()).isEqualTo(7);
        assertThat(ledger(extension.sql(), batch)).last().satisfies(row -> {
            assertThat(row.action()).isEqualTo(TrackAction.ADJUSTED);
            assertThat(row.quantityChange()).isEqualTo(-3);
            assertThat(row.quantityAfter()).isEqualTo(7);
            assertThat(row.description()).isEqualTo("STOCK_COUNT: shelf 4 count");
        });
    }

    @Test
    void aCorrectionBelowZeroIsInsufficientStockAndChangesNothing() {
        long batch = batchOf(2);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().adjust(ADMIN,
                new AdjustStock(batch, -3, AdjustmentReason.LOSS, null, null)))
                .isInstanceOfSatisfying(InsufficientStockException.class, failure -> {
                    assertThat(failure.requested()).isEqualTo(3);
                    assertThat(failure.available()).isEqualTo(2);
                });
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void theLargestPossibleRemovalIsRefusedWithTheUnitsItAskedFor() {
        long batch = batchOf(2);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().adjust(ADMIN,
                new AdjustStock(batch, Integer.MIN_VALUE, AdjustmentReason.LOSS, null, null)))
                .isInstanceOfSatisfying(InsufficientStockException.class, failure -> {
                    assertThat(failure.requested()).isEqualTo(2_147_483_648L);
                    assertThat(failure.available()).isEqualTo(2);
                });
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void correctingToZeroDepletesAndFindingStockReactivates() {
        long batch = batchOf(2);

        assertThat(inventory().adjust(ADMIN, new AdjustStock(batch, -2, AdjustmentReason.DAMAGE, null, null))
                .statusAfter()).isEqualTo(BatchStatus.DEPLETED);
        assertThat(inventory().adjust(ADMIN, new AdjustStock(batch, 1, AdjustmentReason.FOUND, null, null))
                .statusAfter()).isEqualTo(BatchStatus.ACTIVE);
    }

    @Test
    void zeroChangeAndOtherWithoutNoteAreBothNamed() {
        long batch = batchOf(2);

        assertThatThrownBy(() -> inventory().adjust(ADMIN, new AdjustStock(batch, 0, AdjustmentReason.OTHER, " ",
                null)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(violation -> violation.field()).containsExactlyInAnyOrder("change", "note"));
    }

    @Test
    void aRecalledBatchCannotBeAdjusted() {
        long batch = batchOf(5);
        inventory().recall(ADMIN, batch, "supplier notice");
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().adjust(ADMIN,
                new AdjustStock(batch, 1, AdjustmentReason.FOUND, null, null)))
                .isInstanceOf(ValidationException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void recalledStockIsDisposedOfWithADisposedRow() {
        long batch = batchOf(5);
        inventory().recall(ADMIN, batch, "supplier notice");

        BatchMovement movement = inventory().dispose(ADMIN, new RemoveStock(batch, 5, "incinerated"));

        assertThat(movement.quantityAfter()).isZero();
        assertThat(movement.statusAfter()).isEqualTo(BatchStatus.RECALLED);
        assertThat(ledger(extension.sql(), batch)).last().satisfies(row -> {
            assertThat(row.action()).isEqualTo(TrackAction.DISPOSED);
            assertThat(row.quantityChange()).isEqualTo(-5);
        });
    }

    @Test
    void expiredStockIsReturnedToTheSupplierWithAReturnedRow() {
        long batch = batchOf(5);
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, TODAY.minusDays(1)).execute();

        BatchMovement movement = inventory().returnToSupplier(ADMIN, new RemoveStock(batch, 2, "credit note 9"));

        assertThat(movement.action()).isEqualTo(TrackAction.RETURNED);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(3);
        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void sweptStockIsDisposedOfAndStaysExpired() {
        long batch = batchOf(5);
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, TODAY.minusDays(2)).execute();
        inventory().sweepExpired(ADMIN);

        BatchMovement movement = inventory().dispose(ADMIN, new RemoveStock(batch, 5, "composted"));

        assertThat(movement.statusAfter()).isEqualTo(BatchStatus.EXPIRED);
        assertThat(batch(extension.sql(), batch).quantity()).isZero();
        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void correctingAnUnknownBatchIsNotFound() {
        assertThatThrownBy(() -> inventory().adjust(ADMIN,
                new AdjustStock(404, 1, AdjustmentReason.FOUND, null, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("batch 404");
    }

    @Test
    void aMissingCommandIsAValidationErrorNamingTheParameter() {
        assertThatThrownBy(() -> inventory().adjust(ADMIN, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("command")).isTrue());
    }

    @Test
    void pickableStockCannotBeDisposedOf() {
        long batch = batchOf(5);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().dispose(ADMIN, new RemoveStock(batch, 1, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("batchId")).isTrue());
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void disposingMoreThanTheBatchHoldsIsRefusedUnchanged() {
        long batch = batchOf(5);
        inventory().quarantine(ADMIN, batch, "damaged pallet");
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().dispose(ADMIN, new RemoveStock(batch, 6, null)))
                .isInstanceOf(InsufficientStockException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void adjustingNeedsTheAdjustPermission() {
        long batch = batchOf(5);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().adjust(WmsExtension.actor(Permission.PICK_STOCK),
                new AdjustStock(batch, 1, AdjustmentReason.FOUND, null, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> inventory().dispose(WmsExtension.actor(Permission.PICK_STOCK),
                new RemoveStock(batch, 1, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }
}
