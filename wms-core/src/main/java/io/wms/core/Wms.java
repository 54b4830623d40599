package io.wms.core;

import java.sql.Connection;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.wms.core.monitoring.Monitoring;
import io.wms.migration.MigrationResult;
import io.wms.migration.WmsMigrations;

/**
 * The entry point of wms: the repositories and services of a warehouse on one PostgreSQL database.
 *
 * <pre>{@code
 * try (Wms wms = Wms.create(WmsConfig.fromEnv())) {
 *     Category food = wms.categories().create(actor, new NewProductGroup("Food", null));
 * }
 * }</pre>
 *
 * <p>An instance is thread-safe and meant to live as long as the application: create one, share it, close it at
 * shutdown. Closing releases only what it opened itself: the connection pool built from a {@link WmsConfig}, never
 * a {@link DataSource} the host passed in.
 */
public interface Wms extends WmsOperations, AutoCloseable {

    /**
     * Opens wms on the database a configuration names: builds a connection pool, checks the database answers, and
     * applies the migrations when {@link WmsConfig#autoMigrate()} is on.
     *
     * @param config the configuration, for example {@link WmsConfig#fromEnv()}; never {@code null}
     * @return the open instance; close it at shutdown
     * @throws io.wms.core.error.RetryableException if the database cannot be reached
     * @throws io.wms.core.error.MigrationException  if migrating fails
     */
    static Wms create(WmsConfig config) {
        return builder().config(config).build();
    }

    /**
     * Opens wms on a data source the host owns and keeps owning. Migrations are not applied; call
     * {@link #migrate()} or use {@link #builder()} to ask for them.
     *
     * @param dataSource the host's data source, ideally pooled; never {@code null}
     * @return the open instance
     */
    static Wms create(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * Starts building an instance with more settings than the two {@code create} methods take.
     *
     * @return a new builder
     */
    static WmsBuilder builder() {
        return new WmsBuilder();
    }

    /**
     * Applies every pending schema migration, using the migration data source if one was given.
     *
     * @return what was applied; nothing when the schema is current
     * @throws io.wms.core.error.MigrationException if a migration fails
     */
    MigrationResult migrate();

    /**
     * Returns the migrations API for this instance's database, to inspect or validate the schema. It runs on the
     * migration data source when one was given, and never hands that data source out: code that holds the
     * {@code Wms} gets no connection with the schema owner's rights.
     *
     * @return the migrations API; never {@code null}
     */
    WmsMigrations migrations();

    /**
     * Returns the read-only monitoring figures: health, pool, table sizes, index usage, connections, slow statements.
     *
     * @return the monitoring API; never {@code null}
     */
    Monitoring monitoring();

    /**
     * Runs work inside a transaction the host holds on its own JDBC connection: every operation the work calls joins
     * that transaction, so the host's rows and the stock movements commit together or roll back together.
     *
     * <pre>{@code
     * connection.setAutoCommit(false);
     * insertOrder(connection, orderId);
     * PickResult pick = wms.inHostTransaction(connection, wms -> wms.inventory().pick(picker, command));
     * connection.commit();   // or rollback(): the order, the pick, its ledger rows and its idempotency key alike
     * }</pre>
     *
     * <p>The rules:
     * <ul>
     *   <li>The connection must be in a transaction (auto-commit off); wms never commits, rolls back or closes it.</li>
     *   <li>Each operation runs under a savepoint of the host's transaction: one that is refused or fails is undone
     *       whole (its idempotency key included) and leaves the transaction usable, so the host may catch the refusal
     *       and commit the rest.</li>
     *   <li>Nothing is retried inside it: a serialization failure or deadlock surfaces at once as a
     *       {@link io.wms.core.error.RetryableException}, because the host's transaction is then doomed and only
     *       the host can run it again, from its start.</li>
     *   <li>An idempotency key claimed inside it is claimed only if the host commits; after a rollback the key is
     *       free again.</li>
     *   <li>wms cannot see the commit of a plain connection: the {@link OperationListener} hears of the operations
     *       when the work returns. {@link #inHostTransaction(Connection, Consumer, TransactionalWork)} takes the
     *       host's own after-commit hook instead.</li>
     *   <li>The operations handed to the work belong to the calling thread and are valid until the work returns.
     *       {@link WmsOperations#inTransaction} inside the work runs under a savepoint of the host's
     *       transaction.</li>
     * </ul>
     *
     * <p>A host whose transactions a transaction manager holds (Spring's, through the starter) tells wms of it with
     * {@link WmsBuilder#hostTransactions(HostTransactions)} instead, and wms then joins those transactions by itself.
     * wms never takes a connection for a host's transaction on its auto-commit mode alone.
     *
     * @param connection the host's connection, in a transaction; never {@code null}
     * @param work       the work; never {@code null}
     * @param <T>        the result type
     * @return what the work returned
     * @throws io.wms.core.error.ValidationException if an argument is {@code null} or the connection has auto-commit
     *                                               on
     * @throws io.wms.core.error.WmsException        whatever the work threw, translated
     */
    <T> T inHostTransaction(Connection connection, TransactionalWork<T> work);

    /**
     * Runs work inside a transaction the host holds on its own JDBC connection, as
     * {@link #inHostTransaction(Connection, TransactionalWork)} does, and tells the {@link OperationListener} of its
     * operations only once the host's transaction commits.
     *
     * @param connection  the host's connection, in a transaction; never {@code null}
     * @param afterCommit the host's hook: runs the action it is given once the host's transaction commits, and never
     *                    if it rolls back; never {@code null}
     * @param work        the work; never {@code null}
     * @param <T>         the result type
     * @return what the work returned
     * @throws io.wms.core.error.ValidationException if an argument is {@code null} or the connection has auto-commit
     *                                               on
     * @throws io.wms.core.error.WmsException        whatever the work threw, translated
     */
    <T> T inHostTransaction(Connection connection, Consumer<Runnable> afterCommit, TransactionalWork<T> work);

    /**
     * Runs work that returns nothing inside the host's transaction, as
     * {@link #inHostTransaction(Connection, TransactionalWork)} does.
     *
     * @param connection the host's connection, in a transaction; never {@code null}
     * @param action     the work; never {@code null}
     * @throws io.wms.core.error.ValidationException if an argument is {@code null} or the connection has auto-commit
     *                                               on
     * @throws io.wms.core.error.WmsException        whatever the work threw, translated
     */
    void useHostTransaction(Connection connection, TransactionalAction action);

    /**
     * Closes the connection pool if this instance opened it; a host's data source is left open. Calling it again
     * does nothing.
     */
    @Override
    void close();
}
