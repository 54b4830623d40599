package io.wms.core.internal;

import java.util.concurrent.atomic.LongAdder;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;

/**
 * Counts what HikariCP does not keep by itself: how often and how long callers waited for a connection, and how
 * often they gave up. Installed on every pool wms opens.
 */
public final class PoolMetrics implements MetricsTrackerFactory, IMetricsTracker {

    private final LongAdder acquisitions = new LongAdder();
    private final LongAdder acquisitionNanos = new LongAdder();
    private final LongAdder timeouts = new LongAdder();

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        return this;
    }

    @Override
    public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
        acquisitions.increment();
        acquisitionNanos.add(elapsedAcquiredNanos);
    }

    @Override
    public void recordConnectionTimeout() {
        timeouts.increment();
    }

    public long acquisitions() {
        return acquisitions.sum();
    }

    public long acquisitionNanos() {
        return acquisitionNanos.sum();
    }

    public long timeouts() {
        return timeouts.sum();
    }
}
