package io.wms.spring.boot;

import javax.sql.DataSource;

import io.wms.core.HostTransactions;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions as wms sees them: a transaction is the host's when Spring has an actual transaction active on
 * the thread and holds a connection of the application's data source for it, as {@code DataSourceTransactionManager},
 * {@code JdbcTransactionManager} and {@code JpaTransactionManager} do. wms joins it only if that connection is also
 * in a transaction (auto-commit off); actions after its commit are Spring transaction synchronizations.
 */
final class SpringHostTransactions implements HostTransactions {

    private final DataSource dataSource;

    /**
     * Reads Spring's transactions on a data source.
     *
     * @param dataSource the application's data source itself, not a transaction-aware proxy of it: the key under
     *                   which Spring's transaction managers bind its connection
     */
    SpringHostTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean isActive() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(dataSource);
    }

    @Override
    public void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // A transaction without synchronization (a manager set to SYNCHRONIZATION_NEVER) offers no hook.
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
