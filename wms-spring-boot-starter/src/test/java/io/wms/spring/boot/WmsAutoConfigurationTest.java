package io.wms.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import javax.sql.DataSource;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.metrics.WmsMetrics;
import io.wms.core.repository.NewProduct;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class WmsAutoConfigurationTest {

    private static final Actor CLERK = Actor.system("spring-test");

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    /** The application's data source: the server's default search_path, no wms schema on it. */
    private DataSource applicationDataSource() {
        return database.database().server().dataSource(database.database().databaseName());
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(WmsAutoConfiguration.class))
                .withBean(DataSource.class, this::applicationDataSource);
    }

    @Test
    void buildsWmsOnTheApplicationsDataSourceAndMigratesItsOwnSchema() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            assertThat(wms.migrations().schema()).isEqualTo("wms");
            assertThat(wms.migrations().currentVersion()).isEqualTo(wms.migrations().latestVersion());
        });
    }

    @Test
    void takesItsSettingsFromWmsProperties() {
        runner().withPropertyValues("wms.schema=north", "wms.warehouse-zone=Europe/Berlin",
                        "wms.password-policy.cost=10", "wms.password-policy.minimum-length=12")
                .run(context -> {
                    Wms wms = context.getBean(Wms.class);
                    assertThat(wms.migrations().schema()).isEqualTo("north");
                    WmsProperties properties = context.getBean(WmsProperties.class);
                    assertThat(properties.getWarehouseZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(properties.getPasswordPolicy().toPolicy().minimumLength()).isEqualTo(12);
                });
    }

    @Test
    void withAutoMigrateOffNothingIsMigrated() {
        runner().withPropertyValues("wms.auto-migrate=false")
                .run(context -> assertThat(context.getBean(Wms.class).migrations().currentVersion()).isNull());
    }

    @Test
    void aSchemaThatIsNotAPlainIdentifierFailsTheStart() {
        runner().withPropertyValues("wms.schema=Wms-1").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnWms() {
        runner().withBean("hostsWms", Wms.class, () -> Wms.builder().dataSource(applicationDataSource())
                        .schema("hosts_own").autoMigrate(true).build())
                .run(context -> {
                    assertThat(context).hasSingleBean(Wms.class);
                    assertThat(context.getBean(Wms.class).migrations().schema()).isEqualTo("hosts_own");
                });
    }

    @Test
    void contributesMetricsAndAHealthIndicator() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(WmsMetrics.class);
            assertThat(context.getBean(WmsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void joinsASpringManagedTransactionThatCommits() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            long milk = stockedProduct(wms);
            JdbcTemplate jdbc = ordersTable(context.getBean(DataSource.class));
            TransactionTemplate transaction = springTransaction(context.getBean(DataSource.class));

            transaction.executeWithoutResult(status -> {
                jdbc.update("insert into public.orders values (1)");
                wms.inventory().pick(CLERK, new PickStock(milk, 4, 0, null, "order-1"));
            });

            assertThat(jdbc.queryForObject("select count(*) from public.orders", Long.class)).isEqualTo(1);
            assertThat(usable(wms, milk)).isEqualTo(6);
        });
    }

    @Test
    void joinsASpringManagedTransactionThatRollsBack() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            long milk = stockedProduct(wms);
            JdbcTemplate jdbc = ordersTable(context.getBean(DataSource.class));
            TransactionTemplate transaction = springTransaction(context.getBean(DataSource.class));

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                jdbc.update("insert into public.orders values (1)");
                wms.inventory().pick(CLERK, new PickStock(milk, 4, 0, null, "order-1"));
                throw new IllegalStateException("payment declined");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(jdbc.queryForObject("select count(*) from public.orders", Long.class)).isZero();
            assertThat(usable(wms, milk)).isEqualTo(10);
            assertThat(wms.ledger().byBatch(CLERK, batchOf(wms, milk), 10).items()).hasSize(1);
            wms.inventory().pick(CLERK, new PickStock(milk, 3, 0, null, "order-1"));
            assertThat(usable(wms, milk)).isEqualTo(7);
        });
    }

    /** The application's own table, in public, beside wms's schema. */
    private static JdbcTemplate ordersTable(DataSource application) {
        JdbcTemplate jdbc = new JdbcTemplate(application);
        jdbc.execute("create table public.orders (id bigint primary key)");
        return jdbc;
    }

    /** A Spring-managed transaction on the application's data source, as {@code @Transactional} would begin. */
    private static TransactionTemplate springTransaction(DataSource application) {
        return new TransactionTemplate(new DataSourceTransactionManager(application));
    }

    private static long stockedProduct(Wms wms) {
        long milk = wms.products().create(CLERK, new NewProduct("Milk", null, null, null)).id();
        wms.inventory().receive(CLERK, ReceiveStock.of(milk, "L-1", 10));
        return milk;
    }

    private static long usable(Wms wms, long productId) {
        return wms.stockReports().stockPerProduct(CLERK).stream().filter(stock -> stock.productId() == productId)
                .findFirst().orElseThrow().usable();
    }

    private static long batchOf(Wms wms, long productId) {
        return wms.batches().byProduct(CLERK, productId).get(0).id();
    }
}
