package io.wms.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.Wms;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Product;
import io.wms.core.repository.NewProduct;
import io.wms.generator.GenerationPlan;
import io.wms.generator.GenerationReport;
import io.wms.generator.SyntheticDataGenerator;
import io.wms.generator.TableLoad;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import io.wms.testkit.network.TcpRelay;
import org.apache.commons.math3.distribution.TDistribution;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go on one embedded PostgreSQL: loads the warehouse once with the synthetic generator,
 * measures bulk loading against raw COPYs and batched INSERTs ({@link BulkLoadBenchmark}), runs the JMH operation
 * benchmarks (each forked JVM connects to the same server), measures pick throughput under concurrency against a
 * plain JDBC conditional-update loop, and prints every figure with its ratio as Markdown (also written to
 * {@code target/benchmarks.md}).
 *
 * <p>Arguments: {@code full} (100k products, 1M batches over 50,000 bins, 5M ledger rows; the default), {@code small}
 * (a tenth) or {@code smoke} (a hundredth, one short iteration each: proves the harness runs, measures nothing); an
 * optional second argument, a regular expression over operation names (e.g. {@code 'findById|fullTracking'}), runs
 * only those operations; an optional third, the parts to run, comma-separated among {@code bulk}, {@code operations},
 * {@code network} and {@code throughput}. Without the third argument, a run with an operation filter runs the
 * operations only, and a run without one runs every part.
 */
public final class BenchmarkRunner {

    static final String URL_PROPERTY = "wms.bench.url";
    static final String USER_PROPERTY = "wms.bench.user";
    static final String PASSWORD_PROPERTY = "wms.bench.password";

    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(5);
    /** Run before each throughput window and thrown away: connections opened, plans cached, the JIT done. */
    private static final Duration THROUGHPUT_WARM_UP = Duration.ofSeconds(2);
    /**
     * Rounds of the operation benchmarks: each round runs one fork of every side of every operation, wms and its
     * JDBC baseline back to back, so that a change of the machine's load between rounds hits both sides alike.
     */
    private static final int ROUNDS = 3;
    /**
     * The full run's products: 100,000 less room for the few the benchmarks add, so that the whole inventory report
     * stays within the {@code PageRequest.MAX_LISTED} products one call may return.
     */
    private static final int FULL_PRODUCTS = 99_990;
    private static final int FULL_BINS = 50_000;
    /** The sides of an operation that the Hibernate table shows, and how it names them. */
    private static final List<Map.Entry<String, String>> HIBERNATE_SIDES = List.of(
            Map.entry("hibernate", "competent Hibernate"),
            Map.entry("hibernateBatchFetch", "Hibernate, lazy with default_batch_fetch_size"),
            Map.entry("hibernateLazy", "Hibernate, lazy navigation (what comes out when nobody looks)"));
    /** Half of 0.5 ms, a usual round trip between an application and its database in one cloud region. */
    private static final Duration NETWORK_ONE_WAY = Duration.ofNanos(250_000);
    private static final int BULK_ROWS = 200_000;
    private static final String TEST_SERVER = "test server (fsync, synchronous_commit, full_page_writes off)";
    private static final String DURABLE_SERVER = "durable server (fsync, synchronous_commit, full_page_writes on)";

    private BenchmarkRunner() {
    }

