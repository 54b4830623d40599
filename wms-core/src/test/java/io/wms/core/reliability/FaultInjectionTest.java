package io.wms.core.reliability;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.wms.core.Wms;
import io.wms.core.WmsConfig;
import io.wms.core.error.RetryableException;
import io.wms.core.error.WmsException;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.core.testing.WmsExtension;
import io.wms.migration.WmsMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Faults under load: backends killed in the middle of operations, and the server stopped and started again. Every
 * operation either completes or fails with a typed, retriable error; nothing is half-applied; retried with its
 * idempotency key, every pick applies exactly once; and the ledger still proves every quantity.
 */
class FaultInjectionTest {

    private static final int WORKERS = 4;
    private static final int PICKS_PER_WORKER = 60;
    private static final int STOCK = 1_000_000;
    /** The bound within which the pool must serve again after the server is back. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @Test
    void killedBackendsLeaveEveryPickAppliedExactlyOnceAndTheLedgerProven() throws Exception {
        Wms wms = extension.wms();
        List<Long> products = stockedProducts(wms, 2);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        AtomicInteger retriableFailures = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(WORKERS + 1);

        Future<?> killer = executor.submit(() -> {
            while (running.get()) {
                killed.addAndGet(extension.sql().fetchValue(DSL.field(
                        "(select count(pg_terminate_backend(pid)) from pg_stat_activity "
                                + "where datname = current_database() and pid <> pg_backend_pid() "
                                + "and backend_type = 'client backend')", Integer.class)));
                Thread.sleep(15);
            }
            return null;
        });
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < WORKERS; worker++) {
            int index = worker;
            workers.add(executor.submit(() -> {
                for (int pick = 0; pick < PICKS_PER_WORKER; pick++) {
                    pickUntilApplied(wms, new PickStock(products.get(index % products.size()), 1, 0, null,
                            "worker-" + index + "-pick-" + pick), retriableFailures);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(120, TimeUnit.SECONDS);
        }
        running.set(false);
        killer.get(10, TimeUnit.SECONDS);
        executor.shutdown();

        long remaining = extension.sql().select(DSL.sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES)
                .fetchSingle().value1().longValue();
        System.out.printf("fault injection: %d backends terminated, %d retriable failures, all picks applied once%n",
                killed.get(), retriableFailures.get());
        assertThat(killed.get()).as("backends terminated").isPositive();
        assertThat(remaining).as("stock left after exactly one application of every pick")
                .isEqualTo((long) products.size() * STOCK - WORKERS * PICKS_PER_WORKER);
        assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void poolServesAgainWithinTheBoundAfterTheServerRestarts() throws Exception {
        Path dataDirectory = Files.createTempDirectory("wms-restart");
        EmbeddedPostgres server = start(dataDirectory, 0);
        int port = server.getPort();
        try {
            WmsMigrations.on(server.getPostgresDatabase()).migrate();
            WmsConfig config = WmsConfig.builder().host("localhost").port(port).databaseName("postgres")
                    .username("postgres").maxConnections(4).idleConnections(2)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            try (Wms wms = Wms.create(config)) {
                List<Long> products = stockedProducts(wms, 1);
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong lastSuccess = new AtomicLong();
                AtomicInteger nonRetryable = new AtomicInteger();
                ExecutorService executor = Executors.newFixedThreadPool(2);
                List<Future<?>> load = new ArrayList<>();
                for (int worker = 0; worker < 2; worker++) {
                    load.add(executor.submit(() -> {
                        while (running.get()) {
                            try {
                                wms.inventory().pick(ADMIN, new PickStock(products.get(0), 1, 0, null, null));
                                lastSuccess.set(System.nanoTime());
                            } catch (RetryableException expected) {
                                Thread.sleep(20);
                            } catch (WmsException other) {
                                nonRetryable.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(300);
                server.close();
                server = start(dataDirectory, port);
                long restarted = System.nanoTime();
                while (lastSuccess.get() < restarted
                        && System.nanoTime() - restarted < Duration.ofSeconds(30).toNanos()) {
                    Thread.sleep(20);
                }
                running.set(false);
                for (Future<?> worker : load) {
                    worker.get(30, TimeUnit.SECONDS);
                }
                executor.shutdown();

                Duration recovery = Duration.ofNanos(lastSuccess.get() - restarted);
                System.out.printf("restart: the pool served again %d ms after the server was back%n",
                        recovery.toMillis());
                assertThat(lastSuccess.get()).as("a pick succeeded after the restart").isGreaterThan(restarted);
                assertThat(recovery).as("time until the pool served again").isLessThan(RECOVERY_BOUND);
                assertThat(nonRetryable.get()).as("failures that were not retriable").isZero();
                assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
            }
        } finally {
            server.close();
            deleteRecursively(dataDirectory);
        }
    }

    private static void pickUntilApplied(Wms wms, PickStock pick, AtomicInteger retriableFailures)
            throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                wms.inventory().pick(ADMIN, pick);
                return;
            } catch (RetryableException expected) {
                retriableFailures.incrementAndGet();
                Thread.sleep(5);
            }
        }
        throw new AssertionError("pick " + pick.idempotencyKey() + " never applied");
    }

    private static List<Long> stockedProducts(Wms wms, int count) {
        List<Long> products = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            Product product = wms.products().create(ADMIN, new NewProduct("Fault " + index, null, null, null));
            wms.inventory().receive(ADMIN, new ReceiveStock(product.id(), "F-" + index, STOCK, null, null, null, null));
            products.add(product.id());
        }
        return products;
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted((left, right) -> right.compareTo(left)).forEach(path -> path.toFile().delete());
        }
    }
}
