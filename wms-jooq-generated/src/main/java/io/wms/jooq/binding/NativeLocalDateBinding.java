package io.wms.jooq.binding;

import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.function.Function;

import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * Binds a {@code date} column as a {@link LocalDate} through the driver's own {@code java.time} support
 * ({@code setObject}/{@code getObject(..., LocalDate.class)}), which every {@code date} column of the generated classes
 * uses.
 *
 * <p>jOOQ 3.19's default binding goes through {@link java.sql.Date}, whose calendar is Julian before 15 October 1582
 * and knows no year 0: a day in the ten days the Gregorian reform skipped moved by ten days, and years before 1 came
 * back with the wrong era. {@code java.time} and PostgreSQL both count every day in the proleptic Gregorian calendar,
 * so binding natively stores each day exactly as given. jOOQ has no setting for this (as it has for
 * {@code OffsetDateTime}); a binding is its documented way.
 *
 * <p>Stateless and thread-safe.
 */
public final class NativeLocalDateBinding implements Binding<LocalDate, LocalDate> {

    private static final long serialVersionUID = 1L;

    private static final Converter<LocalDate, LocalDate> SAME_DAY = Converter.ofNullable(LocalDate.class,
            LocalDate.class, Function.identity(), Function.identity());

    /**
     * Creates the binding; jOOQ's generated classes create one per {@code date} column.
     */
    public NativeLocalDateBinding() {
        // The generated code instantiates bindings by their public no-argument constructor.
    }

    /**
     * Returns the converter, which hands every day on unchanged.
     *
     * @return the identity converter of {@link LocalDate}
     */
    @Override
    public Converter<LocalDate, LocalDate> converter() {
        return SAME_DAY;
    }

    /**
     * Renders the parameter: a placeholder cast to {@code date}, or an ISO date literal when values are inlined.
     *
     * @param context jOOQ's rendering context
     */
    @Override
    public void sql(BindingSQLContext<LocalDate> context) {
        if (context.render().paramType() == ParamType.INLINED) {
            LocalDate day = context.value();
            if (day == null) {
                context.render().sql("cast(null as date)");
            } else {
                context.render().sql("date ").visit(DSL.inline(day.toString()));
            }
        } else {
            context.render().sql("cast(").sql(context.variable()).sql(" as date)");
        }
    }

    /**
     * Registers an OUT parameter of a procedure as a {@code DATE}.
     *
     * @param context jOOQ's registering context
     * @throws java.sql.SQLException if the driver refuses
     */
    @Override
    public void register(BindingRegisterContext<LocalDate> context) throws java.sql.SQLException {
        context.statement().registerOutParameter(context.index(), Types.DATE);
    }

    /**
     * Binds a day with {@code setObject}, which pgjdbc sends as an ISO date of the proleptic Gregorian calendar.
     *
     * @param context jOOQ's binding context
     * @throws java.sql.SQLException if the driver refuses
     */
    @Override
    public void set(BindingSetStatementContext<LocalDate> context) throws java.sql.SQLException {
        if (context.value() == null) {
            context.statement().setNull(context.index(), Types.DATE);
        } else {
            context.statement().setObject(context.index(), context.value());
        }
    }

    /**
     * Not supported: wms has no user-defined types.
     *
     * @param context jOOQ's context
     * @throws SQLFeatureNotSupportedException always
     */
    @Override
    public void set(BindingSetSQLOutputContext<LocalDate> context) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("A date inside a user-defined type is not supported");
    }

    /**
     * Reads a day with {@code getObject(index, LocalDate.class)}.
     *
     * @param context jOOQ's reading context
     * @throws java.sql.SQLException if the driver refuses
     */
    @Override
    public void get(BindingGetResultSetContext<LocalDate> context) throws java.sql.SQLException {
        context.value(context.resultSet().getObject(context.index(), LocalDate.class));
    }

    /**
     * Reads an OUT parameter with {@code getObject(index, LocalDate.class)}.
     *
     * @param context jOOQ's reading context
     * @throws java.sql.SQLException if the driver refuses
     */
    @Override
    public void get(BindingGetStatementContext<LocalDate> context) throws java.sql.SQLException {
        context.value(context.statement().getObject(context.index(), LocalDate.class));
    }

    /**
     * Not supported: wms has no user-defined types.
     *
     * @param context jOOQ's context
     * @throws SQLFeatureNotSupportedException always
     */
    @Override
    public void get(BindingGetSQLInputContext<LocalDate> context) throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("A date inside a user-defined type is not supported");
    }
}
