/**
 * The wms API: {@link io.wms.core.Wms} and its configuration, the repositories and services, and the seeders.
 * The jOOQ implementations and the plumbing under {@code io.wms.core.internal} (the pool opener, the Go-duration
 * parser, transactions) are not exported.
 */
module io.wms.core {
    requires transitive io.wms.api;
    requires transitive io.wms.migrations;
    requires transitive java.sql;
    requires io.wms.jooq;
    requires org.jooq;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    requires bcrypt;
    requires tools.jackson.databind;
    requires static micrometer.core;

    exports io.wms.core;
    exports io.wms.core.auth;
    exports io.wms.core.inventory;
    exports io.wms.core.metrics;
    exports io.wms.core.monitoring;
    exports io.wms.core.repository;
    exports io.wms.core.seed;
}
