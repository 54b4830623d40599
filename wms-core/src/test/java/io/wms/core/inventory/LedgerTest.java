package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.model.TrackAction;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LedgerTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    @Test
    void anEmptyWarehouseIsConsistent() {
        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aQuantityChangedBehindTheLedgersBackIsReported() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        inventory().pick(ADMIN, PickStock.of(milk, 3));
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.QUANTITY, 9)
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();

        assertThat(inventory().verifyLedger(ADMIN)).containsExactly(new LedgerDiscrepancy(batch, 9, 7, 7));
    }

    @Test
    void rowsThatCancelOutButAreNotTheirRunningTotalAreReportedAtTheFirstWrongRow() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        Fixtures rows = new Fixtures(extension.sql());
        long wrong = rows.track(batch, null, TrackAction.ADJUSTED, 3, 10);
        rows.track(batch, null, TrackAction.ADJUSTED, -3, 10);

        assertThat(inventory().verifyLedger(ADMIN)).containsExactly(new LedgerDiscrepancy(batch, 10, 10, 10, wrong));
    }

    @Test
    void aLedgerWhoseEveryRowIsItsRunningTotalIsConsistent() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        inventory().adjust(ADMIN, new AdjustStock(batch, 3, AdjustmentReason.FOUND, null, null));
        inventory().adjust(ADMIN, new AdjustStock(batch, -3, AdjustmentReason.LOSS, null, null));
        inventory().quarantine(ADMIN, batch, "inspection");

        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aBatchWithStockButNoLedgerRowsIsReported() {
        long milk = product(extension.sql(), "Milk");
        long batch = extension.sql().insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, milk)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "UNTRACKED")
                .set(PRODUCT_BATCHES.QUANTITY, 4)
                .returning(PRODUCT_BATCHES.ID).fetchSingle().getId();

        assertThat(inventory().verifyLedger(ADMIN)).containsExactly(new LedgerDiscrepancy(batch, 4, 0, null));
    }

    @Test
    void insideACallersTransactionStockMovesRollBackWithIt() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();

        assertThatThrownBy(() -> extension.wms().useTransaction(transaction -> {
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 4));
            transaction.inventory().adjust(ADMIN, new AdjustStock(batch, -1, AdjustmentReason.LOSS, null, null));
            throw new IllegalStateException("the order was cancelled");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(10);
        assertThat(StockFixtures.ledger(extension.sql(), batch)).hasSize(1);
    }

    @Test
    void insideACallersTransactionARefusedPickLeavesTheCallersEarlierWorkToTheCaller() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();

        int picked = extension.wms().inTransaction(transaction -> {
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 4));
            try {
                transaction.inventory().pick(ADMIN, PickStock.of(milk, 100));
            } catch (io.wms.core.error.InsufficientStockException refused) {
                return 4;
            }
            return 104;
        });

        assertThat(picked).isEqualTo(4);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(6);
        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }
}
