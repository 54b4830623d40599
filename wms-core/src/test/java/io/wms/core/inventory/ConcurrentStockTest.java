package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.model.BatchStatus;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads receive, pick and correct stock of a few hot products at once; afterwards every unit must be
 * accounted for and the ledger must prove every quantity.
 */
class ConcurrentStockTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 200;
    private static final int PRODUCTS = 3;
    private static final int LOT_NUMBERS = 5;

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong picked = new AtomicLong();
    private final AtomicLong adjusted = new AtomicLong();
    private final AtomicLong picks = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    @Test
    void randomReceivesPicksAndCorrectionsNeverLoseOrInventStock() throws Exception {
        InventoryService inventory = extension.wms().inventory();
        long[] products = new long[PRODUCTS];
        for (int index = 0; index < PRODUCTS; index++) {
            products[index] = product(extension.sql(), "Hot product " + index);
            for (int lot = 0; lot < 2; lot++) {
                received.addAndGet(inventory.receive(ADMIN, lot(products[index], lot, 50)).quantity());
            }
        }
        long elapsedNanos = everyThreadAtOnce(random -> {
            for (int operation = 0; operation < OPERATIONS_PER_THREAD; operation++) {
                randomOperation(inventory, random, products[random.nextInt(PRODUCTS)]);
            }
        });

        long remaining = extension.sql().select(sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES)
                .fetchSingle().value1().longValue();
        assertThat(extension.sql().select(min(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES).fetchSingle().value1())
                .isNotNegative();
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
        assertThat(picked.get() + remaining).isEqualTo(received.get() + adjusted.get());
        assertThat(picks.get()).isPositive();
        double seconds = elapsedNanos / 1e9;
        System.out.printf("concurrent stock: %d operations in %.2f s (%.0f ops/s), %d picks (%.0f picks/s), "
                        + "%d refused for lack of stock%n", THREADS * OPERATIONS_PER_THREAD, seconds,
                THREADS * OPERATIONS_PER_THREAD / seconds, picks.get(), picks.get() / seconds, refusals.get());
    }

    @Test
    void concurrentReceiptsOfTheSameNewLotCreateOneBatch() throws Exception {
        InventoryService inventory = extension.wms().inventory();
        long product = product(extension.sql(), "New product");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Receipt> receipts = new ArrayList<>();
        try {
            List<Future<Receipt>> results = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return inventory.receive(ADMIN, lot(product, 0, 3));
                }));
            }
            start.countDown();
            for (Future<Receipt> result : results) {
                receipts.add(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(receipts).extracting(Receipt::batchId).containsOnly(receipts.get(0).batchId());
        assertThat(receipts).filteredOn(Receipt::newBatch).hasSize(1);
        assertThat(receipts).extracting(Receipt::quantityAfter).containsExactlyInAnyOrder(3, 6, 9, 12, 15, 18, 21, 24);
        assertThat(StockFixtures.ledger(extension.sql(), receipts.get(0).batchId())).hasSize(THREADS);
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void manyPickersOfOneProductOverSeveralBatchesNeverOversell() throws Exception {
        InventoryService inventory = extension.wms().inventory();
        long product = product(extension.sql(), "Contended product");
        long stocked = 0;
        for (int lot = 0; lot < LOT_NUMBERS; lot++) {
            stocked += inventory.receive(ADMIN, lot(product, lot, 40)).quantity();
        }
        AtomicLong taken = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        everyThreadAtOnce(random -> {
            for (int pick = 0; pick < 40; pick++) {
                int wanted = 1 + random.nextInt(7);
                try {
                    PickResult result = inventory.pick(ADMIN, PickStock.of(product, wanted));
                    assertThat(result.allocations()).extracting(Allocation::quantity)
                            .allSatisfy(units -> assertThat(units).isPositive());
                    assertThat(result.allocations().stream().mapToInt(Allocation::quantity).sum()).isEqualTo(wanted);
                    taken.addAndGet(wanted);
                } catch (InsufficientStockException refusal) {
                    assertThat(refusal.available()).isLessThan(wanted);
                    refused.incrementAndGet();
                }
            }
        });

        long remaining = extension.sql().select(sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(product)).fetchSingle().value1().longValue();
        assertThat(taken.get()).isEqualTo(stocked - remaining);
        assertThat(refused.get()).as("picks refused once the stock ran short").isPositive();
        assertThat(extension.sql().select(min(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES).fetchSingle().value1())
                .isNotNegative();
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES, PRODUCT_BATCHES.QUANTITY.eq(0)
                .and(PRODUCT_BATCHES.STATUS.ne(BatchStatus.DEPLETED)))).isZero();
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }

    private interface Worker {
        void work(Random random) throws Exception;
    }

    /** Starts one worker per thread at the same instant; returns the nanoseconds until the last one finished. */
    private static long everyThreadAtOnce(Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Random random = new Random(thread);
                workers.add(pool.submit(() -> {
                    start.await();
                    worker.work(random);
                    return null;
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            for (Future<?> running : workers) {
                running.get(120, TimeUnit.SECONDS);
            }
            return System.nanoTime() - started;
        } finally {
            pool.shutdownNow();
        }
    }

    private void randomOperation(InventoryService inventory, Random random, long product) {
        int dice = random.nextInt(10);
        try {
            if (dice < 5) {
                PickResult result = inventory.pick(ADMIN, PickStock.of(product, 1 + random.nextInt(6)));
                picked.addAndGet(result.quantity());
                picks.incrementAndGet();
            } else if (dice < 8) {
                received.addAndGet(inventory.receive(ADMIN,
                        lot(product, random.nextInt(LOT_NUMBERS), 1 + random.nextInt(8))).quantity());
            } else {
                List<Long> batches = extension.sql().select(PRODUCT_BATCHES.ID).from(PRODUCT_BATCHES)
                        .where(PRODUCT_BATCHES.PRODUCT_ID.eq(product)).fetch(PRODUCT_BATCHES.ID);
                long batch = batches.get(random.nextInt(batches.size()));
                int change = random.nextBoolean() ? 1 + random.nextInt(3) : -1 - random.nextInt(3);
                AdjustmentReason reason = change > 0 ? AdjustmentReason.FOUND : AdjustmentReason.DAMAGE;
                adjusted.addAndGet(inventory.adjust(ADMIN, new AdjustStock(batch, change, reason, null, null))
                        .quantityChange());
            }
        } catch (InsufficientStockException refused) {
            refusals.incrementAndGet();
        }
    }

    private static ReceiveStock lot(long product, int lot, int quantity) {
        return ReceiveStock.of(product, "LOT-" + lot, quantity).expiring(TODAY.plusDays(10L + lot * 7L));
    }
}
