/**
 * The synthetic-data generator of wms, for load tests and benchmarks: {@link io.wms.generator.SyntheticDataGenerator}
 * loads a warehouse of any size with PostgreSQL binary {@code COPY}. It is a module of its own, outside
 * {@code io.wms.core}, because it drops and re-creates indexes and foreign keys and suspends triggers while it loads:
 * no production application should carry it. It uses wms only through its public API and the generated jOOQ classes.
 */
module io.wms.generator {
    requires transitive io.wms.core;
    requires io.wms.jooq;
    requires org.jooq;
    requires org.postgresql.jdbc;

    exports io.wms.generator;
}
