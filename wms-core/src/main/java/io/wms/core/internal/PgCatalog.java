package io.wms.core.internal;

import java.math.BigDecimal;

import org.jooq.AggregateFunction;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The built-in functions the library's statements call, each named in schema {@code pg_catalog}, in place of jOOQ's
 * DSL methods of the same names, which render them without a schema.
 *
 * <p>PostgreSQL looks an unqualified function name up in every schema of the connection's {@code search_path} and
 * takes the candidate whose argument types match best. A role that may create in a schema on that path can plant
 * {@code lower(varchar)} there, which beats {@code pg_catalog.lower(text)} for a {@code varchar} column, and it then
 * runs with the rights of whoever sends the statement. Named in {@code pg_catalog}, a call considers pg_catalog's
 * functions only. wms's own pool narrows its {@code search_path} to the wms schema as well, which also keeps
 * operators from being planted (they cannot be named in jOOQ's DSL); a host's data source is the host's to keep
 * clean (README, "Its own schema").
 *
 * <p>Each method has the name, argument and result types of the DSL method it stands for, so that a static import
 * of this class in place of {@code DSL}'s leaves the call sites as they were.
 *
 * <p>Thread-safe: stateless.
 */
public final class PgCatalog {

    private static final String SCHEMA = "pg_catalog";

    private PgCatalog() {
    }

    /**
     * Lower-cases a text, as {@code DSL.lower} does.
     *
     * @param value the text; never {@code null}
     * @return {@code pg_catalog.lower(value)}
     */
    public static Field<String> lower(Field<String> value) {
        return DSL.function(named("lower"), value.getDataType(), value);
    }

    /**
     * Lower-cases a bound text, as {@code DSL.lower(String)} does.
     *
     * @param value the text, bound as a parameter; may be {@code null}
     * @return {@code pg_catalog.lower(?)}
     */
    public static Field<String> lower(String value) {
        return lower(DSL.val(value));
    }

    /**
     * Counts rows, as {@code DSL.count()} does.
     *
     * @return {@code pg_catalog.count(*)}, which takes a filter and a window like any aggregate
     */
    public static AggregateFunction<Integer> count() {
        return DSL.aggregate(named("count"), SQLDataType.INTEGER, DSL.field(DSL.raw("*")));
    }

    /**
     * Sums numbers, as {@code DSL.sum} does.
     *
     * @param value the numbers; never {@code null}
     * @return {@code pg_catalog.sum(value)}, a number of any size
     */
    public static AggregateFunction<BigDecimal> sum(Field<? extends Number> value) {
        return DSL.aggregate(named("sum"), SQLDataType.NUMERIC, value);
    }

    /**
     * Takes the greatest value, as {@code DSL.max} does.
     *
     * @param value the values; never {@code null}
     * @param <T>   their type
     * @return {@code pg_catalog.max(value)}
     */
    public static <T> AggregateFunction<T> max(Field<T> value) {
        return DSL.aggregate(named("max"), value.getDataType(), value);
    }

    /**
     * Takes the least value, as {@code DSL.min} does.
     *
     * @param value the values; never {@code null}
     * @param <T>   their type
     * @return {@code pg_catalog.min(value)}
     */
    public static <T> AggregateFunction<T> min(Field<T> value) {
        return DSL.aggregate(named("min"), value.getDataType(), value);
    }

    /**
     * Numbers the rows of a window, as {@code DSL.rowNumber()} does.
     *
     * @return {@code pg_catalog.row_number()}, to be given its window with {@code over}
     */
    public static AggregateFunction<Integer> rowNumber() {
        return DSL.aggregate(named("row_number"), SQLDataType.INTEGER);
    }

    private static Name named(String function) {
        return DSL.unquotedName(SCHEMA, function);
    }
}
