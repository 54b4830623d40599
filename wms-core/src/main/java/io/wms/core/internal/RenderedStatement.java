package io.wms.core.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;

/**
 * A statement built with jOOQ once, with named parameters where its values go, and rendered once: its shape never
 * changes, only the values bound to it. jOOQ's own advice for hot statements; rendering a large statement (the
 * first-expired, first-out pick has four common table expressions) costs about as much CPU as PostgreSQL spends
 * running it.
 *
 * <p>It runs on plain JDBC ({@link #list}): a {@code PreparedStatement} of the rendered text, values bound by
 * position, each row read by position straight into an API record. That skips jOOQ's per-call parsing of the text,
 * its execute context and its generic records, which cost several times the allocation of the statement itself;
 * the statement is logged as jOOQ's are ({@link StatementLog}).
 *
 * <p>Thread-safe: the rendered text and the parameter positions are immutable, and each execution binds fresh
 * values.
 */
public final class RenderedStatement {

    private final String sql;
    /** For each position of the text, which of the constructor's parameters is bound there. */
    private final int[] parameterAt;
    /** For each position, its converter to the database type, or {@code null} where there is none. */
    private final Converter<?, ?>[] converterAt;
    /** For each position, the JDBC type a {@code null} is bound as. */
    private final int[] sqlTypeAt;

    /**
     * Renders a statement.
     *
     * @param dsl        a context of the dialect and settings the statement will run with
     * @param statement  the statement, whose every value is one of the parameters
     * @param parameters the named parameters, each used once or more in the statement
     * @throws IllegalStateException if the statement binds a value that is not one of the parameters
     */
    public RenderedStatement(DSLContext dsl, Query statement, Param<?>... parameters) {
        this.sql = dsl.render(statement);
        Map<String, Param<?>> byName = new HashMap<>();
        for (Param<?> parameter : parameters) {
            byName.put(parameter.getParamName(), parameter);
        }
        List<Param<?>> order = new ArrayList<>();
        for (String parameter : namesInBindOrder(dsl.renderNamedParams(statement))) {
            if (byName.containsKey(parameter)) {
                order.add(byName.get(parameter));
            }
        }
        if (order.size() != dsl.extractBindValues(statement).size()) {
            throw new IllegalStateException("The statement binds values other than its parameters " + byName.keySet()
                    + ": " + sql);
        }
        List<String> given = Stream.of(parameters).map(Param::getParamName).toList();
        this.parameterAt = order.stream().map(Param::getParamName).mapToInt(given::indexOf).toArray();
        this.converterAt = order.stream().map(parameter -> parameter.getDataType().getConverter())
                .map(converter -> converter.fromType() == converter.toType() ? null : converter)
                .toArray(Converter<?, ?>[]::new);
        this.sqlTypeAt = order.stream().mapToInt(parameter -> parameter.getDataType().getSQLType()).toArray();
    }

    /**
     * Reads a row of a result into a value.
     *
     * @param <T> the value
     */
    @FunctionalInterface
    public interface RowReader<T> {

        /**
         * Reads the current row.
         *
         * @param row the result set, on a row
         * @return the value
         * @throws SQLException as the driver throws it
         */
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs the statement on plain JDBC, on the current operation's connection or alone (see
     * {@link Transactions#onConnection}), and reads every row it returns.
     *
     * @param transactions where it runs
     * @param reader       how each row becomes a value
     * @param values       the parameters' values, in the order the constructor was given the parameters
     * @param <T>          the value of a row
     * @return the values, in the rows' order
     */
    public <T> List<T> list(Transactions transactions, RowReader<T> reader, Object... values) {
        StatementLog log = transactions.log();
        return transactions.onConnection(connection -> {
            long started = System.nanoTime();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int position = 0; position < parameterAt.length; position++) {
                    bind(statement, position, values[parameterAt[position]]);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        rows.add(reader.read(row));
                    }
                }
                log.executed(sql, System.nanoTime() - started, rows.size());
                return rows;
            } catch (SQLException failure) {
                log.failed(sql, failure);
                throw failure;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void bind(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position + 1, sqlTypeAt[position]);
            return;
        }
        Converter<Object, Object> converter = (Converter<Object, Object>) converterAt[position];
        Object bound = converter == null ? value : converter.to(value);
        // JDBC knows no Instant: jOOQ's own binding of an instant column sends it as the date-time at UTC, which the
        // driver binds as a timestamp with time zone.
        statement.setObject(position + 1, bound instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : bound);
    }

    /**
     * Named rendering writes each bound value as {@code :name}, in bind order; a colon inside a string literal or a
     * quoted identifier is text, and {@code ::} is a cast, not a parameter.
     */
    private static List<String> namesInBindOrder(String named) {
        List<String> names = new ArrayList<>();
        char quote = 0;
        for (int index = 0; index < named.length(); index++) {
            char current = named.charAt(index);
            if (quote != 0) {
                // A doubled quote closes the run and opens it again at once: the same as reading it as escaped.
                quote = current == quote ? 0 : quote;
            } else if (current == '\'' || current == '"') {
                quote = current;
            } else if (current == ':' && index + 1 < named.length() && named.charAt(index + 1) == ':') {
                index++;
            } else if (current == ':' && index + 1 < named.length()
                    && Character.isJavaIdentifierStart(named.charAt(index + 1))) {
                int end = index + 1;
                while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                    end++;
                }
                names.add(named.substring(index + 1, end));
                index = end - 1;
            }
        }
        return names;
    }
}
