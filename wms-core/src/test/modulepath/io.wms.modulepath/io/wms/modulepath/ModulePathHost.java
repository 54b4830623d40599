package io.wms.modulepath;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.auth.Actor;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.migration.MigrationResult;
import io.wms.migration.UndoOption;
import io.wms.migration.UndoResult;
import io.wms.migration.WmsMigrations;

/**
 * Migrates the empty database the {@code DB_*} variables name, receives and picks stock through {@link Wms} (the pick
 * keyed and sent twice, its result stored and read back as JSON), and undoes every migration, printing one line per
 * step on the standard output for {@code ModulePathTest} to compare. Ends at once when its standard input closes:
 * the test's JVM has gone away.
 */
public final class ModulePathHost {

    private ModulePathHost() {
    }

    /**
     * Runs the steps.
     *
     * @param arguments ignored
     * @throws IOException if the grants script cannot be closed
     */
    public static void main(String[] arguments) throws IOException {
        Thread orphaned = new Thread(ModulePathHost::haltWhenTheTestIsGone, "stdin-watch");
        orphaned.setDaemon(true);
        orphaned.start();

        System.out.println(ModulePathHost.class.getModule().getName() + " reads " + Wms.class.getModule().getName()
                + " and " + WmsMigrations.class.getModule().getName());
        try (Wms wms = Wms.builder().config(WmsConfig.fromEnv()).autoMigrate(false).build()) {
            WmsMigrations migrations = wms.migrations();
            MigrationResult migrated = migrations.migrate();
            System.out.println("migrated " + migrated.applied().size() + " versions to " + migrated.versionAfter());

            Actor system = Actor.system("module-path");
            Category tea = wms.categories().create(system, new NewProductGroup("Tea", null));
            Product green = wms.products().create(system, new NewProduct("Green tea", null, tea.id(), null));
            LocalDate today = LocalDate.now();
            Receipt receipt = wms.inventory().receive(system, new ReceiveStock(green.id(), "LOT-1", 10, today,
                    today.plusMonths(6), null, null));
            PickStock keyed = new PickStock(green.id(), 4, 0, null, "module-path-pick");
            PickResult pick = wms.inventory().pick(system, keyed);
            System.out.println("received " + receipt.quantity() + ", picked " + pick.quantity() + ", left "
                    + pick.allocations().get(0).quantityAfter() + ", repeated as stored: "
                    + wms.inventory().pick(system, keyed).equals(pick));

            try (InputStream grants = ModulePathHost.class.getClassLoader()
                    .getResourceAsStream(WmsMigrations.APPLICATION_ROLE_GRANTS)) {
                System.out.println("grants script found: " + (grants != null));
            }

            UndoResult undone = migrations.undo("0", UndoOption.DROP_DATA);
            System.out.println("undid " + undone.undone().size() + " versions to " + migrations.currentVersion());
        }
    }

    private static void haltWhenTheTestIsGone() {
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // A broken pipe tells the same as the end of the input.
        }
        Runtime.getRuntime().halt(3);
    }
}
