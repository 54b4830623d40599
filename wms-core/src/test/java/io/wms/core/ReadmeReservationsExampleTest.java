package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.inventory.AvailableToPromise;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickReservation;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.ReorderPoint;
import io.wms.core.inventory.ReorderSuggestion;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.ReservationService;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.model.Warehouse;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the README's reservation and reorder-point snippets, which are these marked regions byte for byte.
 */
class ReadmeReservationsExampleTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder
            .clock(Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC))
            .warehouseZone(ZoneOffset.UTC));

    @Test
    void theReservationsSnippetRunsAndPromisesOnlyWhatIsLeft() {
        Wms wms = extension.wms();
        long milkId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk")
                .returning(PRODUCTS.ID).fetchSingle().getId();
        wms.inventory().receive(ADMIN, ReceiveStock.of(milkId, "LOT-1", 50).expiring(LocalDate.of(2026, 3, 20)));
        wms.inventory().receive(ADMIN, ReceiveStock.of(milkId, "LOT-2", 50).expiring(LocalDate.of(2026, 4, 30)));
        Actor desk = WmsExtension.actor(Permission.RESERVE_STOCK, Permission.READ_CATALOG);
        Actor picker = WmsExtension.actor(Permission.PICK_STOCK);

        // readme-snippet: reservations
        ReservationService reservations = wms.reservations();
        Warehouse main = wms.warehouses().defaultWarehouse(desk);
        Reservation held = reservations.reserve(desk, ReserveStock.of(main.id(), milkId, 30, "order 1003")
                .due(LocalDate.of(2026, 3, 25))                       // LOT-1 expires before: not held
                .expiringAt(Instant.parse("2026-03-11T09:00:00Z"))     // released by the sweep if not picked
                .withIdempotencyKey("order-1003-reservation"));
        AvailableToPromise promise = reservations.availableToPromise(desk, main.id(), milkId);  // 100, 30, 70

        LocatedPick pick = reservations.pickReserved(picker, PickReservation.of(held.id()));  // exactly LOT-2's 30
        reservations.sweepExpiredReservations(Actor.system("reservation-sweep",
                EnumSet.of(Permission.RESERVE_STOCK)));                // hourly
        // readme-snippet-end

        assertThat(held.lines()).singleElement().satisfies(line -> assertThat(line.batchNumber()).isEqualTo("LOT-2"));
        assertThat(promise.available()).isEqualTo(70);
        assertThat(pick.quantity()).isEqualTo(30);
        assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void theReorderPointsSnippetListsWhatToOrder() {
        Wms wms = extension.wms();
        long milkId = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk")
                .returning(PRODUCTS.ID).fetchSingle().getId();
        wms.inventory().receive(ADMIN, ReceiveStock.of(milkId, "LOT-1", 12));
        Actor buyer = WmsExtension.actor(Permission.MANAGE_CATALOG, Permission.READ_CATALOG);
        long mainId = wms.warehouses().defaultWarehouse(ADMIN).id();

        // readme-snippet: reorder-points
        wms.reorderPoints().set(buyer, new ReorderPoint(mainId, milkId, 20, 100));   // at or below 20, up to 100
        List<ReorderSuggestion> toOrder = wms.reorderPoints().reorderReport(buyer, mainId, 100).items();
        for (ReorderSuggestion line : toOrder) {                               // Milk: 12 available, order 88
            System.out.println(line.productName() + ": " + line.available() + " available, order "
                    + line.suggestedQuantity());
        }
        // readme-snippet-end

        assertThat(toOrder).singleElement().satisfies(line -> assertThat(line.suggestedQuantity()).isEqualTo(88));
    }
}
