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
import io.wms.core.inventory.ExpirySweep;
import io.wms.core.inventory.InventoryReportLine;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Product;
import io.wms.core.model.User;
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
 * pick first-expired first-out, sweep expired stock, check the ledger, and print the inventory report.
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

            ExpirySweep sweep = wms.inventory().sweepExpired(system);
            out.println("6. Expiry sweep on " + sweep.today() + ": batches marked expired " + sweep.expiredBatches().size()
                    + "; ledger discrepancies " + wms.inventory().verifyLedger(system).size());

            out.println("7. Inventory report:");
            printReport(out, wms.stockReports().inventoryReport(system));
        }
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
