package io.wms.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Records, at the JDBC level, every statement and bind value an operation of the library sends, so that the
 * hand-written JDBC baseline can send exactly the same SQL with the same values. Recording happens once, before
 * measuring; the baseline then runs on the same pool as the library.
 */
final class StatementRecorder {

    /**
     * One statement as sent.
     *
     * @param sql     the SQL with {@code ?} placeholders
     * @param setters the bind calls made on the prepared statement, in order
     */
    record RecordedStatement(String sql, List<BindCall> setters) {
    }

    /**
     * One {@code setXxx(index, value...)} call.
     *
     * @param method    the setter
     * @param arguments its arguments
     */
    record BindCall(Method method, Object[] arguments) {
    }

    /**
     * What one operation sent.
     *
     * @param statements  the statements, in order
     * @param transaction whether they ran in an explicit transaction
     */
    record RecordedOperation(List<RecordedStatement> statements, boolean transaction) {

        /**
         * The same statements with every bind argument equal to one value bound to another instead: a keyed
         * operation replayed under a key of its own, which the recorded key would make a repetition.
         *
         * @param recorded the value as recorded
         * @param replaced the value to bind in its place
         * @return the operation with the value replaced
         */
        RecordedOperation binding(Object recorded, Object replaced) {
            List<RecordedStatement> rebound = new ArrayList<>(statements.size());
            for (RecordedStatement statement : statements) {
                List<BindCall> setters = new ArrayList<>(statement.setters().size());
                for (BindCall bind : statement.setters()) {
                    Object[] arguments = bind.arguments().clone();
                    for (int index = 0; index < arguments.length; index++) {
                        if (recorded.equals(arguments[index])) {
                            arguments[index] = replaced;
                        }
                    }
                    setters.add(new BindCall(bind.method(), arguments));
                }
                rebound.add(new RecordedStatement(statement.sql(), setters));
            }
            return new RecordedOperation(rebound, transaction);
        }
    }

    private final DataSource target;
    private final List<RecordedStatement> statements = new ArrayList<>();
    private boolean transaction;

    StatementRecorder(DataSource target) {
        this.target = target;
    }

    /**
     * Returns a data source that records what passes through it.
     *
     * @return the recording data source
     */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(target, method, arguments);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    /**
     * Runs an operation and returns what it sent.
     *
     * @param operation the operation, using a library instance opened on {@link #dataSource()}
     * @return the statements it sent
     */
    RecordedOperation record(Runnable operation) {
        statements.clear();
        transaction = false;
        operation.run();
        return new RecordedOperation(List.copyOf(statements), transaction);
    }

    private Connection recording(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(arguments[0])) {
                        transaction = true;
                    }
                    Object result = invoke(connection, method, arguments);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement prepared) {
                        return recording(prepared, (String) arguments[0]);
                    }
                    return result;
                });
    }

    private PreparedStatement recording(PreparedStatement statement, String sql) {
        List<BindCall> setters = new ArrayList<>();
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, arguments) -> {
                    if (method.getName().startsWith("set") && arguments != null && arguments.length >= 2
                            && arguments[0] instanceof Integer) {
                        setters.add(new BindCall(method, arguments.clone()));
                    }
                    if (method.getName().startsWith("execute")) {
                        statements.add(new RecordedStatement(sql, List.copyOf(setters)));
                    }
                    return invoke(statement, method, arguments);
                });
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