    /**
     * Runs the benchmarks.
     *
     * @param arguments {@code full}, {@code small} or {@code smoke}, then optionally the operations to run
     * @throws Exception if a benchmark cannot run
     */
    public static void main(String[] arguments) throws Exception {
        String size = arguments.length > 0 ? arguments[0] : "full";
        boolean smoke = size.equals("smoke");
        int scale = switch (size) {
            case "small" -> 10;
            case "smoke" -> 100;
            default -> 1;
        };
        String only = arguments.length > 1 && !arguments[1].isBlank() ? arguments[1] : null;
        Set<String> parts = Set.of((arguments.length > 2 ? arguments[2]
                : only == null ? "bulk,operations,network,throughput" : "operations").split(","));
        StringBuilder report = new StringBuilder();
        int products = FULL_PRODUCTS / scale;
        long deepRows = Warehouse.deepPageRows(products);
        try (WmsTestDatabase database = WmsTestServer.embedded().createDatabase()) {
            report.append(loadWarehouse(database, new GenerationPlan(42, 1_000 / scale, 2_000 / scale,
                    products, 1_000_000 / scale, 5_000_000 / scale, FULL_BINS / scale)));
            if (parts.contains("bulk")) {
                report.append(BulkLoadBenchmark.report(BULK_ROWS, WmsTestServer.embedded(), TEST_SERVER));
                report.append(BulkLoadBenchmark.report(BULK_ROWS, WmsTestServer.embeddedDurable(), DURABLE_SERVER));
            }
            if (parts.contains("operations")) {
                report.append(operations(database.jdbcUrl(), database, smoke, only, String.format(Locale.ROOT,
                        "## Operations: wms against the same SQL on plain JDBC, and Hibernate%n%nThe deep pages lie "
                                + "%,d rows deep (half the %,d products).%n%n", deepRows, products)));
            }
            if (parts.contains("network")) {
                report.append(overNetwork(database, smoke));
            }
            if (parts.contains("throughput")) {
                report.append(throughput(database, TEST_SERVER));
                try (WmsTestDatabase durable = WmsTestServer.embeddedDurable().createDatabase()) {
                    report.append(throughput(durable, DURABLE_SERVER));
                }
            }
        }
        System.out.println(report);
        Path output = Path.of("wms-benchmarks", "target", "benchmarks.md");
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
    }

    /** JMH's GC profiler's normalised allocation rate: the bytes one operation allocates, or NaN if not measured. */
    private static double allocatedBytesPerOperation(RunResult result) {
        return result.getSecondaryResults().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .mapToDouble(entry -> entry.getValue().getScore())
                .findFirst().orElse(Double.NaN);
    }

