package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.inventory.AdjustAtLocation;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.CountLine;
import io.wms.core.inventory.CountPosting;
import io.wms.core.inventory.CycleCount;
import io.wms.core.inventory.CycleCountService;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.LedgerDiscrepancy;
import io.wms.core.inventory.LocatedAllocation;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickInWarehouse;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RecordCount;
import io.wms.core.inventory.StartCount;
import io.wms.core.inventory.TransferStock;
import io.wms.core.model.Location;
import io.wms.core.model.Warehouse;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the snippets of the "Moving stock" section of the README, so that they keep compiling and
 * keep doing what the text says.
 */
class ReadmeMovingStockExampleTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder
            .clock(Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC))
            .warehouseZone(ZoneOffset.UTC));

    @Test
    void theMovingStockSnippetRunsAndLeavesAProvenLedger() {
        Wms wms = extension.wms();
        long milkId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk")
                .returning(PRODUCTS.ID).fetchSingle().getId();
        Actor clerk = WmsExtension.actor(Permission.RECEIVE_STOCK);
        Actor picker = WmsExtension.actor(Permission.PICK_STOCK);
        Actor counter = WmsExtension.actor(Permission.ADJUST_STOCK);
        Actor inspector = WmsExtension.actor(Permission.CHANGE_BATCH_STATUS);
        Actor auditor = WmsExtension.actor(Permission.READ_CATALOG);

        // readme-snippet: moving-stock
        InventoryService inventory = wms.inventory();
        Receipt receipt = inventory.receive(clerk, new ReceiveStock(milkId, "LOT-42", 120,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), "delivery 7", "delivery-7-lot-42"));

        PickResult pick = inventory.pick(picker, new PickStock(milkId, 30, 5, "order 1001", "order-1001"));
        for (Allocation allocation : pick.allocations()) {
            System.out.println(allocation.batchNumber() + ": " + allocation.quantity());
        }

        inventory.adjust(counter, new AdjustStock(receipt.batchId(), -2, AdjustmentReason.DAMAGE, "forklift", null));
        inventory.quarantine(inspector, receipt.batchId(), "lab sample");
        inventory.release(inspector, receipt.batchId(), "lab sample passed");
        inventory.sweepExpired(Actor.system("expiry-sweep"));          // nightly
        List<LedgerDiscrepancy> wrong = inventory.verifyLedger(auditor);    // empty = every quantity is proven
        // readme-snippet-end

        assertThat(wrong).isEmpty();
        assertThat(pick.allocations()).singleElement().extracting(Allocation::quantityAfter).isEqualTo(90);
        assertThat(wms.stockReports().history(ADMIN, receipt.batchId())).hasSize(5);
        assertThat(wms.stockReports().stockPerProduct(ADMIN)).singleElement()
                .satisfies(stock -> assertThat(stock.usable()).isEqualTo(88));
    }

    @Test
    void theLocationsSnippetRunsAndLeavesAProvenLedger() {
        Wms wms = extension.wms();
        long milkId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk")
                .returning(PRODUCTS.ID).fetchSingle().getId();
        Actor planner = WmsExtension.actor(Permission.MANAGE_LOCATIONS, Permission.READ_CATALOG);
        Actor clerk = WmsExtension.actor(Permission.RECEIVE_STOCK);
        Actor picker = WmsExtension.actor(Permission.PICK_STOCK);
        Actor auditor = WmsExtension.actor(Permission.READ_CATALOG);

        // readme-snippet: moving-stock-locations
        Warehouse main = wms.warehouses().defaultWarehouse(planner);     // MAIN, made by the migration
        Location aisle = wms.locations().create(planner, new NewLocation(main.id(), null, "A", "Aisle A", null));
        Location bin1 = wms.locations().create(planner, new NewLocation(main.id(), aisle.id(), "A-01", null, 1));
        Location bin2 = wms.locations().create(planner, new NewLocation(main.id(), aisle.id(), "A-02", null, 2));

        Receipt lot = wms.inventory().receiveAt(clerk, new ReceiveAtLocation(bin2.id(), milkId, "LOT-7", 40,
                null, LocalDate.of(2026, 4, 30), "delivery 8", "delivery-8-lot-7"));
        wms.inventory().transfer(picker, new TransferStock(lot.batchId(), bin2.id(), bin1.id(), 10, "replenish",
                "replenish-a01-1"));                                      // two ledger rows, -10 and +10

        LocatedPick pick = wms.inventory().pickInWarehouse(picker,
                new PickInWarehouse(main.id(), milkId, 15, 0, "order 1002", "order-1002"));
        for (LocatedAllocation taken : pick.allocations()) {               // A-01 first: lower pick sequence
            System.out.println(taken.batchNumber() + " at " + taken.locationId() + ": " + taken.quantity());
        }
        List<LedgerDiscrepancy> wrong = wms.inventory().verifyLedger(auditor);  // also proves every location
        // readme-snippet-end

        assertThat(wrong).isEmpty();
        assertThat(pick.allocations()).extracting(LocatedAllocation::locationId, LocatedAllocation::quantity)
                .containsExactly(tuple(bin1.id(), 10), tuple(bin2.id(), 5));
        assertThat(wms.locations().stock(auditor, bin2.id(), 10).items()).singleElement()
                .satisfies(stock -> assertThat(stock.quantity()).isEqualTo(25));
    }

    @Test
    void theCycleCountSnippetRunsAndLeavesAProvenLedger() {
        Wms wms = extension.wms();
        long milkId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk")
                .returning(PRODUCTS.ID).fetchSingle().getId();
        Location bin = wms.locations().create(ADMIN, new NewLocation(
                wms.warehouses().defaultWarehouse(ADMIN).id(), null, "C-01", null, null));
        Receipt lot = wms.inventory().receiveAt(ADMIN, new ReceiveAtLocation(bin.id(), milkId, "LOT-9", 40,
                null, LocalDate.of(2026, 4, 30), null, null));
        Actor counter = WmsExtension.actor(Permission.COUNT_STOCK);
        Actor picker = WmsExtension.actor(Permission.PICK_STOCK);
        Actor supervisor = WmsExtension.actor(Permission.COUNT_STOCK, Permission.ADJUST_STOCK);

        // readme-snippet: moving-stock-cycle-counts
        CycleCountService counts = wms.cycleCounts();
        CycleCount count = counts.start(counter, StartCount.ofLocation(bin.id(), true));  // blind
        for (CountLine line : counts.sheet(counter, count.id()).lines()) {
            System.out.println(line.batchNumber() + ": expected " + line.expectedQuantity());  // null: blind
        }
        counts.record(counter, new RecordCount(count.id(), lot.batchId(), bin.id(), 38));

        wms.inventory().pickAtLocation(picker, PickAtLocation.of(bin.id(), milkId, 5));  // picking goes on

        CountPosting posting = counts.post(supervisor, new PostCount(count.id(), "count-" + count.id()));
        // 40 at the start, 38 counted: -2 on top of the pick, 40 - 5 - 2 = 33 at C-01

        wms.inventory().adjustAt(supervisor, new AdjustAtLocation(bin.id(), lot.batchId(), -1,
                AdjustmentReason.DAMAGE, "dropped", "damage-c01-1"));     // a correction at a named location
        // readme-snippet-end

        assertThat(posting.adjustments()).singleElement()
                .satisfies(adjustment -> assertThat(adjustment.locationQuantityAfter()).isEqualTo(33));
        assertThat(wms.locations().stock(ADMIN, bin.id(), 10).items()).singleElement()
                .satisfies(stock -> assertThat(stock.quantity()).isEqualTo(32));
        assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
    }
}
