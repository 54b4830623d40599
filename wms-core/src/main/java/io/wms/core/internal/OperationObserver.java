package io.wms.core.internal;

import io.wms.core.error.WmsException;

/**
 * Hears of each operation {@link ApiGuard} runs: of a success once its work is committed, of a refusal or failure
 * at once.
 */
public interface OperationObserver {

    /** Hears of nothing. */
    OperationObserver NONE = new OperationObserver() {
        @Override
        public void succeeded(OperationDeclaration operation, long nanos, Object result) {
        }

        @Override
        public void failed(OperationDeclaration operation, long nanos, WmsException failure) {
        }
    };

    /**
     * Hears of an operation whose work is committed.
     *
     * @param operation the operation's declaration
     * @param nanos     how long it ran, in nanoseconds
     * @param result    what it returned; {@code null} for a {@code void} method
     */
    void succeeded(OperationDeclaration operation, long nanos, Object result);

    /**
     * Hears of an operation that was refused or failed, its work undone.
     *
     * @param operation the operation's declaration
     * @param nanos     how long it ran, in nanoseconds
     * @param failure   what it threw
     */
    void failed(OperationDeclaration operation, long nanos, WmsException failure);
}