    private static String loadWarehouse(WmsTestDatabase database, GenerationPlan plan) {
        try (HikariDataSource pool = Warehouse.poolFor(database, 4)) {
            GenerationReport generated = SyntheticDataGenerator.on(pool).generate(Warehouse.ACTOR, plan);
            pool.getConnection().createStatement().execute("analyze");
            StringBuilder table = new StringBuilder("## Data set (synthetic generator, COPY)\n\n"
                    + "| table | rows | seconds | rows/s |\n|---|---:|---:|---:|\n");
            for (TableLoad load : generated.tables()) {
                table.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f |%n", load.table(), load.rows(),
                        load.elapsed().toMillis() / 1000.0, load.rows() / seconds(load.elapsed())));
            }
            return table.append('\n').toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The reads whose number of round trips differs most between wms and Hibernate, once more through a relay that
     * delays each direction by {@link #NETWORK_ONE_WAY}: the same server and data, as over a network.
     */
    private static String overNetwork(WmsTestDatabase database, boolean smoke) throws IOException, RunnerException {
        try (TcpRelay proxy = TcpRelay.withLatency(database.host(), database.port(), NETWORK_ONE_WAY)) {
            // The database's own URL with the relay's address: its parameters (the schema first) stay.
            String url = database.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            return operations(url, database, smoke, "findById|fullTracking|deepOffsetPage|deepKeysetPage",
                    String.format(Locale.ROOT, "## The same reads over a network (%d µs added each way, a %.1f ms "
                                    + "round trip)%n%n", NETWORK_ONE_WAY.toNanos() / 1000,
                            NETWORK_ONE_WAY.toNanos() * 2 / 1e6));
        }
    }

    private static String operations(String url, WmsTestDatabase database, boolean smoke, String only, String title)
            throws RunnerException {
        String benchmarks = "(" + OperationBenchmarks.class.getSimpleName() + "|"
                + HibernateBenchmarks.class.getSimpleName() + ")";
        Options options = new OptionsBuilder()
                .include(only == null ? benchmarks : benchmarks + "\\.(" + only + ")_")
                .forks(1)
                .addProfiler(GCProfiler.class)
                .warmupIterations(smoke ? 1 : 3).warmupTime(TimeValue.seconds(smoke ? 1 : 2))
                .measurementIterations(smoke ? 1 : 5).measurementTime(TimeValue.seconds(smoke ? 1 : 2))
                .jvmArgsAppend("-D" + URL_PROPERTY + "=" + url,
                        "-D" + USER_PROPERTY + "=" + database.username(),
                        "-D" + PASSWORD_PROPERTY + "=" + database.password())
                .build();
        Map<String, Map<String, Samples>> byOperation = new TreeMap<>();
        for (int round = 0; round < (smoke ? 1 : ROUNDS); round++) {
            for (RunResult result : new Runner(options).run()) {
                String method = result.getParams().getBenchmark().replaceAll(".*\\.", "");
                String operation = method.substring(0, method.lastIndexOf('_'));
                String side = method.substring(method.lastIndexOf('_') + 1);
                byOperation.computeIfAbsent(operation, key -> new LinkedHashMap<>())
                        .computeIfAbsent(side, key -> new Samples()).add(result);
            }
        }
        StringBuilder table = new StringBuilder(title
                + "| operation | wms µs/op | JDBC µs/op | wms / JDBC (99.9% interval) | per round | wms B/op | JDBC B/op "
                + "| wms / JDBC B/op |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        byOperation.forEach((operation, sides) -> {
            Samples wms = sides.get("wms");
            Samples jdbc = sides.get("jdbc");
            if (wms != null && jdbc != null) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %,.0f | %,.0f | %.2f |%n",
                        operation, wms.time(), jdbc.time(), wms.ratioTo(jdbc), wms.roundRatios(jdbc), wms.bytes(),
                        jdbc.bytes(), wms.bytes() / jdbc.bytes()));
            }
        });
        StringBuilder hibernate = new StringBuilder("\n| operation | Hibernate, written as | Hibernate µs/op "
                + "| Hibernate / wms (99.9% interval) | Hibernate B/op |\n|---|---|---:|---:|---:|\n");
        boolean anyHibernate = false;
        for (Map.Entry<String, Map<String, Samples>> entry : byOperation.entrySet()) {
            Samples wms = entry.getValue().get("wms");
            for (Map.Entry<String, String> side : HIBERNATE_SIDES) {
                Samples orm = entry.getValue().get(side.getKey());
                if (wms != null && orm != null) {
                    anyHibernate = true;
                    hibernate.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,.0f |%n", entry.getKey(),
                            side.getValue(), orm.time(), orm.ratioTo(wms), orm.bytes()));
                }
            }
        }
        if (anyHibernate) {
            table.append(hibernate);
        }
        Samples located = byOperation.getOrDefault("pickInWarehouse", Map.of()).get("wms");
        Samples plain = byOperation.getOrDefault("pick", Map.of()).get("wms");
        if (located != null && plain != null) {
            table.append(String.format(Locale.ROOT, "%nThe location-aware pick (5 batches in 5 of the warehouse's "
                    + "bins, `pickInWarehouse`) against the pick that names no location (5 batches in the default "
                    + "location, `pick`), same run, same data: %s.%n", located.ratioTo(plain)));
        }
        return table.append('\n').toString();
    }

    /**
     * The measurement iterations of one side of one operation over every round, with the bytes it allocated per
     * operation in each.
     */
    private static final class Samples {

        private static final double CONFIDENCE = 0.999;

        private final List<Double> scores = new ArrayList<>();
        private final List<Double> roundMeans = new ArrayList<>();
        private final List<Double> allocations = new ArrayList<>();

        void add(RunResult result) {
            List<Double> round = new ArrayList<>();
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    round.add(iteration.getPrimaryResult().getScore());
                }
            }
            scores.addAll(round);
            roundMeans.add(round.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            allocations.add(allocatedBytesPerOperation(result));
        }

        double mean() {
            return scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** Half the width of the mean's confidence interval (Student's t over every iteration of every round). */
        double error() {
            int count = scores.size();
            if (count < 2) {
                return Double.NaN;
            }
            double mean = mean();
            double variance = scores.stream().mapToDouble(score -> (score - mean) * (score - mean)).sum() / (count - 1);
            double t = new TDistribution(count - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            return t * Math.sqrt(variance / count);
        }

        double bytes() {
            return allocations.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        String time() {
            return String.format(Locale.ROOT, "%.1f ± %.1f", mean(), error());
        }

        /** The ratio of the means, with the interval the two confidence intervals allow. */
        String ratioTo(Samples other) {
            return String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", mean() / other.mean(),
                    Math.max(mean() - error(), 0) / (other.mean() + other.error()),
                    (mean() + error()) / Math.max(other.mean() - other.error(), 1e-9));
        }

        /** The ratio of the two sides' means in each round, which ran back to back. */
        String roundRatios(Samples other) {
            List<String> ratios = new ArrayList<>();
            for (int round = 0; round < Math.min(roundMeans.size(), other.roundMeans.size()); round++) {
                ratios.add(String.format(Locale.ROOT, "%.2f", roundMeans.get(round) / other.roundMeans.get(round)));
            }
            return String.join(", ", ratios);
        }
    }

    /**
     * Picks per second with 1, 2, 4 and 8 threads, on distinct products and on one hot product, next to two plain
     * JDBC loops, each statement committed: one writing the rows a pick writes (the batch, its units at the default
     * location and a ledger row, in one statement of data-modifying common table expressions, as a competent JDBC
     * user would send it), and the physical limit of a single conditional decrement of the batch alone.
     */
    private static String throughput(WmsTestDatabase database, String serverName) throws Exception {
        StringBuilder table = new StringBuilder("## Pick throughput (committed picks per second), " + serverName
                + "\n\n"
                + "| threads | wms, distinct products | wms, one hot product | JDBC first-expired pick by hand "
                + "(lock, then write) | wms / JDBC by hand | JDBC writing the same rows, batch and location given "
                + "| wms / JDBC same rows | JDBC decrement of the batch alone | wms / JDBC decrement "
                + "| pgbench -N -M prepared tps | wms / pgbench -N |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Pgbench pgbench = Pgbench.find(database.server());
        try (HikariDataSource pool = Warehouse.poolFor(database, 10); Wms wms = Wms.create(pool)) {
            List<Long> products = new ArrayList<>();
            List<Long> batches = new ArrayList<>();
            for (int index = 0; index < 8; index++) {
                Product product = wms.products().create(Warehouse.ACTOR,
                        new NewProduct("Throughput " + index + " " + System.nanoTime(), null, null, null));
                products.add(product.id());
                batches.add(wms.inventory().receive(Warehouse.ACTOR, new ReceiveStock(product.id(), "T-" + index,
                        1_000_000_000, null, null, null, null)).batchId());
            }
            long defaultLocation = wms.locations().defaultLocation(Warehouse.ACTOR).id();
            for (int threads : new int[] {1, 2, 4, 8}) {
                double distinct = rate(threads, thread -> wms.inventory().pick(Warehouse.ACTOR,
                        new PickStock(products.get(thread), 1, 0, null, null)));
                double hot = rate(threads, thread -> wms.inventory().pick(Warehouse.ACTOR,
                        new PickStock(products.get(0), 1, 0, null, null)));
                double byHand = rate(threads, thread -> firstExpiredPickByHand(pool, products.get(thread)));
                double sameRows = rate(threads, thread -> {
                    try (Connection connection = pool.getConnection()) {
                        pickWritingTheSameRows(connection, batches.get(thread), defaultLocation);
                    }
                });
                double jdbc = rate(threads, thread -> conditionalDecrement(pool, batches.get(thread)));
                double tps = pgbench == null ? Double.NaN
                        : pgbench.simpleUpdateTps(threads, THROUGHPUT_WARM_UP, THROUGHPUT_WINDOW);
                table.append(String.format(Locale.ROOT,
                        "| %d | %,.0f | %,.0f | %,.0f | %.2f | %,.0f | %.2f | %,.0f | %.2f | %,.0f | %.2f |%n", threads,
                        distinct, hot, byHand, distinct / byHand, sameRows, distinct / sameRows, jdbc, distinct / jdbc,
                        tps, distinct / tps));
            }
        }
        return table.append('\n').toString();
    }

    private interface ThreadWork {
        void run(int thread) throws Exception;
    }

    /** Runs the work for the warm-up, throws that count away, then measures it for the window. */
    private static double rate(int threads, ThreadWork work) throws Exception {
        rate(threads, work, THROUGHPUT_WARM_UP);
        return rate(threads, work, THROUGHPUT_WINDOW);
    }

    private static double rate(int threads, ThreadWork work, Duration window) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder done = new LongAdder();
        List<Future<?>> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int index = thread;
            workers.add(executor.submit(() -> {
                while (running.get()) {
                    work.run(index);
                    done.increment();
                }
                return null;
            }));
        }
        Thread.sleep(window.toMillis());
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get();
        }
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        return done.sum() / seconds(window);
    }

    /**
     * A pick of one unit of a known batch at a known location as a JDBC user writes it with the rows wms writes: the
     * batch, its units at the location and the ledger row, each change conditional, in one statement.
     */
    private static void pickWritingTheSameRows(Connection connection, long batchId, long locationId)
            throws SQLException {
        try (PreparedStatement pick = connection.prepareStatement("""
                     with batch as (
                         update product_batches set quantity = quantity - 1
                          where id = ? and status = 'active' and quantity >= 1
                         returning id, quantity),
                     place as (
                         update batch_locations units set quantity = units.quantity - 1
                           from batch
                          where units.product_batch_id = batch.id and units.location_id = ?
                            and units.quantity - units.reserved >= 1
                         returning units.quantity),
                     ledger as (
                         insert into product_batch_tracks (product_batch_id, actor_name, action, quantity_change,
                                                           quantity_after, location_id)
                         select id, 'benchmark', 'picked', -1, quantity, ? from batch
                         returning id)
                     select batch.quantity, place.quantity from batch, place""")) {
            pick.setLong(1, batchId);
            pick.setLong(2, locationId);
            pick.setLong(3, locationId);
            try (var rows = pick.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("batch " + batchId + " had no unit left to pick");
                }
            }
        }
    }

    /**
     * A first-expired, first-out pick of one unit as a JDBC user writes it by hand: in one transaction, lock the first
     * usable unit in pick order, then write the rows a pick writes ({@link #pickWritingTheSameRows}), then commit.
     */
    private static void firstExpiredPickByHand(DataSource pool, long productId) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement first = connection.prepareStatement("""
                    select b.id, units.location_id
                      from product_batches b
                      join batch_locations units on units.product_batch_id = b.id
                      join locations l on l.id = units.location_id
                     where b.product_id = ? and b.status = 'active' and b.deleted_at is null and b.quantity > 0
                       and (b.expiry_date is null or b.expiry_date >= current_date)
                       and units.quantity > units.reserved and l.active
                     order by b.expiry_date nulls last, l.pick_sequence nulls last, b.id, units.location_id
                     limit 1
                       for update of b, units""")) {
                first.setLong(1, productId);
                try (var unit = first.executeQuery()) {
                    if (!unit.next()) {
                        throw new IllegalStateException("product " + productId + " had no unit left to pick");
                    }
                    pickWritingTheSameRows(connection, unit.getLong(1), unit.getLong(2));
                }
                connection.commit();
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void conditionalDecrement(DataSource pool, long batchId) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update product_batches set quantity = quantity - 1 where id = ? and quantity >= 1")) {
            update.setLong(1, batchId);
            update.executeUpdate();
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }

}
