/**
 * The wms schema as Flyway migrations, and {@link io.wms.migration.WmsMigrations} to apply, inspect, validate
 * and undo them.
 */
module io.wms.migrations {
    requires transitive io.wms.api;
    requires transitive java.sql;
    requires flyway.core;
    requires org.slf4j;

    exports io.wms.migration;
}
