package io.wms.core.metrics;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wms.core.Operation;
import io.wms.core.OperationFailed;
import io.wms.core.OperationListener;
import io.wms.core.OperationSucceeded;
import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.error.WmsException;
import io.wms.core.inventory.UnitsMoved;
import io.wms.core.model.TrackAction;
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
 *       {@code returned}, {@code transferred}</td></tr>
 *   <tr><td>{@value #POOL_CONNECTIONS}</td><td>gauge</td><td>{@code state}</td>
 *       <td>the pool's connections: {@code active}, {@code idle}, {@code pending} (threads waiting), {@code max}</td></tr>
 * </table>
 *
 * <p>Every meter but the refusal counters is registered by {@link #bindTo(MeterRegistry)}, at zero: a timer for each
 * {@linkplain Operation#all() operation} and outcome, a units counter for each action. What is counted comes from
 * the typed events alone ({@link OperationSucceeded#unitsMoved()}): every operation that moves stock, whatever its
 * result type, counts its units; a receipt is an operation that received units, a pick one that picked units.
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

    /** The ledger actions under which operations move units. */
    private static final TrackAction[] MOVING = {TrackAction.RECEIVED, TrackAction.PICKED, TrackAction.ADJUSTED,
        TrackAction.DISPOSED, TrackAction.RETURNED, TrackAction.TRANSFERRED};

    private volatile Meters meters;
    private volatile Wms wms;

    /** Creates the binder; hand it to {@code WmsBuilder.operationListener} and then bind it to a registry. */
    public WmsMetrics() {
    }

    /**
     * Registers every meter with a registry, each at zero; operations count from now on.
     *
     * @param registry where the meters go
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        poolGauge(registry, "active", PoolStatistics::inUse);
        poolGauge(registry, "idle", PoolStatistics::idle);
        poolGauge(registry, "pending", PoolStatistics::waitingThreads);
        poolGauge(registry, "max", PoolStatistics::maxOpenConnections);
        this.meters = new Meters(registry);
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
     * @param event the committed operation
     */
    @Override
    public void succeeded(OperationSucceeded event) {
        Meters bound = meters;
        if (bound == null) {
            return;
        }
        bound.time(bound.succeeded, event.operation(), event.nanos());
        for (UnitsMoved moved : event.unitsMoved()) {
            Counter units = bound.unitsMoved.get(moved.action());
            if (units != null) {
                units.increment(moved.units());
            }
            if (moved.action() == TrackAction.RECEIVED) {
                bound.receipts.increment();
            } else if (moved.action() == TrackAction.PICKED) {
                bound.picks.increment();
            }
        }
    }

    /**
     * Times the operation and counts the refusal by exception type.
     *
     * @param event the refused operation
     */
    @Override
    public void failed(OperationFailed event) {
        Meters bound = meters;
        if (bound == null) {
            return;
        }
        bound.time(bound.refused, event.operation(), event.nanos());
        String operation = event.operation().name();
        bound.refusals.computeIfAbsent(operation, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(event.failure().getClass(), type -> Counter.builder(REFUSALS)
                        .tag("operation", operation).tag("exception", type.getSimpleName())
                        .description("Refused or failed wms operations").register(bound.registry))
                .increment();
    }

    /** The meters of one registry, all but the refusal counters made at once. */
    private static final class Meters {

        final MeterRegistry registry;
        final Counter receipts;
        final Counter picks;
        final Map<TrackAction, Counter> unitsMoved = new EnumMap<>(TrackAction.class);
        final Map<String, Timer> succeeded = new HashMap<>();
        final Map<String, Timer> refused = new HashMap<>();
        final Map<String, Map<Class<?>, Counter>> refusals = new ConcurrentHashMap<>();

        Meters(MeterRegistry registry) {
            this.registry = registry;
            receipts = Counter.builder(RECEIPTS).description("Receipts into batches").register(registry);
            picks = Counter.builder(PICKS).description("Picks").register(registry);
            for (TrackAction action : MOVING) {
                unitsMoved.put(action, Counter.builder(UNITS_MOVED).tag("action", action.name().toLowerCase(Locale.ROOT))
                        .description("Units moved, by ledger action").register(registry));
            }
            for (Operation operation : Operation.all()) {
                succeeded.put(operation.name(), timer(operation.name(), "success"));
                refused.put(operation.name(), timer(operation.name(), "refused"));
            }
        }

        private Timer timer(String operation, String outcome) {
            return Timer.builder(OPERATIONS).tag("operation", operation).tag("outcome", outcome)
                    .description("wms operations").register(registry);
        }

        void time(Map<String, Timer> timers, Operation operation, long nanos) {
            Timer timer = timers.get(operation.name());
            if (timer != null) {
                timer.record(nanos, TimeUnit.NANOSECONDS);
            }
        }
    }
}
