package io.wms.examples;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;


import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.CountAdjustment;
import io.wms.core.inventory.CountPosting;
import io.wms.core.inventory.CycleCount;
import io.wms.core.inventory.LocatedPick;
import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickReservation;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.RecordCount;
import io.wms.core.inventory.Reservation;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.inventory.ReservedUnits;
import io.wms.core.inventory.StartCount;
import io.wms.core.inventory.StockTransfer;
import io.wms.core.inventory.TransferStock;
import io.wms.core.inventory.ExpirySweep;
import io.wms.core.inventory.InventoryReportLine;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Location;
import io.wms.core.model.Product;
import io.wms.core.model.User;
import io.wms.core.model.Warehouse;
import io.wms.core.repository.NewLocation;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewUser;
import io.wms.core.seed.SeedOptions;
import io.wms.core.seed.SeededTable;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.jooq.impl.DSL;

/**
 * A walk through wms on an embedded PostgreSQL: migrate, seed the roles and the demo warehouse (plus the first admin
 * when {@code WMS_ADMIN_EMAIL} and {@code WMS_ADMIN_PASSWORD} are set), create a user and log in, receive batches,
 * pick first-expired first-out, lay out bins and move stock between them, reserve stock for an order and pick the
 * reservation, count a bin blind and post the difference, sweep expired stock, check the ledger, and print the
 * inventory report.
 *
 * <p>Run it with {@code ./mvnw -q -P quickstart -DskipTests -pl examples -am package}.
 */
public final class Quickstart {

    private Quickstart() {
    }

    /**
     * Runs the walk-through and prints what it does.
     *
     * @param arguments ignored
     */
    public static void main(String[] arguments) {
        run(System.out);
    }

    /**
     * Runs the walk-through, printing to the given stream.
     *
     * @param out where to print
     */
    public static void run(PrintStream out) {
        try (WmsTestDatabase database = WmsTestServer.embedded().createEmptyDatabase();
             Wms wms = Wms.create(WmsConfig.fromEnv(database.environment()))) {
            out.println("1. Migrated the schema to version " + wms.migrations().currentVersion() + ": "
                    + String.join(", ", tables(database)));

            Actor system = Actor.system("quickstart");
            SeedOptions seed = SeedOptions.fromEnv().withDemoData(true);
            out.println("2. Seeded the roles and the demo warehouse:");
            for (SeededTable seeded : wms.seeding().run(system, seed)) {
                out.printf("     %-22s %d rows%n", seeded.table(), seeded.rowsAdded());
            }

            User clerk = wms.users().create(system, new NewUser("clerk@example.com", "correct horse battery"));
            wms.roles().assign(system, clerk.id(), "operator");
            Actor operator = wms.auth().authenticate("Clerk@Example.com ", "correct horse battery").actor();
            out.println("3. Created " + clerk.email() + " as operator and logged in: may pick stock = "
                    + operator.can(Permission.PICK_STOCK) + ", may purge data = " + operator.can(Permission.PURGE_DATA));

            Product coffee = wms.products().create(system, new NewProduct("Quickstart coffee", "Whole beans", null,
                    null));
            LocalDate today = LocalDate.now();
            for (int lot = 1; lot <= 3; lot++) {
                wms.inventory().receive(operator, new ReceiveStock(coffee.id(), "QS-" + lot, 10 * lot,
                        today.minusMonths(1), today.plusMonths(4 - lot), "delivery " + lot, null));
            }
            out.println("4. Received 3 lots of " + coffee.name() + " (10, 20 and 30 units, different expiry dates)");

            PickResult picked = wms.inventory().pick(operator, new PickStock(coffee.id(), 35, 0, "order 1001", null));
            out.println("5. Picked " + picked.quantity() + " units first-expired, first-out:");
            for (Allocation allocation : picked.allocations()) {
                out.printf("     %-6s expires %s  gave %2d  left %2d%n", allocation.batchNumber(),
                        allocation.expiryDate(), allocation.quantity(), allocation.quantityAfter());
            }

            walkThroughLocations(out, wms, system, operator, coffee, today);

            ExpirySweep sweep = wms.inventory().sweepExpired(system);
            out.println("9. Expiry sweep on " + sweep.today() + ": batches marked expired " + sweep.expiredBatches().size()
                    + "; ledger discrepancies " + wms.inventory().verifyLedger(system).size());

            out.println("10. Inventory report:");
            printReport(out, wms.stockReports().inventoryReport(system));
        }
    }

