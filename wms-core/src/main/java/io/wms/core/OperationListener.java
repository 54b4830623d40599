package io.wms.core;

import io.wms.core.error.WmsException;

/**
 * Hears of every operation a {@link Wms} runs, for metrics or tracing: one call once its work has committed, one
 * when it fails.
 * Set it with {@link WmsBuilder#operationListener(OperationListener)}; {@link io.wms.core.metrics.WmsMetrics} is the
 * Micrometer one.
 *
 * <p>Operations are the methods of the repositories and services ({@code categories()}, {@code inventory()}, ...),
 * named {@code part.method}, for example {@code inventory.pick} or {@code products.search}; monitoring is not
 * counted. An operation called inside another (through {@link WmsOperations#inTransaction}) is heard of by itself.
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
     * @param operation the operation's name, for example {@code inventory.pick}; the same string object every time
     * @param nanos     how long it took, in nanoseconds, up to its return
     * @param result    what it returned; {@code null} for {@code void} methods and empty answers
     */
    void succeeded(String operation, long nanos, Object result);

    /**
     * Hears that an operation was refused or failed.
     *
     * @param operation the operation's name, for example {@code inventory.pick}; the same string object every time
     * @param nanos     how long it took, in nanoseconds
     * @param failure   what the caller gets, always a {@link WmsException} subtype
     */
    void failed(String operation, long nanos, WmsException failure);

    /**
     * Hears that the instance it listens to is open, once, before the instance is handed to the host; a listener
     * that reports the instance's own figures (the pool's) keeps it. Default: nothing.
     *
     * @param wms the instance; open until the host closes it
     */
    default void opened(Wms wms) {
    }
}
