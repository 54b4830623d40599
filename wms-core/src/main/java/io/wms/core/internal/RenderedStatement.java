package io.wms.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * A statement built with jOOQ once, with named parameters where its values go, and rendered once: its shape never
 * changes, only the values bound to it. jOOQ's own advice for hot statements; rendering a large statement (the
 * first-expired, first-out pick has four common table expressions) costs about as much CPU as PostgreSQL spends
 * running it.
 *
 * <p>Thread-safe: the rendered text and the parameter order are immutable, and each execution binds fresh values.
 */
public final class RenderedStatement {

    private final String sql;
    private final List<Param<?>> bindOrder;

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
        this.bindOrder = List.copyOf(order);
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

    /**
     * Binds values to the parameters, for executing on a context.
     *
     * @param dsl    the context to execute on (the pool's, or a transaction's)
     * @param values the value of each parameter, by name; a missing name binds {@code null}
     * @return the query, ready to fetch or execute
     */
    public ResultQuery<Record> bind(DSLContext dsl, Map<String, ?> values) {
        Object[] bindings = new Object[bindOrder.size()];
        for (int index = 0; index < bindings.length; index++) {
            Param<?> parameter = bindOrder.get(index);
            bindings[index] = DSL.val(values.get(parameter.getParamName()), parameter.getDataType());
        }
        return dsl.resultQuery(sql, bindings);
    }
}
