package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.core.testing.TestConfigs.configFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.error.ConfigurationException;
import io.wms.core.error.DuplicateException;
import io.wms.core.model.Category;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.testing.WmsExtension;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WmsTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @Test
    void createFromConfigMigratesAnEmptyDatabaseWhenAutoMigrateIsOn() {
        try (WmsTestDatabase empty = WmsTestServer.shared().createEmptyDatabase();
             Wms wms = Wms.create(configFor(empty).autoMigrate(true).build())) {

            assertThat(wms.migrations().currentVersion()).isEqualTo(wms.migrations().latestVersion());
            assertThat(wms.categories().list(ADMIN)).isEmpty();
        }
    }

    @Test
    void createFromConfigLeavesTheSchemaAloneWhenAutoMigrateIsOff() {
        try (WmsTestDatabase empty = WmsTestServer.shared().createEmptyDatabase();
             Wms wms = Wms.create(configFor(empty).autoMigrate(false).build())) {

            assertThat(wms.migrations().currentVersion()).isNull();
        }
    }

    @Test
    void closeKeepsTheHostsDataSourceOpen() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(extension.database().dataSource());
        try (HikariDataSource hostPool = new HikariDataSource(config)) {
            Wms wms = Wms.create(hostPool);
            wms.close();

            assertThat(hostPool.isClosed()).isFalse();
            try (Connection connection = hostPool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void builderRefusesBothConfigAndDataSource() {
        WmsBuilder builder = Wms.builder().config(WmsConfig.builder().build()).dataSource(extension.pool());

        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("exactly one");
    }

    @Test
    void transactionCommitsWhenTheWorkReturns() {
        Category food = extension.wms().inTransaction(tx -> tx.categories().create(ADMIN, new NewProductGroup("Food", null)));

        assertThat(extension.wms().categories().findById(ADMIN, food.id())).contains(food);
    }

    @Test
    void transactionRollsBackEverythingWhenTheWorkThrows() {
        assertThatThrownBy(() -> extension.wms().useTransaction(tx -> {
            tx.categories().create(ADMIN, new NewProductGroup("Food", null));
            tx.categories().create(ADMIN, new NewProductGroup("Drinks", null));
            tx.categories().create(ADMIN, new NewProductGroup("food", null));
        })).isInstanceOf(DuplicateException.class);

        assertThat(extension.sql().fetchCount(CATEGORIES)).isZero();
    }

    @Test
    void nestedTransactionRollsBackOnlyItsOwnWork() {
        extension.wms().useTransaction(outer -> {
            outer.categories().create(ADMIN, new NewProductGroup("Food", null));
            assertThatThrownBy(() -> outer.useTransaction(inner -> {
                inner.categories().create(ADMIN, new NewProductGroup("Drinks", null));
                inner.categories().create(ADMIN, new NewProductGroup("FOOD", null));
            })).isInstanceOf(DuplicateException.class);
            outer.categories().create(ADMIN, new NewProductGroup("Tools", null));
        });

        assertThat(extension.wms().categories().list(ADMIN)).extracting(Category::name).containsExactly("Food", "Tools");
    }

    @Test
    void workInATransactionSeesItsOwnUncommittedRowsAndOtherThreadsDoNot() throws Exception {
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            extension.wms().useTransaction(tx -> {
                Category food = tx.categories().create(ADMIN, new NewProductGroup("Food", null));

                assertThat(tx.categories().findById(ADMIN, food.id())).isPresent();
                assertThat(extension.wms().categories().findById(ADMIN, food.id()))
                        .as("the same thread joins the transaction, also through the instance").isPresent();
                assertThat(join(otherThread.submit(() -> extension.wms().categories().findById(ADMIN, food.id()))))
                        .as("another thread runs outside it").isEmpty();
            });
        } finally {
            otherThread.shutdownNow();
        }
    }

    @Test
    void aTransactionBuildsNoServiceButHandsItsWorkTheOnesTheInstanceBuiltOnce() {
        Wms wms = extension.wms();
        List<Object> inside = new ArrayList<>();

        wms.useTransaction(tx -> inside.addAll(List.of(tx.categories(), tx.brands(), tx.products(), tx.batches(),
                tx.ledger(), tx.inventory(), tx.stockReports(), tx.users(), tx.roles(), tx.auth(), tx.seeding())));

        assertThat(inside).containsExactly(wms.categories(), wms.brands(), wms.products(), wms.batches(),
                wms.ledger(), wms.inventory(), wms.stockReports(), wms.users(), wms.roles(), wms.auth(),
                wms.seeding());
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
