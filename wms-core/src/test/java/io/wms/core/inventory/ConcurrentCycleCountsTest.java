package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.CYCLE_COUNT_LINES;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.model.Location;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight threads receive, transfer, reserve, pick (plainly and by reservation), cancel reservations and run cycle counts
 * (start, record, post) on few products and locations at once. Only short stock may refuse a movement, and a post
 * only short stock or units held by reservations: no deadlock or conflict reaches a caller, no location goes
 * negative, nothing is reserved beyond what is there, every batch is the sum of its locations, the ledger proves every
 * quantity, and the stock left is what was received, less what was picked, plus what the counts adjusted.
 */
class ConcurrentCycleCountsTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 80;
    private static final int PRODUCTS = 2;
    private static final int LOTS = 2;

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong picked = new AtomicLong();
    private final AtomicLong adjusted = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong picks = new AtomicLong();
    private final AtomicLong reservedPicks = new AtomicLong();

    @Test
    void receiptsTransfersReservationsPicksAndCountsAtOnceKeepEveryLocationPromiseBatchAndLedgerTrue()
            throws Exception {
        InventoryService inventory = extension.wms().inventory();
        CycleCountService counts = extension.wms().cycleCounts();
        Location fallback = extension.wms().locations().defaultLocation(ADMIN);
        List<Long> locations = new ArrayList<>(List.of(fallback.id()));
        for (int bin = 0; bin < 2; bin++) {
            locations.add(extension.wms().locations().create(ADMIN,
                    new NewLocation(fallback.warehouseId(), null, "BIN-" + bin, null, bin)).id());
        }
        long[] products = new long[PRODUCTS];
        for (int index = 0; index < PRODUCTS; index++) {
            products[index] = product(extension.sql(), "Product " + index);
            for (long location : locations) {
                received.addAndGet(inventory.receiveAt(ADMIN, AllAtOnce.lot(location, products[index], index % LOTS, 20))
                        .quantity());
            }
        }

        List<List<Reservation>> held = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            held.add(new ArrayList<>());
        }
        AllAtOnce.run(THREADS, (random, thread) -> {
            List<Reservation> mine = held.get(thread);
            for (int operation = 0; operation < OPERATIONS_PER_THREAD; operation++) {
                long product = products[random.nextInt(PRODUCTS)];
                long location = locations.get(random.nextInt(locations.size()));
                try {
                    if (random.nextInt(10) < 4) {
                        count(counts, inventory, random, random.nextBoolean() ? StartCount.ofLocation(location,
                                random.nextBoolean()) : StartCount.ofProduct(fallback.warehouseId(), product, true),
                                product, location);
                    } else if (random.nextInt(10) < 3) {
                        reserveOrRelease(random, product, fallback.warehouseId(), mine, thread);
                    } else {
                        move(inventory, random, product, location, locations);
                    }
                } catch (InsufficientStockException shortStock) {
                    // Short stock is the one refusal this mix may meet.
                }
            }
        });

        AllAtOnce.assertEveryBatchIsTheSumOfItsLocations(extension.sql());
        AllAtOnce.assertNothingIsReservedBeyondWhatIsThere(extension.sql());
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
        long remaining = extension.sql().select(sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES).fetchSingle()
                .value1().longValue();
        assertThat(received.get() - picked.get() + adjusted.get()).isEqualTo(remaining);
        assertThat(snapshotsTheLedgerDoesNotProve()).as("count lines whose ledger rows up to their position do not"
                + " make their expected units").isEmpty();
        assertThat(posts.get()).isPositive();
        assertThat(picks.get()).isPositive();
        assertThat(reservedPicks.get()).isPositive();
    }

    /** Reserves units for this thread, or picks or cancels one of its reservations. */
    private void reserveOrRelease(Random random, long product, long warehouseId, List<Reservation> mine, int thread) {
        ReservationService reservations = extension.wms().reservations();
        int dice = random.nextInt(4);
        if (dice < 2 || mine.isEmpty()) {
            mine.add(reservations.reserve(ADMIN, ReserveStock.of(warehouseId, product, 1 + random.nextInt(4),
                    "T" + thread)));
        } else if (dice < 3) {
            picked.addAndGet(reservations.pickReserved(ADMIN, PickReservation.of(mine.remove(0).id())).quantity());
            reservedPicks.incrementAndGet();
        } else {
            reservations.cancel(ADMIN, mine.remove(mine.size() - 1).id());
        }
    }

    /** The lines whose expected units differ from the changes of their batch at their location up to their position. */
    private List<Long> snapshotsTheLedgerDoesNotProve() {
        Field<Long> proven = DSL.field(select(coalesce(sum(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE), BigDecimal.ZERO)
                        .cast(Long.class))
                .from(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(CYCLE_COUNT_LINES.PRODUCT_BATCH_ID)
                        .and(PRODUCT_BATCH_TRACKS.LOCATION_ID.eq(CYCLE_COUNT_LINES.LOCATION_ID))
                        .and(PRODUCT_BATCH_TRACKS.ID.le(CYCLE_COUNT_LINES.LEDGER_POSITION))));
        return extension.sql().select(CYCLE_COUNT_LINES.CYCLE_COUNT_ID).from(CYCLE_COUNT_LINES)
                .where(proven.ne(CYCLE_COUNT_LINES.EXPECTED_QUANTITY.cast(Long.class)))
                .fetch(CYCLE_COUNT_LINES.CYCLE_COUNT_ID);
    }

    /**
     * Starts a count, records each line a little off what the system expected, picks in between now and then, and
     * posts.
     */
    private void count(CycleCountService counts, InventoryService inventory, Random random, StartCount scope,
                       long product, long location) {
        CycleCount count = counts.start(ADMIN, scope);
        for (CountLine line : counts.sheet(ADMIN, count.id()).lines()) {
            int counted = Math.max(0, line.expectedQuantity() + random.nextInt(5) - 2);
            counts.record(ADMIN, new RecordCount(count.id(), line.batchId(), line.locationId(), counted));
        }
        if (random.nextBoolean()) {
            try {
                pickAt(inventory, location, product, 1 + random.nextInt(3));
            } catch (InsufficientStockException shortStock) {
                // The count goes on: a short pick moved nothing.
            }
        }
        try {
            CountPosting posting = counts.post(ADMIN, new PostCount(count.id(), null));
            adjusted.addAndGet(posting.adjustments().stream().mapToLong(CountAdjustment::change).sum());
            posts.incrementAndGet();
        } catch (InsufficientStockException shortStock) {
            counts.cancel(ADMIN, count.id());
        } catch (ValidationException refused) {
            // A count that found fewer units than reservations hold there is refused: the promise stands.
            assertThat(refused.violations()).allMatch(violation -> violation.breaks(Violation.Rule.RESERVED));
            counts.cancel(ADMIN, count.id());
        }
    }

    private void move(InventoryService inventory, Random random, long product, long location, List<Long> locations) {
        int dice = random.nextInt(6);
        int units = 1 + random.nextInt(5);
        if (dice < 2) {
            received.addAndGet(inventory.receiveAt(ADMIN, AllAtOnce.lot(location, product, random.nextInt(LOTS), units))
                    .quantity());
        } else if (dice < 4) {
            AllAtOnce.transferSomewhere(inventory, extension.sql(), random, product, location, locations, units);
        } else if (dice < 5) {
            picked.addAndGet(inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(
                    extension.wms().warehouses().defaultWarehouse(ADMIN).id(), product, units)).quantity());
            picks.incrementAndGet();
        } else {
            pickAt(inventory, location, product, units);
        }
    }

    private void pickAt(InventoryService inventory, long location, long product, int units) {
        picked.addAndGet(inventory.pickAtLocation(ADMIN, PickAtLocation.of(location, product, units)).quantity());
        picks.incrementAndGet();
    }
}
