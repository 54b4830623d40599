package io.wms.core.internal;

import java.time.Instant;
import java.util.function.Function;

import io.wms.core.auth.Actor;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.WmsException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * Soft delete, restore and purge of one table, and the explanation of a refused versioned update, whose rows carry a {@code deleted_at} column: the one implementation
 * behind the products, batches, users, categories and brands repositories. Permission checks and guards (the last
 * admin, the ledger) stay with each repository, which calls these inside its own transaction where it needs one.
 *
 * @param entity    the row's name in messages, for example {@code "product"}
 * @param table     the table
 * @param id        its id column
 * @param deletedAt its soft-delete column
 * @param updatedBy its last-changer column; {@code null} where the table has none
 * @param toRow     maps a record to the API type
 * @param <R>       the record type
 * @param <T>       the API row type
 */
public record SoftDeletes<R extends Record, T>(String entity, Table<R> table, TableField<R, Long> id,
                                                 TableField<R, Instant> deletedAt, TableField<R, Long> updatedBy,
                                                 Function<R, T> toRow) {

    /**
     * Marks a live row deleted.
     *
     * @param sql   where the statement runs
     * @param actor who deletes it, recorded as the last changer
     * @param id    the row's id
     * @throws NotFoundException if there is no live row with that id
     */
    public void delete(DSLContext sql, Actor actor, long id) {
        int deleted = changedBy(sql.update(table).set(deletedAt, DSL.currentInstant()), actor)
                .where(this.id.eq(id).and(deletedAt.isNull()))
                .execute();
        if (deleted == 0) {
            throw new NotFoundException(entity, id);
        }
    }

    /**
     * Makes a soft-deleted row live again.
     *
     * @param sql   where the statement runs
     * @param actor who restores it, recorded as the last changer
     * @param id    the row's id
     * @return the restored row
     * @throws NotFoundException if there is no soft-deleted row with that id
     */
    public T restore(DSLContext sql, Actor actor, long id) {
        return changedBy(sql.update(table).set(deletedAt, (Instant) null), actor)
                .where(this.id.eq(id).and(deletedAt.isNotNull()))
                .returning()
                .fetchOptional()
                .map(toRow)
                .orElseThrow(() -> new NotFoundException("deleted " + entity, id));
    }

    /**
     * Deletes a row for good, live or soft-deleted.
     *
     * @param sql where the statement runs
     * @param id  the row's id
     * @throws NotFoundException if there is no row with that id
     */
    public void purge(DSLContext sql, long id) {
        if (sql.deleteFrom(table).where(this.id.eq(id)).execute() == 0) {
            throw new NotFoundException(entity, id);
        }
    }

    /**
     * Explains why a versioned update of a live row changed nothing: the row is live but at another version, or it
     * is gone.
     *
     * @param sql             where the statement runs
     * @param id              the row's id
     * @param expectedVersion the version the caller read
     * @return a {@link ConcurrentUpdateException} or a {@link NotFoundException}, for the caller to throw
     */
    public WmsException missingOrStale(DSLContext sql, long id, long expectedVersion) {
        boolean live = sql.fetchExists(table, this.id.eq(id).and(deletedAt.isNull()));
        return live ? new ConcurrentUpdateException(entity, id, expectedVersion) : new NotFoundException(entity, id);
    }

    private UpdateSetMoreStep<R> changedBy(UpdateSetMoreStep<R> update, Actor actor) {
        return updatedBy == null ? update : update.set(updatedBy, actor.userId());
    }
}
