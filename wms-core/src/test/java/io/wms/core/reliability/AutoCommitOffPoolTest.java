package io.wms.core.reliability;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.tables.Brands.BRANDS;
import static io.wms.jooq.tables.Categories.CATEGORIES;
import static io.wms.jooq.tables.CycleCounts.CYCLE_COUNTS;
import static io.wms.jooq.tables.IdempotencyKeys.IDEMPOTENCY_KEYS;
import static io.wms.jooq.tables.ProductBatchTracks.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.tables.ProductBatches.PRODUCT_BATCHES;
import static io.wms.jooq.tables.Products.PRODUCTS;
import static io.wms.jooq.tables.Reservations.RESERVATIONS;
import static io.wms.jooq.tables.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.Wms;
import io.wms.core.auth.PasswordPolicy;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.RecordCount;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.inventory.StartCount;
import io.wms.core.model.Category;
import io.wms.core.model.CountStatus;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.ProductGroupChanges;
import io.wms.core.testing.WmsExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A host's pool that hands out connections with auto-commit off (common under JPA) loses none of wms's writes:
 * outside a transaction wms knows of, every operation kind commits its own work, and inside one it commits with it.
 * Every row is read back through another pool, after the operation's connection went back to its pool.
 */
class AutoCommitOffPoolTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private HikariDataSource autoCommitOff;
    private Wms wms;

    @BeforeEach
    void buildWmsOnAPoolWithAutoCommitOff() {
        HikariConfig config = new HikariConfig();
        config.setDataSource(extension.database().dataSource());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setPoolName("auto-commit-off");
        autoCommitOff = new HikariDataSource(config);
        wms = Wms.builder().dataSource(autoCommitOff).passwordPolicy(PasswordPolicy.defaults().withCost(10)).build();
    }

    @AfterEach
    void closeThePool() {
        wms.close();
        autoCommitOff.close();
    }

    /** Reads through the extension's own pool, which has auto-commit on and never saw the writes' connections. */
    private DSLContext elsewhere() {
        return extension.sql();
    }

    @Test
    void catalogWritesOfOneStatementAreCommitted() {
        Category food = wms.categories().create(ADMIN, new NewProductGroup("Food", null));
        wms.categories().update(ADMIN, food.id(), new ProductGroupChanges("Groceries", null, food.version()));
        wms.brands().create(ADMIN, new NewProductGroup("Acme", null));
        wms.products().create(ADMIN, new NewProduct("Milk", null, food.id(), null));

        assertThat(elsewhere().fetchValue(CATEGORIES.NAME, CATEGORIES.ID.eq(food.id()))).isEqualTo("Groceries");
        assertThat(elsewhere().fetchCount(BRANDS)).isEqualTo(1);
        assertThat(elsewhere().fetchCount(PRODUCTS)).isEqualTo(1);
    }

    @Test
    void stockMovementsAndTheirLedgerRowsAreCommitted() {
        Product milk = wms.products().create(ADMIN, new NewProduct("Milk", null, null, null));
        Receipt receipt = wms.inventory().receive(ADMIN, ReceiveStock.of(milk.id(), "LOT-1", 10));
        wms.inventory().pick(ADMIN, PickStock.of(milk.id(), 3));

        assertThat(elsewhere().fetchValue(PRODUCT_BATCHES.QUANTITY, PRODUCT_BATCHES.ID.eq(receipt.batchId())))
                .isEqualTo(7);
        assertThat(elsewhere().fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(2);
    }

    @Test
    void keyedOperationsCommitTheirMovementAndTheirKey() {
        Product milk = wms.products().create(ADMIN, new NewProduct("Milk", null, null, null));
        wms.inventory().receive(ADMIN, ReceiveStock.of(milk.id(), "LOT-1", 10));
        wms.inventory().pick(ADMIN, new PickStock(milk.id(), 4, 0, null, "order-1"));

        assertThat(elsewhere().fetchValue(PRODUCT_BATCHES.QUANTITY)).isEqualTo(6);
        assertThat(elsewhere().fetchCount(IDEMPOTENCY_KEYS)).isEqualTo(1);
    }

    @Test
    void reservationsAndCountPostsOfSeveralStatementsAreCommitted() {
        Product milk = wms.products().create(ADMIN, new NewProduct("Milk", null, null, null));
        Receipt receipt = wms.inventory().receive(ADMIN, ReceiveStock.of(milk.id(), "LOT-1", 10));
        long warehouse = wms.warehouses().defaultWarehouse(ADMIN).id();
        wms.reservations().reserve(ADMIN, new ReserveStock(warehouse, milk.id(), 2, "order-2", null, null, null));
        long count = wms.cycleCounts().start(ADMIN, StartCount.ofProduct(warehouse, milk.id(), false)).id();
        long location = wms.cycleCounts().sheet(ADMIN, count).lines().get(0).locationId();
        wms.cycleCounts().record(ADMIN, new RecordCount(count, receipt.batchId(), location, 9));
        wms.cycleCounts().post(ADMIN, new PostCount(count, null));

        assertThat(elsewhere().fetchCount(RESERVATIONS)).isEqualTo(1);
        assertThat(elsewhere().fetchValue(CYCLE_COUNTS.STATUS)).isEqualTo(CountStatus.POSTED);
        assertThat(elsewhere().fetchValue(PRODUCT_BATCHES.QUANTITY)).isEqualTo(9);
    }

    @Test
    void usersAreCommitted() {
        wms.users().create(ADMIN, new NewUser("clerk@example.com", "a long passphrase"));

        assertThat(elsewhere().fetchCount(USERS)).isEqualTo(1);
    }

    @Test
    void aTransactionOfSeveralCallsIsCommittedWhole() {
        wms.useTransaction(transaction -> {
            Category food = transaction.categories().create(ADMIN, new NewProductGroup("Food", null));
            transaction.products().create(ADMIN, new NewProduct("Milk", null, food.id(), null));
        });

        assertThat(elsewhere().fetchCount(CATEGORIES)).isEqualTo(1);
        assertThat(elsewhere().fetchCount(PRODUCTS)).isEqualTo(1);
    }

    @Test
    void insideTheHostsTransactionTheWorkCommitsOnlyWithTheHostsCommit() throws SQLException {
        try (Connection host = autoCommitOff.getConnection()) {
            wms.inHostTransaction(host, transaction -> transaction.categories()
                    .create(ADMIN, new NewProductGroup("Food", null)));
            assertThat(elsewhere().fetchCount(CATEGORIES)).as("before the host commits").isZero();

            host.commit();
        }

        assertThat(elsewhere().fetchCount(CATEGORIES)).isEqualTo(1);
    }

    @Test
    void theConnectionsGoBackToThePoolWithAutoCommitOff() throws SQLException {
        wms.categories().create(ADMIN, new NewProductGroup("Food", null));
        wms.inventory().verifyLedger(ADMIN);

        try (Connection next = autoCommitOff.getConnection()) {
            assertThat(next.getAutoCommit()).isFalse();
        }
    }
}
