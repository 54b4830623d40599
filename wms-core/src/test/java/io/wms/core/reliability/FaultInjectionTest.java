package io.wms.core.reliability;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import io.wms.core.testing.TestSql;
import io.wms.core.testing.WmsExtension;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.network.TcpRelay;
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
    /**
     * The bound within which the pool must serve again after the server is back. HikariCP retries a failed attempt to
     * connect after a back-off that doubles up to 5 s, so its next attempt comes at most 5 s after the server is back;
     * the other 5 s leave a loaded machine the time to connect and pick.
     */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @Test
    void killedBackendsLeaveEveryPickAppliedExactlyOnceAndTheLedgerProven() throws Exception {
        Wms wms = extension.wms();
        List<Long> products = stockedProducts(wms, 2);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger retriableFailures = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(WORKERS + 1);
        try {
            Future<?> killer = executor.submit(() -> killBackendsWhileRunning(running, applied, killed));
            List<Future<?>> workers = new ArrayList<>();
            for (int worker = 0; worker < WORKERS; worker++) {
                int index = worker;
                workers.add(executor.submit(() -> {
                    for (int pick = 0; pick < PICKS_PER_WORKER; pick++) {
                        pickUntilApplied(wms, new PickStock(products.get(index % products.size()), 1, 0, null,
                                "worker-" + index + "-pick-" + pick), retriableFailures);
                        applied.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
            running.set(false);
            killer.get(1, TimeUnit.MINUTES);
        } finally {
            executor.shutdownNow();
        }

        // The pool may still hold connections whose backends were killed in the last round: the checks read through
        // an instance of their own that opens a fresh connection per call, so they see the data, not the fault.
        try (Wms checker = Wms.builder().dataSource(extension.database().dataSource()).build()) {
            long remaining = TestSql.on(extension.database().dataSource())
                    .select(DSL.sum(PRODUCT_BATCHES.QUANTITY)).from(PRODUCT_BATCHES).fetchSingle().value1().longValue();
            System.out.printf("fault injection: %d backends terminated, %d retriable failures, all picks applied once%n",
                    killed.get(), retriableFailures.get());
            assertThat(killed.get()).as("backends terminated").isPositive();
            assertThat(remaining).as("stock left after exactly one application of every pick")
                    .isEqualTo((long) products.size() * STOCK - WORKERS * PICKS_PER_WORKER);
            assertThat(checker.inventory().verifyLedger(ADMIN)).isEmpty();
        }
    }

    @Test
    void poolServesAgainWithinTheBoundAfterTheServerRestarts() throws Exception {
        Path dataDirectory = Files.createTempDirectory("wms-restart");
        EmbeddedPostgres server = start(dataDirectory);
        try (TcpRelay relay = TcpRelay.start("localhost", server.getPort())) {
            WmsMigrations.on(server.getPostgresDatabase()).migrate();
            WmsConfig config = WmsConfig.builder().host("localhost").port(relay.port()).databaseName("postgres")
                    .username("postgres").maxConnections(4).idleConnections(2)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            try (Wms wms = Wms.create(config)) {
                List<Long> products = stockedProducts(wms, 1);
                AtomicBoolean running = new AtomicBoolean(true);
                CountDownLatch underLoad = new CountDownLatch(10);
                AtomicLong stopped = new AtomicLong(Long.MAX_VALUE);
                AtomicLong servedAgain = new AtomicLong();
                CountDownLatch served = new CountDownLatch(1);
                AtomicInteger nonRetryable = new AtomicInteger();
                ExecutorService executor = Executors.newFixedThreadPool(2);
                try {
                    List<Future<?>> load = new ArrayList<>();
                    for (int worker = 0; worker < 2; worker++) {
                        load.add(executor.submit(() -> {
                            while (running.get()) {
                                long began = System.nanoTime();
                                try {
                                    wms.inventory().pick(ADMIN, new PickStock(products.get(0), 1, 0, null, null));
                                    // Only a pick begun after the old server was gone proves the new one serves.
                                    if (began > stopped.get() && servedAgain.compareAndSet(0, System.nanoTime())) {
                                        served.countDown();
                                    }
                                    underLoad.countDown();
                                } catch (RetryableException expected) {
                                    Thread.sleep(20);
                                } catch (WmsException other) {
                                    nonRetryable.incrementAndGet();
                                }
                            }
                            return null;
                        }));
                    }
                    assertThat(underLoad.await(1, TimeUnit.MINUTES)).as("picks succeeded before the restart").isTrue();
                    server.close();
                    stopped.set(System.nanoTime());
                    server = start(dataDirectory);
                    relay.serverMovedTo(server.getPort());
                    long restarted = System.nanoTime();
                    assertThat(served.await(1, TimeUnit.MINUTES)).as("a pick succeeded after the restart").isTrue();
                    running.set(false);
                    for (Future<?> worker : load) {
                        worker.get(1, TimeUnit.MINUTES);
                    }

                    Duration recovery = Duration.ofNanos(servedAgain.get() - restarted);
                    System.out.printf("restart: the pool served again %d ms after the server was back%n",
                            recovery.toMillis());
                    assertThat(recovery).as("time until the pool served again").isLessThan(RECOVERY_BOUND);
                    assertThat(nonRetryable.get()).as("failures that were not retriable").isZero();
                    assertThat(wms.inventory().verifyLedger(ADMIN)).isEmpty();
                } finally {
                    executor.shutdownNow();
                }
            }
        } finally {
            server.close();
            deleteRecursively(dataDirectory);
        }
    }

    /**
     * Terminates every other client backend of the test's database, over and over, until told to stop. It works on a
     * connection of its own, outside the pool, which it never terminates; and before each round it waits for a pick
     * to be applied since the last one, so that the picks make progress however slowly a loaded machine runs them.
     */
    private Void killBackendsWhileRunning(AtomicBoolean running, AtomicInteger applied, AtomicInteger killed)
            throws SQLException, InterruptedException {
        try (Connection own = extension.database().dataSource().getConnection();
             PreparedStatement kill = own.prepareStatement("select count(pg_terminate_backend(pid)) "
                     + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() "
                     + "and backend_type = 'client backend'")) {
            int appliedAtLastRound = -1;
            while (running.get()) {
                if (applied.get() == appliedAtLastRound) {
                    Thread.sleep(5);
                    continue;
                }
                appliedAtLastRound = applied.get();
                try (ResultSet result = kill.executeQuery()) {
                    result.next();
                    killed.addAndGet(result.getInt(1));
                }
                Thread.sleep(15);
            }
        }
        return null;
    }

    private static void pickUntilApplied(Wms wms, PickStock pick, AtomicInteger retriableFailures)
            throws InterruptedException {
        // Each round of the killer fails at most one attempt per pooled connection, and it runs at most one round per
        // applied pick: this bound is never reached while picks make progress.
        for (int attempt = 0; attempt < 10_000; attempt++) {
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

    /** Starts a server on the directory's data, on whatever port is free now. */
    private static EmbeddedPostgres start(Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "off")
                // zonky's default of 10 s is too short for a loaded machine.
                .setPGStartupWait(Duration.ofMinutes(1))
                .start();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            files.sorted((left, right) -> right.compareTo(left)).forEach(path -> path.toFile().delete());
        }
    }
}
