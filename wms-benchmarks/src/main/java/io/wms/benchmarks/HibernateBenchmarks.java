package io.wms.benchmarks;

import java.util.concurrent.TimeUnit;

import io.wms.benchmarks.hibernate.HibernateWarehouse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The operations of {@link OperationBenchmarks} that a Java team would otherwise write with Hibernate ORM, on the same
 * data and the same pool; the runner sets them beside the wms figures. {@code *_hibernate} is the way a competent
 * Hibernate user writes the operation, and compares with the wms method of the same name; full tracking also comes
 * lazily navigated ({@code _hibernateLazy}) and lazily navigated with a batch fetch size
 * ({@code _hibernateBatchFetch}), labelled as such.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HibernateBenchmarks {

    /** The batch fetch size of the {@code _hibernateBatchFetch} variant: more than the 10 batches read. */
    static final int BATCH_FETCH_SIZE = 16;

    /** Session factories over the warehouse's pool. */
    @State(Scope.Benchmark)
    public static class Orm {

        HibernateWarehouse hibernate;
        HibernateWarehouse batchFetching;

        /**
         * Builds the session factories.
         *
         * @param warehouse the warehouse, for its pool
         */
        @Setup(Level.Trial)
        public void open(Warehouse warehouse) {
            hibernate = new HibernateWarehouse(warehouse.pool);
            batchFetching = new HibernateWarehouse(warehouse.pool, BATCH_FETCH_SIZE);
        }

        /** Closes the session factories. */
        @TearDown(Level.Trial)
        public void close() {
            hibernate.close();
            batchFetching.close();
        }
    }

    /** Find a product by id, with Hibernate. */
    @Benchmark
    public Object findById_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.findById(warehouse.productId);
    }

    /** Read a product with 10 batches of 10 ledger rows each: two fetch-join queries in a read-only transaction. */
    @Benchmark
    public int fullTracking_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.fullTrackingWithFetchJoins(warehouse.trackedProductId);
    }

    /** The same, navigating lazy relations one query each: what comes out when nobody looks. */
    @Benchmark
    public int fullTracking_hibernateLazy(Warehouse warehouse, Orm orm) {
        return orm.hibernate.fullTrackingLazily(warehouse.trackedProductId);
    }

    /** The same lazy navigation with {@code default_batch_fetch_size}: the batches' ledgers in one query. */
    @Benchmark
    public int fullTracking_hibernateBatchFetch(Warehouse warehouse, Orm orm) {
        return orm.batchFetching.fullTrackingLazily(warehouse.trackedProductId);
    }

    /** The first listing page, with its total. */
    @Benchmark
    public Object firstPage_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.offsetPage(0, Warehouse.PAGE_SIZE);
    }

    /** A listing page half the products deep, by offset, with its total. */
    @Benchmark
    public Object deepOffsetPage_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.offsetPage((warehouse.deepPage.page() - 1) * Warehouse.PAGE_SIZE, Warehouse.PAGE_SIZE);
    }

    /** A listing page half the products deep, by keyset in HQL: the rows after the last one of the page before. */
    @Benchmark
    public Object deepKeysetPage_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.keysetPage(warehouse.lastBeforeDeepPage.name(), warehouse.lastBeforeDeepPage.id(),
                Warehouse.PAGE_SIZE);
    }

    /** Pick one unit first-expired, first-out over 5 batches, with Hibernate. */
    @Benchmark
    public void pick_hibernate(Warehouse warehouse, Orm orm) {
        orm.hibernate.pick(warehouse.pickProductId, 1);
    }
}
