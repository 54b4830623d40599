package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.model.Location;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reservations under contention: twenty clients reserving the same ten units get exactly ten between them; and eight
 * threads mixing receipts, transfers, reservations, picks of reservations, cancellations and plain picks leave
 * nothing reserved beyond what is there, no location negative, every batch the sum of its locations, the units
 * reserved the sum of the open reservations' lines, and a ledger that proves every quantity. Only short stock may
 * refuse a movement: no deadlock or conflict reaches a caller.
 */
class ConcurrentReservationsTest {

    private static final int CLIENTS = 20;
    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 120;
    private static final int PRODUCTS = 2;
    private static final int LOTS = 3;

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory;
    private ReservationService reservations;
    private long warehouseId;
    private final List<Long> locations = new ArrayList<>();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong picked = new AtomicLong();
    private final AtomicInteger reservedPicks = new AtomicInteger();
    private final AtomicInteger transfers = new AtomicInteger();

    @BeforeEach
    void arrange() {
        inventory = extension.wms().inventory();
        reservations = extension.wms().reservations();
        Location fallback = extension.wms().locations().defaultLocation(ADMIN);
        warehouseId = fallback.warehouseId();
        locations.add(fallback.id());
        for (int bin = 0; bin < 3; bin++) {
            locations.add(extension.wms().locations().create(ADMIN,
                    new NewLocation(warehouseId, null, "BIN-" + bin, null, bin)).id());
        }
    }

    @Test
    void twentyClientsReservingTheSameTenUnitsAtOnceGetExactlyTen() throws Exception {
        long milk = product(extension.sql(), "Milk");
        inventory.receiveAt(ADMIN, AllAtOnce.lot(locations.get(1), milk, 0, 6));
        inventory.receiveAt(ADMIN, AllAtOnce.lot(locations.get(2), milk, 1, 4));
        AtomicInteger held = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        AllAtOnce.run(CLIENTS, (random, client) -> {
            try {
                held.addAndGet(reservations.reserve(ADMIN, ReserveStock.of(warehouseId, milk, 1, "ORDER-" + client))
                        .quantity());
            } catch (InsufficientStockException shortStock) {
                refused.incrementAndGet();
            }
        });

        assertThat(held.get()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(CLIENTS - 10);
        assertThat(reservations.availableToPromise(ADMIN, warehouseId, milk))
                .isEqualTo(new AvailableToPromise(warehouseId, milk, TODAY, 10, 10, 0));
        assertInvariants();
    }

    @Test
    void receiptsTransfersReservationsAndPicksAtOnceKeepEveryPromise() throws Exception {
        long[] products = new long[PRODUCTS];
        for (int index = 0; index < PRODUCTS; index++) {
            products[index] = product(extension.sql(), "Product " + index);
            for (long location : locations) {
                received.addAndGet(inventory.receiveAt(ADMIN, AllAtOnce.lot(location, products[index], index % LOTS, 20))
                        .quantity());
            }
        }

        AllAtOnce.run(THREADS, (random, thread) -> {
            List<Reservation> mine = new ArrayList<>();
            for (int operation = 0; operation < OPERATIONS_PER_THREAD; operation++) {
                long product = products[random.nextInt(PRODUCTS)];
                long location = locations.get(random.nextInt(locations.size()));
                try {
                    move(random, product, location, mine, thread);
                } catch (InsufficientStockException shortStock) {
                    // Short stock is the one refusal this mix may meet.
                }
            }
        });

        assertInvariants();
        long remaining = extension.sql().select(sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES).fetchSingle()
                .value1().longValue();
        assertThat(received.get() - picked.get()).isEqualTo(remaining);
        assertThat(reservedPicks.get()).isPositive();
        assertThat(transfers.get()).isPositive();
    }

    private void move(Random random, long product, long location, List<Reservation> mine, int thread) {
        int dice = random.nextInt(12);
        int units = 1 + random.nextInt(5);
        if (dice < 3) {
            received.addAndGet(inventory.receiveAt(ADMIN, AllAtOnce.lot(location, product, random.nextInt(LOTS), units))
                    .quantity());
        } else if (dice < 5) {
            if (AllAtOnce.transferSomewhere(inventory, extension.sql(), random, product, location, locations,
                    units)) {
                transfers.incrementAndGet();
            }
        } else if (dice < 8) {
            mine.add(reservations.reserve(ADMIN, ReserveStock.of(warehouseId, product, units, "T" + thread)));
        } else if (dice < 10 && !mine.isEmpty()) {
            Reservation oldest = mine.remove(0);
            picked.addAndGet(reservations.pickReserved(ADMIN, PickReservation.of(oldest.id())).quantity());
            reservedPicks.incrementAndGet();
        } else if (dice < 11 && !mine.isEmpty()) {
            reservations.cancel(ADMIN, mine.remove(mine.size() - 1).id());
        } else {
            picked.addAndGet(inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(warehouseId, product, units))
                    .quantity());
        }
    }

    private void assertInvariants() {
        AllAtOnce.assertNothingIsReservedBeyondWhatIsThere(extension.sql());
        AllAtOnce.assertEveryBatchIsTheSumOfItsLocations(extension.sql());
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
    }
}
