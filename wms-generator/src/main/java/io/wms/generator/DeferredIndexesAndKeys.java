package io.wms.generator;

import static org.jooq.impl.DSL.val;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * A table's post-data, as pg_dump calls what it restores after the rows: the secondary indexes and the foreign keys.
 * Loading an empty table without them and re-creating them afterwards is what pg_restore does: PostgreSQL then sorts
 * each index once instead of inserting every row into it, and checks each foreign key with one join instead of one
 * look-up per row.
 *
 * <p>The definitions are read from the catalog ({@code pg_get_indexdef}, {@code pg_get_constraintdef}) and re-created
 * verbatim, so they always are the migrations' own. Everything runs in the caller's transaction: a failure anywhere
 * rolls back the rows and the DDL alike and leaves the schema as it was.
 *
 * <p>Indexes that anything else depends on stay in place: the primary key and every index behind a constraint (which
 * other tables' foreign keys may need), a replica-identity or clustering index, an index with a comment, one outside
 * the database's default tablespace. So do constraints with a comment.
 */
final class DeferredIndexesAndKeys {

    /**
     * The droppable post-data of a table: its drop and create statements, indexes before foreign keys, built by the
     * server so that every identifier is quoted by {@code format('%I')} or a {@code regclass} and every definition
     * comes verbatim from the catalog.
     */
    private static final String DEFINITIONS = """
            with target as (select {0}::regclass as oid)
            select pg_catalog.format('DROP INDEX %s', i.indexrelid::regclass), pg_catalog.pg_get_indexdef(i.indexrelid), 1,
                   c.relname
            from pg_catalog.pg_index i
                join pg_catalog.pg_class c on c.oid = i.indexrelid
                join target on i.indrelid = target.oid
            where i.indisvalid and not i.indisreplident and not i.indisclustered and c.reltablespace = 0
              and not exists (select from pg_catalog.pg_constraint k where k.conindid = i.indexrelid)
              and pg_catalog.obj_description(i.indexrelid, 'pg_class') is null
            union all
            select pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.conrelid::regclass, k.conname),
                   pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.conrelid::regclass, k.conname,
                                     pg_catalog.pg_get_constraintdef(k.oid)),
                   2, k.conname
            from pg_catalog.pg_constraint k
                join target on k.conrelid = target.oid
            where k.contype = 'f' and k.conparentid = 0
              and pg_catalog.obj_description(k.oid, 'pg_constraint') is null
            order by 3, 4
            """;

    /**
     * Whether the connected role may drop and re-create the post-data: it must own the table (or be a member of its
     * owner) and every table the table's foreign keys refer to.
     */
    private static final String OWNED = """
            with target as (select {0}::regclass as oid)
            select pg_catalog.bool_and(pg_catalog.pg_has_role(c.relowner, 'USAGE'))
            from pg_catalog.pg_class c, target
            where c.oid = target.oid
               or c.oid in (select k.confrelid from pg_catalog.pg_constraint k where k.conrelid = target.oid and k.contype = 'f')
            """;

    /** Nothing dropped: the load runs against the table as it is. */
    static final DeferredIndexesAndKeys NONE = new DeferredIndexesAndKeys(null, List.of());

    private final Connection connection;
    private final List<Definition> definitions;

    private DeferredIndexesAndKeys(Connection connection, List<Definition> definitions) {
        this.connection = connection;
        this.definitions = definitions;
    }

    /**
     * Drops the table's post-data if the table is empty and the connected role owns it; otherwise changes nothing,
     * and the rows go into the table with its indexes and checks in place.
     *
     * <p>Being empty is a matter of cost, not of correctness: the definitions are re-created over whatever rows the
     * table holds, so a row another transaction commits between the check and the first {@code DROP} (which then
     * locks the table) is indexed and checked like the loaded ones.
     *
     * @param transaction the caller's transaction
     * @param connection  the transaction's connection
     * @param table       the table about to be loaded
     * @return the dropped post-data, to {@link #restore()} after the load; empty when nothing was dropped
     * @throws SQLException if the catalog cannot be read or a drop fails
     */
    static DeferredIndexesAndKeys dropIfEmpty(DSLContext transaction, Connection connection, Table<?> table) throws SQLException {
        String name = transaction.render(table);
        if (!ownedWithReferences(transaction, table) || transaction.fetchExists(table)) {
            return NONE;
        }
        List<Definition> definitions = transaction.resultQuery(DEFINITIONS, val(name))
                .fetch(record -> new Definition(record.get(0, String.class), record.get(1, String.class)));
        DeferredIndexesAndKeys postData = new DeferredIndexesAndKeys(connection, definitions);
        for (int index = definitions.size() - 1; index >= 0; index--) {
            postData.execute(definitions.get(index).drop());
        }
        return postData;
    }

    /**
     * Tells whether the connected role owns a table (or is a member of its owner) and every table the table's
     * foreign keys refer to: what it takes to drop and re-create the table's post-data, or to suspend its triggers.
     *
     * @param transaction the caller's transaction
     * @param table       the table
     * @return true if the role owns them all
     */
    static boolean ownedWithReferences(DSLContext transaction, Table<?> table) {
        return Boolean.TRUE.equals(transaction.resultQuery(OWNED, val(transaction.render(table))).fetchSingle()
                .get(0, Boolean.class));
    }

    /**
     * Re-creates what {@link #dropIfEmpty} dropped, indexes first, then the foreign keys, each validated over every
     * row.
     *
     * @throws SQLException if a definition no longer holds for the rows (the caller's transaction then rolls back)
     */
    void restore() throws SQLException {
        for (Definition definition : definitions) {
            execute(definition.create());
        }
    }

    private record Definition(String drop, String create) {
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // The statements come verbatim from the catalog: no JDBC escape in them is meant for the driver.
            statement.setEscapeProcessing(false);
            statement.execute(sql);
        }
    }
}
