package io.wms.core;

import io.wms.core.error.WmsException;

/**
 * Hears of every operation a {@link Wms} runs, for metrics or tracing: one call when it returns, one when it fails.
 * Set it with {@link WmsBuilder#operationListener(OperationListener)}; {@link io.wms.core.metrics.WmsMetrics} is the
 * Micrometer one.
 *
 * <p>Operations are the methods of the repositories and services ({@code categories()}, {@code inventory()}, ...),
 * named {@code part.method}, for example {@code inventory.pick} or {@code products.search}; monitoring is not
 * counted. An operation called inside another (through {@link WmsOperations#inTransaction}) is heard of by itself.
 *
 * <p>Implementations must be thread-safe, quick and must not throw: they run on the caller's thread, after the
 * operation, inside the caller's transaction when there is one.
 */
public interface OperationListener {

    /**
     * Hears that an operation returned.
     *
     * @param operation the operation's name, for example {@code inventory.pick}; the same string object every time
     * @param nanos     how long it took, in nanoseconds
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
