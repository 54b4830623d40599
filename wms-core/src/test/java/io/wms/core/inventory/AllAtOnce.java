package io.wms.core.inventory;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.RESERVATIONS;
import static io.wms.jooq.Tables.RESERVATION_LINES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wms.core.model.ReservationStatus;
import org.jooq.DSLContext;
import org.jooq.Record3;

/**
 * Runs workers on threads of their own that all start at one instant, and checks what concurrent movements must leave
 * true of the stock per location.
 */
final class AllAtOnce {

    /** One thread's work, given its own seeded random numbers and its number. */
    interface Worker {
        void work(Random random, int thread) throws Exception;
    }

    private AllAtOnce() {
    }

    /** Starts one worker per thread at the same instant, on an executor of its own, and waits for all. */
    static void run(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                Random random = new Random(thread);
                int number = thread;
                workers.add(pool.submit(() -> {
                    start.await();
                    worker.work(random, number);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> running : workers) {
                running.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** No location holds a negative quantity, and every batch's quantity is the sum of its units over locations. */
    static void assertEveryBatchIsTheSumOfItsLocations(DSLContext sql) {
        assertThat(sql.select(min(BATCH_LOCATIONS.QUANTITY)).from(BATCH_LOCATIONS).fetchSingle().value1())
                .isNotNegative();
        Map<Long, Long> placed = sql.select(BATCH_LOCATIONS.PRODUCT_BATCH_ID, sum(BATCH_LOCATIONS.QUANTITY))
                .from(BATCH_LOCATIONS).groupBy(BATCH_LOCATIONS.PRODUCT_BATCH_ID)
                .fetchMap(row -> row.value1(), row -> row.value2().longValue());
        Map<Long, Long> recorded = sql.select(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY)
                .from(PRODUCT_BATCHES).fetchMap(row -> row.value1(), row -> (long) row.value2());
        assertThat(placed).as("each batch's units over its locations").isEqualTo(recorded);
    }

    /**
     * No batch and location holds fewer units than its reservations hold there, and the units reserved there are the
     * sum of the open reservations' lines.
     */
    static void assertNothingIsReservedBeyondWhatIsThere(DSLContext sql) {
        assertThat(sql.select(min(BATCH_LOCATIONS.QUANTITY.minus(BATCH_LOCATIONS.RESERVED)),
                min(BATCH_LOCATIONS.RESERVED)).from(BATCH_LOCATIONS).fetchSingle().intoArray())
                .as("units free and reserved at the least location").allSatisfy(least ->
                        assertThat((Integer) least).isNotNegative());
        Map<List<Long>, Long> reserved = sql.select(BATCH_LOCATIONS.PRODUCT_BATCH_ID, BATCH_LOCATIONS.LOCATION_ID,
                        BATCH_LOCATIONS.RESERVED)
                .from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.RESERVED.gt(0))
                .fetchMap(row -> List.of(row.value1(), row.value2()), row -> (long) row.value3());
        Map<List<Long>, Long> openLines = sql.select(RESERVATION_LINES.PRODUCT_BATCH_ID, RESERVATION_LINES.LOCATION_ID,
                        sum(RESERVATION_LINES.QUANTITY))
                .from(RESERVATION_LINES)
                .join(RESERVATIONS).on(RESERVATIONS.ID.eq(RESERVATION_LINES.RESERVATION_ID))
                .where(RESERVATIONS.STATUS.eq(ReservationStatus.OPEN))
                .groupBy(RESERVATION_LINES.PRODUCT_BATCH_ID, RESERVATION_LINES.LOCATION_ID)
                .fetchMap((Record3<Long, Long, BigDecimal> row) -> List.of(row.value1(), row.value2()),
                        row -> row.value3().longValue());
        assertThat(reserved).as("units reserved per batch and location").isEqualTo(openLines);
    }

    /** A lot of a product received at a location, expiring 10 days after today plus the lot's number. */
    static ReceiveAtLocation lot(long location, long product, int lot, int quantity) {
        return ReceiveAtLocation.of(location, product, "LOT-" + lot, quantity)
                .expiring(StockFixtures.TODAY.plusDays(10L + lot));
    }

    /**
     * Transfers units of one of the product's batches, chosen at random, from a location to another chosen at random.
     *
     * @return whether it transferred: not when the random destination is the source
     */
    static boolean transferSomewhere(InventoryService inventory, DSLContext sql, Random random, long product,
                                     long from, List<Long> locations, int units) {
        List<Long> batches = sql.select(PRODUCT_BATCHES.ID).from(PRODUCT_BATCHES)
                .where(PRODUCT_BATCHES.PRODUCT_ID.eq(product)).fetch(PRODUCT_BATCHES.ID);
        long target = locations.get(random.nextInt(locations.size()));
        if (target == from) {
            return false;
        }
        inventory.transfer(ADMIN, TransferStock.of(batches.get(random.nextInt(batches.size())), from, target, units));
        return true;
    }
}
