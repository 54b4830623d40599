package io.wms.core;

import static io.wms.jooq.Tables.CATEGORIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import io.wms.core.LogLevel;
import io.wms.core.StatementLogger;
import io.wms.core.testing.TestSql;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;

class StatementLoggerTest {

    @RegisterExtension
    static final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private final List<String> logged = new ArrayList<>();

    @Test
    void infoLogsEveryStatementWithPlaceholdersNeverValues() {
        sql(LogLevel.INFO).insertInto(CATEGORIES).set(CATEGORIES.NAME, "secret-looking value").execute();

        assertThat(logged).singleElement().satisfies(line -> {
            assertThat(line).startsWith("INFO ").contains("insert into").contains("?");
            assertThat(line).doesNotContain("secret-looking value");
        });
    }

    @Test
    void warnLogsNeitherFastStatementsNorConstraintRefusals() {
        DSLContext sql = sql(LogLevel.WARN);
        sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "Food").execute();
        assertThatThrownBy(() -> sql.insertInto(CATEGORIES).set(CATEGORIES.NAME, "food").execute())
                .isInstanceOf(DataAccessException.class);

        assertThat(logged).isEmpty();
    }

    @Test
    void warnLogsASlowStatement() {
        sql(LogLevel.WARN).execute("select pg_sleep(0.25)");

        assertThat(logged).singleElement().asString().startsWith("WARN Slow statement");
    }

    @Test
    void errorLogsAFailedStatement() {
        assertThatThrownBy(() -> sql(LogLevel.ERROR).execute("select * from no_such_table"))
                .isInstanceOf(DataAccessException.class);

        assertThat(logged).singleElement().asString().startsWith("ERROR Statement failed (42P01)");
    }

    private DSLContext sql(LogLevel level) {
        DSLContext sql = TestSql.on(database.dataSource());
        sql.configuration().set(new DefaultExecuteListenerProvider(new StatementLogger(level, recordingLogger())));
        return sql;
    }

    /** An slf4j logger that writes "LEVEL message" lines, with the {} placeholders filled, into {@link #logged}. */
    private Logger recordingLogger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, arguments) -> {
                    String name = method.getName();
                    if (name.startsWith("is")) {
                        return true;
                    }
                    if (List.of("error", "warn", "info").contains(name) && arguments != null
                            && arguments[0] instanceof String format) {
                        Object[] values = arguments.length == 2 && arguments[1] instanceof Object[] many ? many
                                : java.util.Arrays.copyOfRange(arguments, 1, arguments.length);
                        String message = format;
                        for (Object value : values) {
                            message = message.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(
                                    String.valueOf(value)));
                        }
                        logged.add(name.toUpperCase(java.util.Locale.ROOT) + " " + message);
                    }
                    return null;
                });
    }
}
