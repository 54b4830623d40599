package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.error.NotFoundException;
import io.wms.core.model.BatchStatus;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A soft-deleted product's stock neither moves nor counts, by whichever path: one rule for all of them.
 */
class DeletedProductStockTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    /** Receives 10 units of a new product's batch, then soft-deletes the product. */
    private long batchOfDeletedProduct() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        extension.wms().products().delete(ADMIN, milk);
        return batch;
    }

    private long productOf(long batch) {
        return extension.sql().fetchSingle(PRODUCT_BATCHES, PRODUCT_BATCHES.ID.eq(batch)).getProductId();
    }

    private void setStatus(long batch, BatchStatus status) {
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.STATUS, status)
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();
    }

    @Test
    void aFirstExpiredFirstOutPickOfADeletedProductIsNotFoundAndMovesNothing() {
        long batch = batchOfDeletedProduct();
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pick(ADMIN, new PickStock(productOf(batch), 1, 0, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aPickFromABatchOfADeletedProductIsNotFoundAndMovesNothing() {
        long batch = batchOfDeletedProduct();
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pickFromBatch(ADMIN, new PickFromBatch(batch, 1, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aReceiptIntoABatchOfADeletedProductIsNotFoundAndMovesNothing() {
        long batch = batchOfDeletedProduct();
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().receiveInto(ADMIN, new ReceiveIntoBatch(batch, 1, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aCorrectionOfABatchOfADeletedProductIsNotFoundAndMovesNothing() {
        long batch = batchOfDeletedProduct();
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().adjust(ADMIN,
                new AdjustStock(batch, -1, AdjustmentReason.LOSS, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aDisposalFromABatchOfADeletedProductIsNotFoundAndMovesNothing() {
        long batch = batchOfDeletedProduct();
        setStatus(batch, BatchStatus.RECALLED);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().dispose(ADMIN, new RemoveStock(batch, 1, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aReturnFromABatchOfADeletedProductIsNotFoundAndMovesNothing() {
        long batch = batchOfDeletedProduct();
        setStatus(batch, BatchStatus.QUARANTINED);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().returnToSupplier(ADMIN, new RemoveStock(batch, 1, null)))
                .isInstanceOf(NotFoundException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aStatusChangeOfABatchOfADeletedProductIsNotFound() {
        long batch = batchOfDeletedProduct();

        assertThatThrownBy(() -> inventory().quarantine(ADMIN, batch, "inspection"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDeletedProductHasNoActiveBatchesForTheReportsNorTheCatalog() {
        long batch = batchOfDeletedProduct();

        assertThat(extension.wms().products().hasActiveBatches(ADMIN, productOf(batch))).isFalse();
    }

    @Test
    void theBatchListsOfTheReportsLeaveADeletedProductsStockOut() {
        long batch = batchOfDeletedProduct();
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, StockFixtures.TODAY.plusDays(2))
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();
        StockReports reports = extension.wms().stockReports();

        assertThat(extension.wms().batches().lowStock(ADMIN, 100)).isEmpty();
        assertThat(reports.expiringWithin(ADMIN, 5)).isEmpty();
        setStatus(batch, BatchStatus.EXPIRED);
        assertThat(extension.wms().batches().expired(ADMIN)).isEmpty();
    }

    @Test
    void restoringTheProductLetsItsStockMoveAgain() {
        long batch = batchOfDeletedProduct();
        extension.wms().products().restore(ADMIN, productOf(batch));

        PickResult pick = inventory().pickFromBatch(ADMIN, new PickFromBatch(batch, 4, null, null));

        assertThat(pick.allocations()).singleElement().extracting(Allocation::quantityAfter).isEqualTo(6);
    }
}
