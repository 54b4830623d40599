package io.wms.core;

/**
 * The host's transaction manager, as far as wms needs to know it: whether the calling thread is inside one of its
 * transactions on wms's data source, and how to run an action once that transaction commits. Set it with
 * {@link WmsBuilder#hostTransactions(HostTransactions)}; the Spring Boot starter sets one for Spring's transactions.
 *
 * <p>wms joins a transaction only on such an explicit fact (or inside {@link Wms#inHostTransaction}): a connection
 * that merely has auto-commit off, as a pool may hand them out, is not taken for a transaction of the host's, and wms
 * commits its own work on it.
 *
 * <p>Implementations must be thread-safe and quick: {@link #isActive()} is asked at the start of every operation.
 */
public interface HostTransactions {

    /** No transaction manager: outside {@link Wms#inHostTransaction} every operation is wms's own. The default. */
    HostTransactions NONE = new HostTransactions() {
        @Override
        public boolean isActive() {
            return false;
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    };

    /**
     * Says whether the calling thread is inside a transaction of the host's, which holds the connection that wms's
     * data source hands out on this thread. wms then runs each operation in it, under a savepoint, and never commits
     * or rolls it back.
     *
     * @return {@code true} inside such a transaction
     */
    boolean isActive();

    /**
     * Runs an action once the transaction the calling thread is in commits, and never if it rolls back. Called only
     * while {@link #isActive()} is {@code true}; wms uses it to tell its
     * {@link WmsBuilder#operationListener(OperationListener) listener} of work that is committed.
     *
     * @param action the action; it must not throw
     */
    void afterCommit(Runnable action);
}
