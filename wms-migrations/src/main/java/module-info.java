/**
 * The wms schema as Flyway migrations, and {@link io.wms.migration.WmsMigrations} to apply, inspect, validate
 * and undo them.
 *
 * <p>The scripts under {@code db/wms} are resources in packages of this module, which the module system hides from
 * every class loader lookup unless the package is open: Flyway reads the migrations through its class loader, undo
 * reads the down scripts the same way, and a host may read the grants script to run it with psql.
 */
module io.wms.migrations {
    requires transitive io.wms.api;
    requires transitive java.sql;
    requires flyway.core;
    requires org.slf4j;

    exports io.wms.migration;

    opens db.wms.migration;
    opens db.wms.undo;
    opens db.wms.security;
}
