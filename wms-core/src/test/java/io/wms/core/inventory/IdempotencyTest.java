package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.ValidationException;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    @Test
    void theSameKeyedPickTwiceMovesStockOnceAndReturnsTheFirstResult() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L|1,a b", 10)).batchId();
        PickStock pick = new PickStock(milk, 4, 0, "order 1", "order-1-pick");

        PickResult first = inventory().pick(ADMIN, pick);
        PickResult again = inventory().pick(ADMIN, pick);

        assertThat(again).isEqualTo(first);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(6);
        assertThat(ledger(extension.sql(), batch)).hasSize(2);
    }

    @Test
    void theSameKeyedPickFromEightThreadsAtOnceMovesStockOnce() throws Exception {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 100)).batchId();
        PickStock pick = PickStock.of(milk, 7).withIdempotencyKey("order-2-pick");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<PickResult>> results = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return inventory().pick(ADMIN, pick);
                }));
            }
            start.countDown();
            PickResult first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<PickResult> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(93);
        assertThat(ledger(extension.sql(), batch)).hasSize(2);
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefusedAndChangesNothing() {
        long milk = product(extension.sql(), "Milk");
        inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10));
        inventory().pick(ADMIN, PickStock.of(milk, 1).withIdempotencyKey("k-1"));
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pick(ADMIN, PickStock.of(milk, 2).withIdempotencyKey("k-1")))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("idempotencyKey")).isTrue());
        assertThatThrownBy(() -> inventory().receive(ADMIN,
                ReceiveStock.of(milk, "L-1", 1).withIdempotencyKey("k-1")))
                .isInstanceOf(ValidationException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aKeyedReceiptAndAdjustmentAreEachAppliedOnce() {
        long milk = product(extension.sql(), "Milk");
        ReceiveStock receipt = ReceiveStock.of(milk, "L-1", 10).withIdempotencyKey("delivery-9");
        Receipt first = inventory().receive(ADMIN, receipt);
        AdjustStock count = new AdjustStock(first.batchId(), -2, AdjustmentReason.STOCK_COUNT, null, "count-3");
        BatchMovement adjusted = inventory().adjust(ADMIN, count);

        assertThat(inventory().receive(ADMIN, receipt)).isEqualTo(first);
        assertThat(inventory().adjust(ADMIN, count)).isEqualTo(adjusted);
        assertThat(batch(extension.sql(), first.batchId()).quantity()).isEqualTo(8);
        assertThat(extension.sql().fetchCount(IDEMPOTENCY_KEYS)).isEqualTo(2);
    }

    @Test
    void aRefusedKeyedOperationLeavesTheKeyFreeForARetry() {
        long milk = product(extension.sql(), "Milk");
        PickStock pick = PickStock.of(milk, 5).withIdempotencyKey("order-3-pick");
        assertThatThrownBy(() -> inventory().pick(ADMIN, pick)).isInstanceOf(InsufficientStockException.class);
        inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 5));

        assertThat(inventory().pick(ADMIN, pick).quantity()).isEqualTo(5);
        assertThat(extension.sql().fetchValue(PRODUCT_BATCHES.QUANTITY)).isZero();
    }
}
