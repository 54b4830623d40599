package io.wms.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.inventory.InventoryService;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.NoTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every statement of one {@code Wms} runs, and the transaction and retry policy around it.
 *
 * <p>The services are built once, on the one {@link #dsl() DSLContext} this object hands out. That context takes
 * its connection from here: the connection the current thread is bound to, or else a fresh one from the data
 * source. An operation binds a connection for its duration, so its statements share it, and the binding says whether
 * the operation runs
 * <ul>
 *   <li>on its own: each statement commits by itself; a conflict (serialization failure, deadlock) is retried up to
 *       {@link InventoryService#MAX_ATTEMPTS} times in all;</li>
 *   <li>in a transaction wms began: committed at its end, retried as a whole;</li>
 *   <li>in the caller's transaction. wms never commits, rolls back or retries it: a conflict has doomed the
 *       caller's work, which must decide itself.</li>
 * </ul>
 *
 * <p>wms joins a caller's transaction only on explicit facts: the caller handed in its connection
 * ({@link #onCallersConnection}), or the host's transaction manager says a transaction is active on this thread and
 * the connection the data source hands out is in it. A connection that merely has auto-commit off (a pool configured
 * so) is wms's own: wms commits its work on it, whatever the pool's default.
 *
 * <p>Each public operation that joins a transaction someone else holds (the caller's, or one {@link #callersWork}
 * began) runs under a savepoint, so that a refused or failed operation is undone whole and leaves that transaction
 * as it was, and usable.
 *
 * <p>Thread-safe: the binding is per thread, and an operation's work runs on the thread that called it.
 */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private static final long BACKOFF_MILLIS = 10;

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final StatementLog log;
    private final BooleanSupplier hostTransactionActive;
    private final Consumer<Runnable> afterHostCommit;
    private final ThreadLocal<Binding> binding = new ThreadLocal<>();

    /** How the connection bound to the current thread is being used. */
    private enum State {
        /** Statements commit one by one. */
        AUTO_COMMIT,
        /** Inside a transaction that wms began and will end. */
        OWN_TRANSACTION,
        /** Inside a transaction that belongs to the caller. */
        CALLERS_TRANSACTION
    }

    private static final class Binding {
        private final Connection connection;
        private State state;
        /** Whether the binding outlives one operation: each operation on it then runs under a savepoint. */
        private final boolean shared;
        /** Where the actions run once the caller's transaction commits; {@code null} where wms commits. */
        private final Consumer<Runnable> callersCommit;
        /** Whether an operation runs on the binding now: an operation it calls joins it without a savepoint. */
        private boolean inOperation;
        private final List<Runnable> afterCommit = new ArrayList<>(0);

        private Binding(Connection connection, State state, boolean shared, Consumer<Runnable> callersCommit) {
            this.connection = connection;
            this.state = state;
            this.shared = shared;
            this.callersCommit = callersCommit;
        }
    }

    /**
     * Creates the policy over a data source whose connections are never in a host's transaction.
     *
     * @param dataSource    where connections come from when no operation has one bound; never {@code null}
     * @param configuration the jOOQ settings, dialect and listeners; its connection and transaction providers are
     *                      replaced by this object's; never {@code null}
     * @param log           where the statements sent on plain JDBC are logged, as the configuration's listeners log
     *                      jOOQ's; never {@code null}
     */
    public Transactions(DataSource dataSource, Configuration configuration, StatementLog log) {
        this(dataSource, configuration, log, () -> false, Runnable::run);
    }

    /**
     * Creates the policy over a data source whose connections may belong to a transaction of the host's transaction
     * manager.
     *
     * @param dataSource            where connections come from when no operation has one bound; never {@code null}
     * @param configuration         the jOOQ settings, dialect and listeners; its connection and transaction providers
     *                              are replaced by this object's; never {@code null}
     * @param log                   where the statements sent on plain JDBC are logged; never {@code null}
     * @param hostTransactionActive says whether the host's transaction manager holds a transaction on this thread,
     *                              whose connection the data source hands out; never {@code null}
     * @param afterHostCommit       runs an action once that transaction commits, and never if it rolls back; never
     *                              {@code null}
     */
    public Transactions(DataSource dataSource, Configuration configuration, StatementLog log,
                        BooleanSupplier hostTransactionActive, Consumer<Runnable> afterHostCommit) {
        this.dataSource = dataSource;
        this.log = log;
        this.hostTransactionActive = hostTransactionActive;
        this.afterHostCommit = afterHostCommit;
        // A stray jOOQ transaction would commit an operation's work half-way: only this class begins and ends them.
        this.dsl = DSL.using(configuration.derive(new BoundConnections()).derive(new NoTransactionProvider()));
    }

    /**
     * Returns the one jOOQ context all services run their statements on.
     *
     * @return the context; the same object for the lifetime of this policy
     */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Returns where statements sent on plain JDBC are logged.
     *
     * @return the log; the same object for the lifetime of this policy
     */
    public StatementLog log() {
        return log;
    }

    /**
     * Runs JDBC work of one statement on the current operation's connection, or alone on a fresh connection the way
     * {@link #statement} runs work. A driver's exception leaves as jOOQ's, which the API boundary translates.
     *
     * @param work the work, given the connection; it must not close it or change its transaction
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T onConnection(ConnectionWork<T> work) {
        return statement(() -> {
            try {
                return work.run(binding.get().connection);
            } catch (SQLException e) {
                throw new DataAccessException("Statement failed: " + e.getMessage(), e);
            }
        });
    }

    /**
     * JDBC work on a connection that {@link Transactions} lends.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface ConnectionWork<T> {

        /**
         * Runs the work.
         *
         * @param connection the lent connection
         * @return the result
         * @throws SQLException as the driver throws it
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs one public operation. Inside a transaction someone else holds it runs under a savepoint, undone whole if
     * the operation fails; inside a transaction of the host's transaction manager it binds that transaction's
     * connection for its whole duration; otherwise it runs as it is, and its statements choose their transaction.
     *
     * @param work the operation's work
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T operation(Supplier<T> work) {
        Binding bound = binding.get();
        if (bound == null) {
            return hostTransactionActive.getAsBoolean() ? inHostManagersTransaction(work) : work.get();
        }
        if (!bound.shared || bound.inOperation) {
            return work.get();
        }
        bound.inOperation = true;
        try {
            return underSavepoint(bound, work);
        } finally {
            bound.inOperation = false;
        }
    }

    /**
     * Runs an action once the current operation's work is committed: at once when it already is, after wms's commit
     * when wms holds the transaction, after the caller's commit when the caller does. The action is dropped when the
     * work rolls back, and a failure of the action is logged, never thrown: the work it follows has committed.
     *
     * @param action the action; it must be quick
     */
    public void afterCommit(Runnable action) {
        Binding bound = binding.get();
        if (bound == null) {
            runCommitted(List.of(action));
        } else if (bound.state == State.AUTO_COMMIT) {
            runCommitted(List.of(action));
        } else {
            bound.afterCommit.add(action);
        }
    }

    /**
     * Runs work whose usual path is one statement. On its own it commits with that statement, since BEGIN and COMMIT
     * would only add round trips, and a conflict is retried; inside a transaction it joins it.
     *
     * @param work the work; it runs its statements on {@link #dsl()}
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T statement(Supplier<T> work) {
        Binding bound = binding.get();
        if (bound != null) {
            return work.get();
        }
        return onFreshConnection(false, fresh -> fresh.state == State.CALLERS_TRANSACTION ? work.get()
                : retried(work));
    }

    /**
     * Runs work in one transaction: a new one, retried as a whole on a conflict, or the one the thread is already
     * in. Called from {@link #statement} work, it begins a transaction on that work's connection, which the
     * statement's own retry covers.
     *
     * @param work the work; it runs its statements on {@link #dsl()}
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T transaction(Supplier<T> work) {
        Binding bound = binding.get();
        if (bound == null) {
            return onFreshConnection(false, fresh -> fresh.state == State.CALLERS_TRANSACTION ? work.get()
                    : retried(() -> within(fresh, work)));
        }
        return bound.state == State.AUTO_COMMIT ? within(bound, work) : work.get();
    }

    /**
     * Runs work in a transaction that reads one snapshot. The work is told whether its first statement begins a
     * transaction wms just started, so that it may set the transaction's characteristics in that statement.
     *
     * @param work the work, given {@code true} when it runs first in a fresh transaction
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T snapshot(Function<Boolean, T> work) {
        Binding bound = binding.get();
        if (bound != null && bound.state != State.AUTO_COMMIT) {
            return work.apply(false);
        }
        // A join of the host manager's transaction is decided on the fresh connection, where the characteristics are
        // then the host's.
        return transaction(() -> work.apply(binding.get().state == State.OWN_TRANSACTION));
    }

    /**
     * Runs a caller's unit of work in a transaction: a new one, never retried, since the work may have effects
     * outside the database; inside a transaction already, a savepoint, so that a failure of the work undoes only
     * its own statements. Every operation the work calls runs under a savepoint of its own.
     *
     * @param work the caller's work
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T callersWork(Supplier<T> work) {
        Binding bound = binding.get();
        if (bound == null) {
            return onFreshConnection(true, fresh -> fresh.state == State.CALLERS_TRANSACTION
                    ? underSavepoint(fresh, work) : within(fresh, work));
        }
        if (bound.state == State.AUTO_COMMIT) {
            return within(bound, work);
        }
        return underSavepoint(bound, work);
    }

    /**
     * Runs work on a connection the caller holds in its own transaction: every operation the work calls on the
     * current thread joins that transaction under a savepoint of its own, and wms neither commits, rolls back,
     * retries nor closes it.
     *
     * @param connection    the caller's connection, with auto-commit off
     * @param afterCommit   runs an action once the caller's transaction commits (and never if it rolls back), or at
     *                      once when the caller has no such hook ({@code Runnable::run})
     * @param work          the work
     * @param <T>           the result type
     * @return the work's result
     * @throws ValidationException if the connection has auto-commit on: each statement would commit by itself, and
     *                             an operation of several statements could be left half done
     */
    public <T> T onCallersConnection(Connection connection, Consumer<Runnable> afterCommit, Supplier<T> work) {
        if (autoCommit(connection)) {
            throw new ValidationException("host transaction", List.of(new Violation("connection",
                    Violation.Rule.IN_TRANSACTION,
                    "must be in a transaction (auto-commit off), which the host commits or rolls back")));
        }
        Binding previous = binding.get();
        Binding callers = new Binding(connection, State.CALLERS_TRANSACTION, true, afterCommit);
        binding.set(callers);
        try {
            T result = work.get();
            handOverAfterCommit(callers);
            return result;
        } finally {
            restore(previous);
        }
    }

    /** Binds the connection of the host manager's transaction for one operation, under a savepoint of it. */
    private <T> T inHostManagersTransaction(Supplier<T> work) {
        Connection connection = open();
        try {
            if (!autoCommit(connection)) {
                Binding host = new Binding(connection, State.CALLERS_TRANSACTION, true, afterHostCommit);
                binding.set(host);
                try {
                    host.inOperation = true;
                    T result = underSavepoint(host, work);
                    handOverAfterCommit(host);
                    return result;
                } finally {
                    binding.remove();
                }
            }
        } finally {
            close(connection);
        }
        // The manager's transaction does not hold this data source's connection: the work is wms's own.
        return work.get();
    }

    private <T> T onFreshConnection(boolean shared, Function<Binding, T> work) {
        Connection connection = open();
        boolean switchedOn = false;
        try {
            Binding fresh;
            if (!autoCommit(connection) && hostTransactionActive.getAsBoolean()) {
                fresh = new Binding(connection, State.CALLERS_TRANSACTION, shared, afterHostCommit);
            } else {
                if (!autoCommit(connection)) {
                    // A pool that hands out connections with auto-commit off still gets wms's work committed: the
                    // fresh connection is in no transaction yet, so switching auto-commit on sends nothing.
                    setAutoCommit(connection, true);
                    switchedOn = true;
                }
                fresh = new Binding(connection, State.AUTO_COMMIT, shared, null);
            }
            binding.set(fresh);
            try {
                T result = work.apply(fresh);
                handOverAfterCommit(fresh);
                return result;
            } finally {
                binding.remove();
            }
        } finally {
            if (switchedOn) {
                restoreAutoCommitOff(connection);
            }
            close(connection);
        }
    }

    /** Gives a pool's connection back with auto-commit off, as the pool handed it out. */
    private static void restoreAutoCommitOff(Connection connection) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            LOG.debug("Could not switch a connection's auto-commit back off", e);
        }
    }

    /** Hands the caller's commit hook what ran on a binding of the caller's transaction; nothing on wms's own. */
    private static void handOverAfterCommit(Binding bound) {
        if (bound.callersCommit != null && !bound.afterCommit.isEmpty()) {
            List<Runnable> actions = List.copyOf(bound.afterCommit);
            bound.afterCommit.clear();
            bound.callersCommit.accept(() -> runCommitted(actions));
        }
    }

    private static void runCommitted(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException failure) {
                LOG.warn("An action after a commit failed; the committed work stands", failure);
            }
        }
    }

    private static <T> T within(Binding bound, Supplier<T> work) {
        Connection connection = bound.connection;
        setAutoCommit(connection, false);
        bound.state = State.OWN_TRANSACTION;
        try {
            T result = work.get();
            commit(connection);
            List<Runnable> committed = List.copyOf(bound.afterCommit);
            bound.afterCommit.clear();
            runCommitted(committed);
            return result;
        } catch (RuntimeException | Error failure) {
            bound.afterCommit.clear();
            rollback(connection, failure);
            throw failure;
        } finally {
            bound.state = State.AUTO_COMMIT;
            setAutoCommit(connection, true);
        }
    }

    private static <T> T underSavepoint(Binding bound, Supplier<T> work) {
        Connection connection = bound.connection;
        int actionsBefore = bound.afterCommit.size();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new DataAccessException("Could not set a savepoint", e);
        }
        try {
            T result = work.get();
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw new DataAccessException("Could not release a savepoint", e);
        } catch (RuntimeException | Error failure) {
            bound.afterCommit.subList(actionsBefore, bound.afterCommit.size()).clear();
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    private static <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                RuntimeException translated = ExceptionTranslator.translate(failure);
                if (attempt >= InventoryService.MAX_ATTEMPTS || !isConflict(translated)) {
                    throw translated;
                }
                backOff(attempt, translated);
            }
        }
    }

    private static boolean isConflict(RuntimeException failure) {
        return failure instanceof RetryableException retryable && SqlStates.isConflict(retryable.sqlState());
    }

    private static void backOff(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(BACKOFF_MILLIS * attempt + ThreadLocalRandom.current().nextLong(BACKOFF_MILLIS));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private void restore(Binding previous) {
        if (previous == null) {
            binding.remove();
        } else {
            binding.set(previous);
        }
    }

    private Connection open() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException("Could not acquire a connection", e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Could not release a connection", e);
        }
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new DataAccessException("Could not read the connection's auto-commit mode", e);
        }
    }

    private static void setAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new DataAccessException("Could not " + (autoCommit ? "end" : "begin") + " a transaction", e);
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new DataAccessException("Could not commit", e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Hands jOOQ the thread's bound connection, or a fresh one for one statement, which it closes again after it. A
     * fresh connection with auto-commit off is switched on for that statement, unless it is in the host manager's
     * transaction, so that the statement commits.
     */
    private final class BoundConnections implements ConnectionProvider {

        private final Set<Connection> switchedOn = ConcurrentHashMap.newKeySet();

        @Override
        public Connection acquire() {
            Binding bound = binding.get();
            if (bound != null) {
                return bound.connection;
            }
            Connection fresh = open();
            if (!autoCommit(fresh) && !hostTransactionActive.getAsBoolean()) {
                setAutoCommit(fresh, true);
                switchedOn.add(fresh);
            }
            return fresh;
        }

        @Override
        public void release(Connection connection) {
            Binding bound = binding.get();
            if (bound == null || bound.connection != connection) {
                if (switchedOn.remove(connection)) {
                    restoreAutoCommitOff(connection);
                }
                close(connection);
            }
        }
    }
}
