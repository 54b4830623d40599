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
 * data and the same pool ({@code *_hibernate}); the runner sets them beside the wms figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HibernateBenchmarks {

    /** A session factory over the warehouse's pool. */
    @State(Scope.Benchmark)
    public static class Orm {

        HibernateWarehouse hibernate;

        /**
         * Builds the session factory.
         *
         * @param warehouse the warehouse, for its pool
         */
        @Setup(Level.Trial)
        public void open(Warehouse warehouse) {
            hibernate = new HibernateWarehouse(warehouse.pool);
        }

        /** Closes the session factory. */
        @TearDown(Level.Trial)
        public void close() {
            hibernate.close();
        }
    }

    /** Find a product by id, with Hibernate. */
    @Benchmark
    public Object findById_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.findById(warehouse.productId);
    }

    /** Read a product with 10 batches of 10 ledger rows each, navigating lazy relations. */
    @Benchmark
    public int fullTracking_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.fullTracking(warehouse.trackedProductId);
    }

    /** The first listing page, with its total. */
    @Benchmark
    public Object firstPage_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.offsetPage(0, Warehouse.PAGE_SIZE);
    }

    /** A listing page 100,000 rows deep, by offset, with its total. */
    @Benchmark
    public Object deepOffsetPage_hibernate(Warehouse warehouse, Orm orm) {
        return orm.hibernate.offsetPage((warehouse.deepPage.page() - 1) * Warehouse.PAGE_SIZE, Warehouse.PAGE_SIZE);
    }

    /** A listing page 100,000 rows deep, by keyset: the rows after the last one of the page before. */
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
