package io.wms.core.internal;

import io.wms.core.error.WmsException;

/**
 * Hears of each public operation at the API boundary ({@link ApiGuard#operations}): the internal side of the host's
 * {@code OperationListener}.
 */
public interface OperationObserver {

    /** Hears nothing. */
    OperationObserver NONE = new OperationObserver() {
        @Override
        public void succeeded(String operation, long nanos, Object result) {
        }

        @Override
        public void failed(String operation, long nanos, WmsException failure) {
        }
    };

    /**
     * Hears that an operation's work is committed.
     *
     * @param operation the operation's name, {@code part.method}
     * @param nanos     how long the operation took, in nanoseconds, up to its return
     * @param result    what it returned; {@code null} for {@code void} methods
     */
    void succeeded(String operation, long nanos, Object result);

    /**
     * Hears that an operation was refused or failed, at once.
     *
     * @param operation the operation's name, {@code part.method}
     * @param nanos     how long it took, in nanoseconds
     * @param failure   what the caller gets
     */
    void failed(String operation, long nanos, WmsException failure);
}
