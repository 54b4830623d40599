package io.wms.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
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

/**
 * Where every statement of one {@code Wms} runs, and the transaction and retry policy around it.
 *
 * <p>The services are built once, on the one {@link #dsl() DSLContext} this object hands out. That context takes
 * its connection from here: the connection the current thread is bound to, or else a fresh one from the data
 * source. An operation binds a connection for its duration, so its statements share it, and its state says whether
 * the operation runs
 * <ul>
 *   <li>{@linkplain State#AUTO_COMMIT on its own}: each statement commits by itself; a conflict (serialization
 *       failure, deadlock) is retried up to {@link InventoryService#MAX_ATTEMPTS} times in all;</li>
 *   <li>{@linkplain State#OWN_TRANSACTION in a transaction wms began}: committed at its end, retried as a whole;</li>
 *   <li>{@linkplain State#CALLERS_TRANSACTION in the caller's transaction}: the host's connection was already in a
 *       transaction (a transaction-aware data source, or a connection the host handed in). wms never commits, rolls
 *       back or retries it: a conflict has doomed the caller's work, which must decide itself.</li>
 * </ul>
 *
 * <p>Thread-safe: the binding is per thread, and an operation's work runs on the thread that called it.
 */
public final class Transactions {

    /** How the connection bound to the current thread is being used. */
    public enum State {
        /** No operation of this instance runs on the current thread. */
        NONE,
        /** An operation runs statements that commit one by one. */
        AUTO_COMMIT,
        /** An operation runs inside a transaction that wms began and will end. */
        OWN_TRANSACTION,
        /** An operation runs inside a transaction that belongs to the caller. */
        CALLERS_TRANSACTION
    }

    private static final long BACKOFF_MILLIS = 10;

    private final DataSource dataSource;
    private final DSLContext dsl;
    private final StatementLog log;
    private final ThreadLocal<Binding> binding = new ThreadLocal<>();

    private static final class Binding {
        private final Connection connection;
        private State state;

        private Binding(Connection connection, State state) {
            this.connection = connection;
            this.state = state;
        }
    }

    /**
     * Creates the policy over a data source.
     *
     * @param dataSource    where connections come from when no operation has one bound; never {@code null}
     * @param configuration the jOOQ settings, dialect and listeners; its connection and transaction providers are
     *                      replaced by this object's; never {@code null}
     * @param log           where the statements sent on plain JDBC are logged, as the configuration's listeners log
     *                      jOOQ's; never {@code null}
     */
    public Transactions(DataSource dataSource, Configuration configuration, StatementLog log) {
        this.dataSource = dataSource;
        this.log = log;
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
     * Says how the current thread's operation uses its connection.
     *
     * @return the state; {@link State#NONE} outside any operation
     */
    public State state() {
        Binding bound = binding.get();
        return bound == null ? State.NONE : bound.state;
    }

    /**
     * Says whether the current thread runs inside a transaction, wms's own or its caller's.
     *
     * @return {@code true} inside a transaction
     */
    public boolean inTransaction() {
        State state = state();
        return state == State.OWN_TRANSACTION || state == State.CALLERS_TRANSACTION;
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
        return onFreshConnection(binding -> binding.state == State.CALLERS_TRANSACTION ? work.get()
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
            return onFreshConnection(fresh -> fresh.state == State.CALLERS_TRANSACTION ? work.get()
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
        // A data source that hands out the caller's transaction makes this a join, where the characteristics are set.
        return transaction(() -> work.apply(binding.get().state == State.OWN_TRANSACTION));
    }

    /**
     * Runs a caller's unit of work in a transaction: a new one, never retried, since the work may have effects
     * outside the database; inside a transaction already, a savepoint, so that a failure of the work undoes only
     * its own statements.
     *
     * @param work the caller's work
     * @param <T>  the result type
     * @return the work's result
     */
    public <T> T callersWork(Supplier<T> work) {
        Binding bound = binding.get();
        if (bound == null) {
            return onFreshConnection(fresh -> fresh.state == State.CALLERS_TRANSACTION ? work.get()
                    : within(fresh, work));
        }
        if (bound.state == State.AUTO_COMMIT) {
            return within(bound, work);
        }
        return underSavepoint(bound.connection, work);
    }

    /**
     * Runs work on a connection the caller holds in its own transaction: every operation the work calls on the
     * current thread joins that transaction, and wms neither commits, rolls back, retries nor closes it.
     *
     * @param connection the caller's connection, with auto-commit off
     * @param work       the work
     * @param <T>        the result type
     * @return the work's result
     * @throws ValidationException if the connection has auto-commit on: each statement would commit by itself, and
     *                             an operation of several statements could be left half done
     */
    public <T> T onCallersConnection(Connection connection, Supplier<T> work) {
        if (autoCommit(connection)) {
            throw new ValidationException("host transaction", List.of(new Violation("connection",
                    Violation.Rule.IN_TRANSACTION,
                    "must be in a transaction (auto-commit off), which the host commits or rolls back")));
        }
        Binding previous = binding.get();
        binding.set(new Binding(connection, State.CALLERS_TRANSACTION));
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    private <T> T onFreshConnection(Function<Binding, T> work) {
        Connection connection = open();
        try {
            Binding fresh = new Binding(connection, autoCommit(connection) ? State.AUTO_COMMIT
                    : State.CALLERS_TRANSACTION);
            binding.set(fresh);
            try {
                return work.apply(fresh);
            } finally {
                binding.remove();
            }
        } finally {
            close(connection);
        }
    }

    private static <T> T within(Binding bound, Supplier<T> work) {
        Connection connection = bound.connection;
        setAutoCommit(connection, false);
        bound.state = State.OWN_TRANSACTION;
        try {
            T result = work.get();
            commit(connection);
            return result;
        } catch (RuntimeException | Error failure) {
            rollback(connection, failure);
            throw failure;
        } finally {
            bound.state = State.AUTO_COMMIT;
            setAutoCommit(connection, true);
        }
    }

    private static <T> T underSavepoint(Connection connection, Supplier<T> work) {
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

    /** Hands jOOQ the thread's bound connection, or a fresh one that it closes again after its statement. */
    private final class BoundConnections implements ConnectionProvider {

        @Override
        public Connection acquire() {
            Binding bound = binding.get();
            return bound == null ? open() : bound.connection;
        }

        @Override
        public void release(Connection connection) {
            Binding bound = binding.get();
            if (bound == null || bound.connection != connection) {
                close(connection);
            }
        }
    }
}
