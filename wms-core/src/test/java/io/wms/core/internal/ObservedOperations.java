package io.wms.core.internal;

import java.util.ArrayList;
import java.util.List;

import io.wms.core.Wms;
import io.wms.core.WmsOperations;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.DefaultTransactionListenerProvider;

/**
 * The repositories of a test's {@link Wms}, rebuilt on a jOOQ configuration that records every statement they send
 * to the database: exactly what the library sends, one entry per round trip. The end of a transaction is a round
 * trip of its own (COMMIT or ROLLBACK) and is counted too; its BEGIN travels with the first statement.
 */
final class ObservedOperations implements ExecuteListener, TransactionListener {

    private final List<Query> sent = new ArrayList<>();
    private int transactionsEnded;
    private final WmsOperations operations;

    ObservedOperations(Wms wms) {
        this.operations = new BoundOperations(((DefaultWms) wms).jooq().configuration()
                .derive(new DefaultExecuteListenerProvider(this))
                .derive(new DefaultTransactionListenerProvider(this)).dsl(),
                ((DefaultWms) wms).settings());
    }

    @Override
    public void executeStart(ExecuteContext context) {
        sent.add(context.query());
    }

    @Override
    public void commitStart(TransactionContext context) {
        transactionsEnded++;
    }

    @Override
    public void rollbackStart(TransactionContext context) {
        transactionsEnded++;
    }

    /**
     * Returns the repositories whose statements are recorded.
     *
     * @return the operations
     */
    WmsOperations operations() {
        return operations;
    }

    /**
     * Returns how many statements were sent, and transactions ended, since the last {@link #reset()}.
     *
     * @return the count
     */
    int roundTrips() {
        return sent.size() + transactionsEnded;
    }

    /**
     * Returns the last statement sent.
     *
     * @return the statement
     */
    Query lastQuery() {
        return sent.get(sent.size() - 1);
    }

    /**
     * Forgets the statements recorded so far.
     */
    void reset() {
        sent.clear();
        transactionsEnded = 0;
    }
}
