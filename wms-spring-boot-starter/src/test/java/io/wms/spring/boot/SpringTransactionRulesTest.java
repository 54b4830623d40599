package io.wms.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.metrics.WmsMetrics;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.testkit.WmsDatabaseExtension;
import io.wms.testkit.WmsTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction rules on Spring Boot's own pool, configured with {@code spring.datasource.hikari.auto-commit=false}
 * as JPA applications often have it: outside a Spring transaction wms commits its own work; inside one, each
 * operation joins it under a savepoint and the metrics count it once Spring commits.
 */
class SpringTransactionRulesTest {

    private static final Actor CLERK = Actor.system("spring-test");

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    private ApplicationContextRunner runner() {
        WmsTestDatabase db = database.database();
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, WmsAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.server().jdbcUrl(db.databaseName()),
                        "spring.datasource.username=" + db.username(), "spring.datasource.password=" + db.password(),
                        "spring.datasource.hikari.auto-commit=false", "spring.datasource.hikari.maximum-pool-size=4");
    }

    /** Reads the database on connections of its own, never the application pool's. */
    private JdbcTemplate elsewhere() {
        return new JdbcTemplate(database.database().server().dataSource(database.database().databaseName()));
    }

    private long unitsInStock() {
        Long units = elsewhere().queryForObject("select coalesce(sum(quantity), 0) from wms.product_batches",
                Long.class);
        return units == null ? 0 : units;
    }

    private static TransactionTemplate springTransaction(AssertableApplicationContext context) {
        return new TransactionTemplate(new DataSourceTransactionManager(context.getBean(DataSource.class)));
    }

    private static double picks(SimpleMeterRegistry registry) {
        return registry.get(WmsMetrics.PICKS).counter().count();
    }

    @Test
    void outsideASpringTransactionEveryWriteIsCommittedOnAnAutoCommitOffPool() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            long milk = wms.products().create(CLERK, new NewProduct("Milk", null, null, null)).id();
            wms.inventory().receive(CLERK, ReceiveStock.of(milk, "L-1", 10));
            wms.inventory().pick(CLERK, new PickStock(milk, 4, 0, null, "order-1"));

            assertThat(elsewhere().queryForObject("select count(*) from wms.products", Long.class)).isEqualTo(1);
            assertThat(unitsInStock()).isEqualTo(6);
        });
    }

    @Test
    void insideASpringTransactionTheWorkCommitsWithIt() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            long milk = wms.products().create(CLERK, new NewProduct("Milk", null, null, null)).id();

            springTransaction(context).executeWithoutResult(status -> {
                wms.inventory().receive(CLERK, ReceiveStock.of(milk, "L-1", 10));
                assertThat(unitsInStock()).as("before Spring commits").isZero();
            });

            assertThat(unitsInStock()).isEqualTo(10);
        });
    }

    @Test
    void aRefusalCaughtInsideASpringTransactionThatCommitsLeavesNothingOfTheRefusedOperation() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            long milk = wms.products().create(CLERK, new NewProduct("Milk", null, null, null)).id();
            wms.inventory().receive(CLERK, ReceiveStock.of(milk, "L-1", 10));

            springTransaction(context).executeWithoutResult(status -> {
                wms.categories().create(CLERK, new NewProductGroup("Dairy", null));
                assertThatThrownBy(() -> wms.inventory().pick(CLERK, new PickStock(milk, 11, 0, null, "order-1")))
                        .isInstanceOf(InsufficientStockException.class);
            });

            assertThat(elsewhere().queryForObject("select count(*) from wms.categories", Long.class)).isEqualTo(1);
            assertThat(elsewhere().queryForObject("select count(*) from wms.idempotency_keys", Long.class)).isZero();
            assertThat(wms.inventory().pick(CLERK, new PickStock(milk, 4, 0, null, "order-1")).quantity())
                    .isEqualTo(4);
        });
    }

    @Test
    void picksInsideASpringTransactionAreCountedOnlyOnceItCommits() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(WmsMetrics.class).bindTo(registry);
            long milk = wms.products().create(CLERK, new NewProduct("Milk", null, null, null)).id();
            wms.inventory().receive(CLERK, ReceiveStock.of(milk, "L-1", 10));
            TransactionTemplate transaction = springTransaction(context);
            List<Double> countedBeforeCommit = new ArrayList<>();

            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                wms.inventory().pick(CLERK, PickStock.of(milk, 1));
                throw new IllegalStateException("payment declined");
            })).isInstanceOf(IllegalStateException.class);
            transaction.executeWithoutResult(status -> {
                wms.inventory().pick(CLERK, PickStock.of(milk, 2));
                wms.inventory().pick(CLERK, PickStock.of(milk, 3));
                countedBeforeCommit.add(picks(registry));
            });

            assertThat(countedBeforeCommit).containsExactly(0.0);
            assertThat(picks(registry)).isEqualTo(2);
            assertThat(unitsInStock()).isEqualTo(5);
        });
    }

    @Test
    void theApplicationsPoolKeepsTheServersDetailOutOfExceptions() {
        runner().run(context -> {
            Wms wms = context.getBean(Wms.class);
            wms.categories().create(CLERK, new NewProductGroup("Dairy-4711", null));

            Throwable duplicate = catchThrowable(
                    () -> wms.categories().create(CLERK, new NewProductGroup("Dairy-4711", null)));

            assertThat(duplicate).isInstanceOf(DuplicateException.class);
            for (Throwable cause = duplicate.getCause(); cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).as("message of %s", cause.getClass())
                        .doesNotContain("Dairy-4711");
            }
        });
    }
}
