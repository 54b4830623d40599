package io.wms.core.monitoring;

import java.time.Duration;

/**
 * The connection pool's figures, as the seed's {@code GetConnectionStats} reports them for Go's {@code sql.DB}.
 *
 * <p>The first five are read from HikariCP at the moment of the call. The acquisition figures are counted since the
 * pool started, and only for pools that wms opened itself from a {@link io.wms.core.WmsConfig} (a host's pool keeps
 * its own metrics): for other pools they are {@code -1} and {@link Duration#ZERO}.
 *
 * @param maxOpenConnections   the most connections the pool opens (Go: {@code max_open_connections})
 * @param openConnections      connections open now, in use or idle (Go: {@code open_connections})
 * @param inUse                connections lent out now (Go: {@code in_use})
 * @param idle                 connections open and waiting to be lent (Go: {@code idle})
 * @param waitingThreads       threads waiting for a connection now
 * @param acquisitions         connections lent out since start; {@code -1} if not counted
 * @param acquisitionTime      the total time callers spent getting a connection (Go: {@code wait_duration})
 * @param timeouts             requests for a connection that timed out since start; {@code -1} if not counted
 */
public record PoolStatistics(int maxOpenConnections, int openConnections, int inUse, int idle, int waitingThreads,
                             long acquisitions, Duration acquisitionTime, long timeouts) {
}
