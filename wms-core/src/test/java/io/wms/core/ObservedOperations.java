package io.wms.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import io.wms.core.auth.PasswordPolicy;
import io.wms.core.internal.WmsSettings;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;

/**
 * A second {@link Wms} on a test's pool whose every round trip is recorded: each statement jOOQ sends (one entry per
 * JDBC execution, so a batch of statements sent at once is one) and each end of a transaction (COMMIT or ROLLBACK,
 * counted at the connection, since wms ends its transactions there); a transaction's BEGIN travels with its first
 * statement.
 */
final class ObservedOperations implements ExecuteListener {

    private final List<Query> sent = new ArrayList<>();
    private int transactionsEnded;
    private final Wms operations;

    ObservedOperations(DataSource pool) {
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, forwarding(pool, (method, result) -> result instanceof Connection
                        ? Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        forwarding(result, (called, ignored) -> {
                            if (called.getName().equals("commit") || called.getName().equals("rollback")) {
                                transactionsEnded++;
                            }
                            return ignored;
                        }))
                        : result));
        this.operations = JooqWms.observed(counting,
                new WmsSettings(Clock.systemUTC(), WmsBuilder.DEFAULT_WAREHOUSE_ZONE, PasswordPolicy.defaults()),
                this);
    }

    private interface AfterCall {
        Object apply(Method method, Object result) throws Exception;
    }

    private static InvocationHandler forwarding(Object target, AfterCall after) {
        return (proxy, method, arguments) -> {
            try {
                return after.apply(method, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }

    @Override
    public void executeStart(ExecuteContext context) {
        sent.add(context.query());
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
