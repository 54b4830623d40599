package io.wms.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

import io.wms.core.auth.PasswordPolicy;
import io.wms.core.internal.WmsSettings;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * A second {@link Wms} on a test's pool whose every round trip is recorded at the JDBC level, whichever way a
 * statement is sent (through jOOQ or on plain JDBC): each execution (so a batch of statements sent at once is one) and
 * each end of a transaction (COMMIT or ROLLBACK, counted at the connection, since wms ends its transactions there);
 * a transaction's BEGIN travels with its first statement.
 */
final class ObservedOperations {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final List<Query> sent = new ArrayList<>();
    private int transactionsEnded;
    private final Wms operations;

    ObservedOperations(DataSource pool) {
        DataSource counting = proxy(DataSource.class, pool, (method, arguments, result) ->
                result instanceof Connection connection ? observed(connection) : result);
        this.operations = JooqWms.observed(counting,
                new WmsSettings(Clock.systemUTC(), WmsBuilder.DEFAULT_WAREHOUSE_ZONE, PasswordPolicy.defaults()));
    }

    private Connection observed(Connection connection) {
        return proxy(Connection.class, connection, (method, arguments, result) -> {
            String name = method.getName();
            if (name.equals("commit") || name.equals("rollback")) {
                transactionsEnded++;
            }
            if (result instanceof PreparedStatement statement && name.equals("prepareStatement")) {
                return observed(statement, (String) arguments[0]);
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return proxy(Statement.class, statement, (called, given, returned) -> {
                    if (EXECUTIONS.contains(called.getName()) && given != null && given[0] instanceof String sql) {
                        sent.add(DSL.query(sql));
                    }
                    return returned;
                });
            }
            return result;
        });
    }

    /** Records the statement's text with the values bound to it when it executes, so that a test can explain it. */
    private PreparedStatement observed(PreparedStatement statement, String sql) {
        TreeMap<Integer, Object> bound = new TreeMap<>();
        return proxy(PreparedStatement.class, statement, (method, arguments, result) -> {
            String name = method.getName();
            if (name.startsWith("set") && arguments != null && arguments.length >= 2
                    && arguments[0] instanceof Integer position) {
                bound.put(position, name.equals("setNull") ? null : arguments[1]);
            } else if (name.equals("clearParameters")) {
                bound.clear();
            } else if (EXECUTIONS.contains(name)) {
                sent.add(DSL.query(sql, bound.values().toArray()));
            }
            return result;
        });
    }

    private interface AfterCall {
        Object apply(Method method, Object[] arguments, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        InvocationHandler forwarding = (proxy, method, arguments) -> {
            try {
                return after.apply(method, arguments, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(ObservedOperations.class.getClassLoader(), new Class<?>[] {type},
                forwarding));
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
     * Returns the last statement sent, as text with the values bound to it.
     *
     * @return the statement
     */
    Query lastQuery() {
        return sent.get(sent.size() - 1);
    }

    /**
     * Returns the text of each statement sent since the last {@link #reset()}, with its placeholders.
     *
     * @return the texts, in the order they were sent
     */
    List<String> sentTexts() {
        return sent.stream().map(Query::getSQL).toList();
    }

    /**
     * Forgets the statements recorded so far.
     */
    void reset() {
        sent.clear();
        transactionsEnded = 0;
    }
}
