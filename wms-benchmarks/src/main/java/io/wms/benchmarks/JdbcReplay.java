package io.wms.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import io.wms.benchmarks.StatementRecorder.BindCall;
import io.wms.benchmarks.StatementRecorder.RecordedOperation;
import io.wms.benchmarks.StatementRecorder.RecordedStatement;

/**
 * The hand-written JDBC baseline: sends the recorded statements with plain JDBC on the same pool, binds the same
 * values, and reads every column of every row, which is the least any mapping layer must do.
 */
final class JdbcReplay {

    private JdbcReplay() {
    }

    /**
     * Sends one recorded operation.
     *
     * @param dataSource the pool
     * @param operation  what to send
     * @return a value derived from everything read, so that the JIT cannot drop the reads
     */
    static long replay(DataSource dataSource, RecordedOperation operation) {
        try (Connection connection = dataSource.getConnection()) {
            if (operation.transaction()) {
                connection.setAutoCommit(false);
            }
            long checksum = 0;
            try {
                for (RecordedStatement recorded : operation.statements()) {
                    checksum += execute(connection, recorded);
                }
                if (operation.transaction()) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                if (operation.transaction()) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (operation.transaction()) {
                    connection.setAutoCommit(true);
                }
            }
            return checksum;
        } catch (SQLException e) {
            throw new IllegalStateException("Baseline statement failed: " + e.getMessage(), e);
        }
    }

    private static long execute(Connection connection, RecordedStatement recorded) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(recorded.sql())) {
            for (BindCall bind : recorded.setters()) {
                try {
                    bind.method().invoke(statement, bind.arguments());
                } catch (ReflectiveOperationException e) {
                    throw new SQLException("Cannot bind " + bind.method().getName(), e);
                }
            }
            long checksum = 0;
            boolean hasResults = statement.execute();
            while (true) {
                if (hasResults) {
                    try (ResultSet rows = statement.getResultSet()) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) {
                                Object value = rows.getObject(column);
                                checksum += value == null ? 0 : value.hashCode();
                            }
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    return checksum;
                } else {
                    checksum += statement.getUpdateCount();
                }
                hasResults = statement.getMoreResults();
            }
        }
    }
}
