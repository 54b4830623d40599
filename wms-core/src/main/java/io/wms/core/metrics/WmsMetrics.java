package io.wms.core.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wms.core.OperationListener;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.error.WmsException;
import io.wms.core.inventory.BatchMovement;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.Receipt;
import io.wms.core.monitoring.PoolStatistics;

/**
 * wms's figures as Micrometer meters, with or without Spring: a timer per operation, counters of receipts, picks and
 * units moved, refusals by exception type, and the connection pool's figures.
 *
 * <pre>{@code
 * WmsMetrics metrics = new WmsMetrics();
 * Wms wms = Wms.builder().config(config).operationListener(metrics).build();
 * metrics.bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #OPERATIONS}</td><td>timer</td><td>{@code operation}, {@code outcome}</td>
 *       <td>every operation ({@code inventory.pick}, {@code products.search}, ...); outcome {@code success} or
 *       {@code refused}</td></tr>
 *   <tr><td>{@value #REFUSALS}</td><td>counter</td><td>{@code operation}, {@code exception}</td>
 *       <td>refused or failed operations by exception type ({@code InsufficientStockException}, ...)</td></tr>
 *   <tr><td>{@value #RECEIPTS}</td><td>counter</td><td></td><td>receipts into batches that succeeded</td></tr>
 *   <tr><td>{@value #PICKS}</td><td>counter</td><td></td><td>picks that succeeded</td></tr>
 *   <tr><td>{@value #UNITS_MOVED}</td><td>counter</td><td>{@code action}</td>
 *       <td>units moved, by ledger action: {@code received}, {@code picked}, {@code adjusted}, {@code disposed},
 *       {@code returned}</td></tr>
 *   <tr><td>{@value #POOL_CONNECTIONS}</td><td>gauge</td><td>{@code state}</td>
 *       <td>the pool's connections: {@code active}, {@code idle}, {@code pending} (threads waiting), {@code max}</td></tr>
 * </table>
 *
 * <p>Thread-safe. Operations heard of before {@link #bindTo(MeterRegistry)} are not counted. One instance listens to
 * one {@link Wms}.
 */
public final class WmsMetrics implements MeterBinder, OperationListener {

    /** The timer of every operation. */
    public static final String OPERATIONS = "wms.operations";
    /** The counter of refused or failed operations. */
    public static final String REFUSALS = "wms.refusals";
    /** The counter of successful receipts. */
    public static final String RECEIPTS = "wms.stock.receipts";
    /** The counter of successful picks. */
    public static final String PICKS = "wms.stock.picks";
    /** The counter of units moved, by ledger action. */
    public static final String UNITS_MOVED = "wms.stock.units.moved";
    /** The gauges of the connection pool. */
    public static final String POOL_CONNECTIONS = "wms.pool.connections";

    private static final Actor METRICS = Actor.system("metrics");

    private volatile MeterRegistry registry;
    private volatile Wms wms;
    private final Map<String, Timer> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Timer> refused = new ConcurrentHashMap<>();
    private final Map<String, Map<Class<?>, Counter>> refusals = new ConcurrentHashMap<>();
    private final Map<String, Counter> unitsMoved = new ConcurrentHashMap<>();
    private Counter receipts;
    private Counter picks;

    /** Creates the binder; hand it to {@code WmsBuilder.operationListener} and then bind it to a registry. */
    public WmsMetrics() {
    }

    /**
     * Registers the meters with a registry; operations count from now on.
     *
     * @param registry the registry; never {@code null}
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        receipts = Counter.builder(RECEIPTS).description("Receipts into batches").register(registry);
        picks = Counter.builder(PICKS).description("Picks").register(registry);
        poolGauge(registry, "active", PoolStatistics::inUse);
        poolGauge(registry, "idle", PoolStatistics::idle);
        poolGauge(registry, "pending", PoolStatistics::waitingThreads);
        poolGauge(registry, "max", PoolStatistics::maxOpenConnections);
        this.registry = registry;
    }

    private void poolGauge(MeterRegistry registry, String state, ToDoubleFunction<PoolStatistics> figure) {
        Gauge.builder(POOL_CONNECTIONS, this, metrics -> metrics.pool(figure))
                .tag("state", state).description("Connections of the wms pool").register(registry);
    }

    private double pool(ToDoubleFunction<PoolStatistics> figure) {
        Wms open = wms;
        if (open == null) {
            return Double.NaN;
        }
        try {
            // Empty for a host's data source that is not a HikariCP pool: its figures are the host's to report.
            return open.monitoring().poolStatistics(METRICS).map(figure::applyAsDouble).orElse(Double.NaN);
        } catch (WmsException unreadable) {
            // A scrape must not fail because the pool cannot be read (closed, or a host's pool of another kind).
            return Double.NaN;
        }
    }

    /**
     * Keeps the instance whose pool figures the gauges read.
     *
     * @param wms the instance
     */
    @Override
    public void opened(Wms wms) {
        this.wms = wms;
    }

    /**
     * Times the operation and counts the stock it moved.
     *
     * @param operation the operation's name
     * @param nanos     how long it took
     * @param result    what it returned
     */
    @Override
    public void succeeded(String operation, long nanos, Object result) {
        MeterRegistry meters = timed(succeeded, operation, "success", nanos);
        if (meters == null) {
            return;
        }
        if (result instanceof Receipt receipt) {
            receipts.increment();
            moved(meters, "received", receipt.quantity());
        } else if (result instanceof PickResult pick) {
            picks.increment();
            moved(meters, "picked", pick.quantity());
        } else if (result instanceof BatchMovement movement) {
            moved(meters, movement.action().name().toLowerCase(java.util.Locale.ROOT),
                    Math.abs(movement.quantityChange()));
        }
    }

    /**
     * Times the operation and counts the refusal by its exception type.
     *
     * @param operation the operation's name
     * @param nanos     how long it took
     * @param failure   what the caller got
     */
    @Override
    public void failed(String operation, long nanos, WmsException failure) {
        MeterRegistry meters = timed(refused, operation, "refused", nanos);
        if (meters == null) {
            return;
        }
        refusals.computeIfAbsent(operation, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(failure.getClass(), type -> Counter.builder(REFUSALS)
                        .tag("operation", operation).tag("exception", type.getSimpleName())
                        .description("Refused or failed wms operations").register(meters))
                .increment();
    }

    private void moved(MeterRegistry meters, String action, int units) {
        unitsMoved.computeIfAbsent(action, name -> Counter.builder(UNITS_MOVED).tag("action", name)
                .description("Units moved, by ledger action").register(meters)).increment(units);
    }

    /** Records the operation's time under its outcome; returns the registry, or {@code null} before binding. */
    private MeterRegistry timed(Map<String, Timer> timers, String operation, String outcome, long nanos) {
        MeterRegistry meters = registry;
        if (meters != null) {
            timers.computeIfAbsent(operation, name -> Timer.builder(OPERATIONS).tag("operation", name)
                            .tag("outcome", outcome).description("wms operations").register(meters))
                    .record(nanos, TimeUnit.NANOSECONDS);
        }
        return meters;
    }
}
