package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.wms.core.error.InsufficientStockException;
import io.wms.core.model.Location;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eight threads receive into locations, transfer between them and pick (in the warehouse, at a location, and with
 * today's calls that name none) on few products and locations at once. Only short stock may refuse a movement: no
 * deadlock or conflict reaches a caller, no location goes negative, every batch is the sum of its locations, and the
 * ledger proves every quantity.
 */
class ConcurrentLocationsTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 150;
    private static final int PRODUCTS = 2;
    private static final int LOTS = 3;

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong picked = new AtomicLong();
    private final AtomicLong transfers = new AtomicLong();
    private final AtomicLong picks = new AtomicLong();

    @Test
    void receiptsTransfersAndPicksAtOnceKeepEveryLocationAndBatchTrue() throws Exception {
        InventoryService inventory = extension.wms().inventory();
        Location fallback = extension.wms().locations().defaultLocation(ADMIN);
        List<Long> locations = new ArrayList<>(List.of(fallback.id()));
        for (int bin = 0; bin < 3; bin++) {
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

        AllAtOnce.run(THREADS, (random, thread) -> {
            for (int operation = 0; operation < OPERATIONS_PER_THREAD; operation++) {
                long product = products[random.nextInt(PRODUCTS)];
                long location = locations.get(random.nextInt(locations.size()));
                try {
                    move(inventory, random, product, location, locations);
                } catch (InsufficientStockException shortStock) {
                    // Short stock is the one refusal this mix may meet.
                }
            }
        });

        AllAtOnce.assertEveryBatchIsTheSumOfItsLocations(extension.sql());
        assertThat(inventory.verifyLedger(ADMIN)).isEmpty();
        long remaining = extension.sql().select(sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES).fetchSingle()
                .value1().longValue();
        assertThat(received.get() - picked.get()).isEqualTo(remaining);
        assertThat(picks.get()).isPositive();
        assertThat(transfers.get()).isPositive();
    }

    private void move(InventoryService inventory, Random random, long product, long location, List<Long> locations) {
        int dice = random.nextInt(10);
        int units = 1 + random.nextInt(5);
        if (dice < 3) {
            received.addAndGet(inventory.receiveAt(ADMIN, AllAtOnce.lot(location, product, random.nextInt(LOTS), units))
                    .quantity());
        } else if (dice < 6) {
            if (AllAtOnce.transferSomewhere(inventory, extension.sql(), random, product, location, locations,
                    units)) {
                transfers.incrementAndGet();
            }
        } else if (dice < 8) {
            picked.addAndGet(inventory.pickInWarehouse(ADMIN, PickInWarehouse.of(
                    extension.wms().warehouses().defaultWarehouse(ADMIN).id(), product, units)).quantity());
            picks.incrementAndGet();
        } else if (dice < 9) {
            picked.addAndGet(inventory.pickAtLocation(ADMIN, PickAtLocation.of(location, product, units)).quantity());
            picks.incrementAndGet();
        } else {
            picked.addAndGet(inventory.pick(ADMIN, PickStock.of(product, units)).quantity());
            picks.incrementAndGet();
        }
    }
}