    /**
     * Steps 6 to 8: two bins in an aisle of the default warehouse, a receipt into one and a transfer to the other; a
     * reservation for an order, first-expired first-out across the bins, then its pick; a blind count of a bin while
     * picking goes on, posted as a {@code STOCK_COUNT} correction.
     */
    private static void walkThroughLocations(PrintStream out, Wms wms, Actor system, Actor operator, Product coffee,
                                             LocalDate today) {
        Warehouse main = wms.warehouses().defaultWarehouse(system);
        Location aisle = wms.locations().create(system, new NewLocation(main.id(), null, "A", "Aisle A", null));
        Location front = wms.locations().create(system, new NewLocation(main.id(), aisle.id(), "A-01", null, 1));
        Location back = wms.locations().create(system, new NewLocation(main.id(), aisle.id(), "A-02", null, 2));
        Receipt lot = wms.inventory().receiveAt(operator, ReceiveAtLocation.of(back.id(), coffee.id(), "QS-4", 40)
                .expiring(today.plusMonths(6)));
        StockTransfer moved = wms.inventory().transfer(operator, TransferStock.of(lot.batchId(), back.id(), front.id(),
                15));
        out.println("6. Received 40 units of QS-4 into bin A-02 and moved " + moved.quantity() + " to A-01: A-01 holds "
                + moved.toQuantityAfter() + ", A-02 holds " + moved.fromQuantityAfter());

        Reservation held = wms.reservations().reserve(operator, ReserveStock.of(main.id(), coffee.id(), 30,
                "order 1002"));
        out.println("7. Reserved " + held.quantity() + " units for " + held.reference() + "; available to promise now "
                + wms.reservations().availableToPromise(operator, main.id(), coffee.id()).available() + ":");
        for (ReservedUnits units : held.lines()) {
            out.printf("     %-6s at %-7s %2d units%n", units.batchNumber(), code(wms, system, units.locationId()),
                    units.quantity());
        }
        LocatedPick picked = wms.reservations().pickReserved(operator, PickReservation.of(held.id()));
        out.println("   Picked the reservation: " + picked.quantity() + " units, status "
                + wms.reservations().find(operator, held.id()).orElseThrow().status());

        CycleCount count = wms.cycleCounts().start(operator, StartCount.ofLocation(back.id(), true));
        wms.cycleCounts().record(operator, new RecordCount(count.id(), lot.batchId(), back.id(), 23));
        wms.inventory().pickAtLocation(operator, PickAtLocation.of(back.id(), coffee.id(), 2));
        CountPosting posting = wms.cycleCounts().post(system, new PostCount(count.id(), null));
        for (CountAdjustment adjustment : posting.adjustments()) {
            out.println("8. Blind count of A-02: expected " + adjustment.expectedQuantity() + ", counted "
                    + adjustment.countedQuantity() + "; posted " + adjustment.change() + " as STOCK_COUNT after a pick "
                    + "of 2 in between: A-02 holds " + adjustment.locationQuantityAfter());
        }
    }

    private static String code(Wms wms, Actor system, long locationId) {
        return wms.locations().findById(system, locationId).map(Location::code).orElse("?");
    }

    private static void printReport(PrintStream out, List<InventoryReportLine> report) {
        String format = "     %-28s %-14s %-14s %8s %7s %8s%n";
        out.printf(format, "product", "category", "brand", "quantity", "active", "expired");
        for (InventoryReportLine line : report) {
            out.printf(format, line.productName(), Objects.toString(line.categoryName(), "-"),
                    Objects.toString(line.brandName(), "-"), line.activeQuantity(), line.activeBatches(),
                    line.expiredBatches());
        }
    }

    private static List<String> tables(WmsTestDatabase database) {
        return DSL.using(database.dataSource(), org.jooq.SQLDialect.POSTGRES)
                .fetch("select table_name from information_schema.tables where table_schema = {0} order by 1",
                        DSL.val(WmsTestDatabase.SCHEMA))
                .getValues(0, String.class);
    }
}
