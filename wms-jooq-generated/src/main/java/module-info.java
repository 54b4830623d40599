/**
 * The jOOQ classes generated from the wms migrations: the tables, keys and indexes of the schema, for wms-core's
 * queries and for a host's own reads of the wms tables. Every status column (batches, ledger actions, reservations,
 * cycle counts) reads and writes as the model's enum, through the converters in {@code io.wms.jooq.converters}.
 */
module io.wms.jooq {
    requires transitive org.jooq;
    requires transitive io.wms.api;

    exports io.wms.jooq;
    exports io.wms.jooq.converters;
    exports io.wms.jooq.tables;
    exports io.wms.jooq.tables.records;
    exports io.wms.jooq.binding;
}
