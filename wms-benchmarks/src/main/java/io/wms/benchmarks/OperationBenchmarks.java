package io.wms.benchmarks;

import java.util.concurrent.TimeUnit;

import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickInWarehouse;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.ReceiveIntoBatch;
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

    /** Find a product by id, through the wms API. */
    @Benchmark
    public Object findById_wms(Warehouse warehouse) {
        return warehouse.wms.products().findById(Warehouse.ACTOR, warehouse.productId);
    }

    /** Find a product by id, as the same statements on plain JDBC. */
    @Benchmark
    public long findById_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.findById);
    }

    /** Read a product with 10 batches of 10 ledger rows each, through the wms API. */
    @Benchmark
    public Object fullTracking_wms(Warehouse warehouse) {
        return warehouse.wms.products().findWithFullTracking(Warehouse.ACTOR, warehouse.trackedProductId);
    }

    /** Read a product with 10 batches of 10 ledger rows each, as the same statements on plain JDBC. */
    @Benchmark
    public long fullTracking_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.fullTracking);
    }

    /** The first listing page, with its total, through the wms API. */
    @Benchmark
    public Object firstPage_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(Warehouse.ACTOR, warehouse.byName, Warehouse.FIRST_PAGE);
    }

    /** The first listing page, with its total, as the same statements on plain JDBC. */
    @Benchmark
    public long firstPage_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.firstPage);
    }

    /** The first listing page without a total (the default), through the wms API. */
    @Benchmark
    public Object firstPageUncounted_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(Warehouse.ACTOR, warehouse.byName, Warehouse.FIRST_PAGE_UNCOUNTED);
    }

    /** The first listing page without a total, as the same statements on plain JDBC. */
    @Benchmark
    public long firstPageUncounted_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.firstPageUncounted);
    }

    /** A listing page half the products deep, by offset, through the wms API. */
    @Benchmark
    public Object deepOffsetPage_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(Warehouse.ACTOR, warehouse.byName, warehouse.deepPage);
    }

    /** A listing page half the products deep, by offset, as the same statements on plain JDBC. */
    @Benchmark
    public long deepOffsetPage_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.deepOffsetPage);
    }

    /** A listing page half the products deep, by keyset cursor, through the wms API. */
    @Benchmark
    public Object deepKeysetPage_wms(Warehouse warehouse) {
        return warehouse.wms.products().scroll(Warehouse.ACTOR, warehouse.byName, Warehouse.PAGE_SIZE, warehouse.deepCursor);
    }

    /** A listing page half the products deep, by keyset cursor, as the same statements on plain JDBC. */
    @Benchmark
    public long deepKeysetPage_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.deepKeysetPage);
    }

    /** Full-text search on product names, through the wms API. */
    @Benchmark
    public Object nameSearch_wms(Warehouse warehouse) {
        return warehouse.wms.products().search(Warehouse.ACTOR, warehouse.search, Warehouse.FIRST_PAGE);
    }

    /** Full-text search on product names, as the same statements on plain JDBC. */
    @Benchmark
    public long nameSearch_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.nameSearch);
    }

    /** Receive one unit into a batch, through the wms API. */
    @Benchmark
    public Object receive_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().receiveInto(Warehouse.ACTOR,
                new ReceiveIntoBatch(warehouse.receiveBatchId, 1, null, null));
    }

    /** Receive one unit into a batch, as the same statements on plain JDBC. */
    @Benchmark
    public long receive_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.receive);
    }

    /** Pick one unit first-expired, first-out over 5 batches, through the wms API. */
    @Benchmark
    public Object pick_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().pick(Warehouse.ACTOR, new PickStock(warehouse.pickProductId, 1, 0, null, null));
    }

    /** Pick one unit first-expired, first-out over 5 batches, as the same statements on plain JDBC. */
    @Benchmark
    public long pick_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.pick);
    }

    /** Pick one unit first-expired, first-out over 5 batches under a new idempotency key, through the wms API. */
    @Benchmark
    public Object keyedPick_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().pick(Warehouse.ACTOR,
                new PickStock(warehouse.pickProductId, 1, 0, null, warehouse.nextKey()));
    }

    /**
     * Pick one unit first-expired, first-out over 5 batches under a new idempotency key, as the same statements on
     * plain JDBC: the key's claim, the pick and the stored result in one transaction.
     */
    @Benchmark
    public long keyedPick_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.keyedPick.binding(warehouse.recordedKey,
                warehouse.nextKey()));
    }

    /**
     * Pick one unit first-expired, first-out over 5 batches, each in a bin of its own among the warehouse's generated
     * bins, through the wms API: the location-aware pick, to set beside {@code pick} on the same data.
     */
    @Benchmark
    public Object pickInWarehouse_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().pickInWarehouse(Warehouse.ACTOR,
                new PickInWarehouse(warehouse.warehouseId, warehouse.binnedProductId, 1, 0, null, null));
    }

    /** Pick one unit first-expired, first-out over 5 batches in 5 bins, on plain JDBC. */
    @Benchmark
    public long pickInWarehouse_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.pickInWarehouse);
    }

    /** Pick one unit from the batch of the binned product at one bin, through the wms API. */
    @Benchmark
    public Object pickAtLocation_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().pickAtLocation(Warehouse.ACTOR,
                new PickAtLocation(warehouse.binnedLocationId, warehouse.binnedProductId, 1, 0, null, null));
    }

    /** Pick one unit from the batch of the binned product at one bin, on plain JDBC. */
    @Benchmark
    public long pickAtLocation_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.pickAtLocation);
    }

    /** Find a product by id for a user, whose live roles wms checks first, through the wms API. */
    @Benchmark
    public Object findByIdAsUser_wms(Warehouse warehouse) {
        return warehouse.wms.products().findById(warehouse.userActor, warehouse.productId);
    }

    /** Find a product by id for a user, as the same statements (the role check included) on plain JDBC. */
    @Benchmark
    public long findByIdAsUser_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.findByIdAsUser);
    }

    /** Pick one unit for a user, whose live roles wms checks first, through the wms API. */
    @Benchmark
    public Object pickAsUser_wms(Warehouse warehouse) {
        return warehouse.wms.inventory().pick(warehouse.userActor,
                new PickStock(warehouse.pickProductId, 1, 0, null, null));
    }

    /** Pick one unit for a user, as the same statements (the role check included) on plain JDBC. */
    @Benchmark
    public long pickAsUser_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.pickAsUser);
    }

    /** The inventory report over the whole warehouse, through the wms API. */
    @Benchmark
    public Object inventoryReport_wms(Warehouse warehouse) {
        return warehouse.wms.stockReports().inventoryReport(Warehouse.ACTOR);
    }

    /** The inventory report over the whole warehouse, as the same statements on plain JDBC. */
    @Benchmark
    public long inventoryReport_jdbc(Warehouse warehouse) {
        return JdbcReplay.replay(warehouse.pool, warehouse.inventoryReport);
    }
}
