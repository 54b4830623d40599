package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.LedgerDiscrepancy;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the snippet of the "Moving stock" section of the README, so that it keeps compiling and
 * keeps doing what the text says.
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
}
