package io.wms.benchmarks;

import java.util.concurrent.TimeUnit;

import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.repository.PageRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Each operation twice: through the wms API ({@code *_wms}) and as the same statements sent with plain JDBC on the
 * same pool ({@code *_jdbc}). The runner reports the ratio of the two.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OperationBenchmarks {

    @Benchmark
    public Object findById_wms(Warehouse warehouse) {
        return warehouse.wms.products().findById(warehouse.productId);
    }

    @Benchmark
    public long findById_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.findById);
    }

    @Benchmark
    public Object fullTracking_wms(Warehouse warehouse) {
        return warehouse.wms.products().findWithFullTracking(warehouse.trackedProductId);
    }

    @Benchmark
    public long fullTracking_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.fullTracking);
    }

    @Benchmark
    public Object firstPage_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(warehouse.byName, PageRequest.first(Warehouse.PAGE_SIZE));
    }

    @Benchmark
    public long firstPage_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.firstPage);
    }

    @Benchmark
    public Object deepOffsetPage_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(warehouse.byName, warehouse.deepPage);
    }

    @Benchmark
    public long deepOffsetPage_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.deepOffsetPage);
    }

    @Benchmark
    public Object deepKeysetPage_wms(Warehouse warehouse) {
        return warehouse.wms.products().scroll(warehouse.byName, Warehouse.PAGE_SIZE, warehouse.deepCursor);
    }

    @Benchmark
    public long deepKeysetPage_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.deepKeysetPage);
    }

    @Benchmark
    public Object nameSearch_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(warehouse.search, PageRequest.first(Warehouse.PAGE_SIZE));
    }

    @Benchmark
    public long nameSearch_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.nameSearch);
    }

    @Benchmark
    public Object receive_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().receiveInto(Warehouse.ACTOR,
                new ReceiveIntoBatch(warehouse.receiveBatchId, 1, null, null));
    }

    @Benchmark
    public long receive_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.receive);
    }

    @Benchmark
    public Object pick_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().pick(Warehouse.ACTOR, new PickStock(warehouse.pickProductId, 1, 0, null, null));
    }

    @Benchmark
    public long pick_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.pick);
    }

    @Benchmark
    public Object inventoryReport_wms(Warehouse warehouse) {
        return warehouse.wms.stockReports().inventoryReport();
    }

    @Benchmark
    public long inventoryReport_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.inventoryReport);
    }
}
