/**
 * The jOOQ classes generated from the wms migrations: the tables, keys and indexes of the schema, for wms-core's
 * queries and for a host's own reads of the wms tables.
 */
module io.wms.jooq {
    requires transitive org.jooq;

    exports io.wms.jooq;
    exports io.wms.jooq.tables;
    exports io.wms.jooq.tables.records;
    exports io.wms.jooq.binding;
}
