package io.wms.core;

/**
 * Hears of every operation a {@link Wms} runs, for metrics or tracing: one call once its work has committed, one
 * when it fails.
 * Set it with {@link WmsBuilder#operationListener(OperationListener)}; {@link io.wms.core.metrics.WmsMetrics} is the
 * Micrometer one.
 *
 * <p>Operations are the methods of the repositories and services ({@code categories()}, {@code inventory()}, ...),
 * each an {@link Operation} named {@code part.method}, for example {@code inventory.pick} or
 * {@code products.search}; {@link Operation#all()} lists them, and monitoring is not counted. An operation called inside another (through {@link WmsOperations#inTransaction}) is heard of by itself.
 *
 * <p>Work that rolls back is never heard of as succeeded: outside any transaction the call comes when the operation
 * returns; inside {@link WmsOperations#inTransaction} once that transaction commits; inside a transaction of the
 * host's transaction manager ({@link WmsBuilder#hostTransactions}) on its after-commit hook; inside
 * {@link Wms#inHostTransaction(java.sql.Connection, TransactionalWork)}, whose commit wms cannot see, when the work
 * returns (or on the host's hook, with the overload that takes one). A refusal is heard of at once.
 *
 * <p>Implementations must be thread-safe, quick and must not throw: they run on the thread that committed. A listener
 * that throws after a commit is logged and ignored, since the work stands.
 */
public interface OperationListener {

    /**
     * Hears that an operation returned and its work is committed.
     *
     * @param event the operation, its time and its result; {@link OperationSucceeded#unitsMoved()} says what stock
     *              it moved
     */
    void succeeded(OperationSucceeded event);

    /**
     * Hears that an operation was refused or failed.
     *
     * @param event the operation, its time and what the caller gets, always a {@code WmsException} subtype
     */
    void failed(OperationFailed event);

    /**
     * Hears that the instance it listens to is open, once, before the instance is handed to the host; a listener
     * that reports the instance's own figures (the pool's) keeps it. Default: nothing.
     *
     * @param wms the instance; open until the host closes it
     */
    default void opened(Wms wms) {
    }
}
