package io.wms.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
final class RenderedStatement {

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
    RenderedStatement(DSLContext dsl, Query statement, Param<?>... parameters) {
        this.sql = dsl.render(statement);
        Map<String, Param<?>> byName = new java.util.HashMap<>();
        for (Param<?> parameter : parameters) {
            byName.put(parameter.getParamName(), parameter);
        }
        // Named rendering writes each bound value as ":name"; in bind order, that is the order of the "?" above.
        Pattern names = Pattern.compile(byName.keySet().stream().map(Pattern::quote)
                .collect(Collectors.joining("|", ":(", ")(?!\\w)")));
        List<Param<?>> order = new ArrayList<>();
        Matcher matcher = names.matcher(dsl.renderNamedParams(statement));
        while (matcher.find()) {
            order.add(byName.get(matcher.group(1)));
        }
        if (order.size() != dsl.extractBindValues(statement).size()) {
            throw new IllegalStateException("The statement binds values other than its parameters " + byName.keySet()
                    + ": " + sql);
        }
        this.bindOrder = List.copyOf(order);
    }

    /**
     * Binds values to the parameters, for executing on a context.
     *
     * @param dsl    the context to execute on (the pool's, or a transaction's)
     * @param values the value of each parameter, by name; a missing name binds {@code null}
     * @return the query, ready to fetch or execute
     */
    ResultQuery<Record> bind(DSLContext dsl, Map<String, ?> values) {
        Object[] bindings = new Object[bindOrder.size()];
        for (int index = 0; index < bindings.length; index++) {
            Param<?> parameter = bindOrder.get(index);
            bindings[index] = DSL.val(values.get(parameter.getParamName()), parameter.getDataType());
        }
        return dsl.resultQuery(sql, bindings);
    }
}
