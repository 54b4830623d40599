package io.wms.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.repository.NewProduct;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on an empty testkit database with nothing but {@code spring.datasource.*} set: Spring Boot's
 * Flyway creates the application's {@code orders} in {@code public}, the starter migrates wms into {@code wms}, and
 * an order that fails after its pick leaves neither the order nor the pick behind.
 */
@SpringBootTest
class WarehouseApplicationTest {

    private static final WmsTestDatabase DATABASE = WmsTestServer.shared().createEmptyDatabase();
    private static final Actor PICKER = Actor.system("order-desk");

    @DynamicPropertySource
    static void onlyTheDataSource(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url",
                () -> DATABASE.server().dataSource(DATABASE.databaseName()).getUrl());
        properties.add("spring.datasource.username", DATABASE::username);
        properties.add("spring.datasource.password", DATABASE::password);
    }

    @AfterAll
    static void dropTheDatabase() {
        DATABASE.close();
    }

    @Autowired
    private OrderService orders;
    @Autowired
    private Wms wms;
    @Autowired
    private JdbcTemplate jdbc;

    private long milk;

    @BeforeEach
    void stockMilk() {
        jdbc.update("delete from orders");
        milk = wms.products().create(PICKER, new NewProduct("Milk " + System.nanoTime(), null, null, null)).id();
        wms.inventory().receive(PICKER, ReceiveStock.of(milk, "L-1", 10));
    }

    private long usable() {
        return wms.stockReports().stockPerProduct(PICKER).stream().filter(stock -> stock.productId() == milk)
                .findFirst().orElseThrow().usable();
    }

    @Test
    void theApplicationsTablesAndHistoryAreInPublicAndWmsIsInItsOwnSchema() {
        assertThat(jdbc.queryForObject("select to_regclass('public.orders') is not null", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select max(version) from public.flyway_schema_history", String.class))
                .isEqualTo("1");
        assertThat(jdbc.queryForObject("select to_regclass('public.product_batches') is null", Boolean.class)).isTrue();
        assertThat(wms.migrations().schema()).isEqualTo("wms");
        assertThat(wms.migrations().currentVersion()).isEqualTo(wms.migrations().latestVersion());
    }

    @Test
    void anOrderThatCompletesKeepsItsRowAndItsPick() {
        orders.placeOrder(PICKER, 1, milk, 4, () -> { });

        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isEqualTo(1);
        assertThat(usable()).isEqualTo(6);
    }

    @Test
    void anExceptionAfterThePickRollsBackTheOrderAndThePick() {
        assertThatThrownBy(() -> orders.placeOrder(PICKER, 2, milk, 4, () -> {
            throw new IllegalStateException("payment declined");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("select count(*) from orders", Long.class)).isZero();
        assertThat(usable()).isEqualTo(10);
        assertThat(wms.inventory().verifyLedger(PICKER)).isEmpty();
    }
}
