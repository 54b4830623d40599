package io.wms.core;

import static io.wms.jooq.Tables.CATEGORIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.wms.core.LogLevel;
import io.wms.core.StatementLogger;
import io.wms.core.internal.StatementLog;
import io.wms.core.testing.RecordingLogger;
import io.wms.core.testing.TestSql;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StatementLoggerTest {

    @RegisterExtension
    static final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private final RecordingLogger recording = new RecordingLogger();
    private final List<String> logged = recording.lines();

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
    void warnLogsAStatementSlowerThanTheThreshold() {
        sql(LogLevel.WARN, Duration.ofMillis(1)).execute("select pg_sleep(0.05)");

        assertThat(logged).singleElement().asString().startsWith("WARN Slow statement");
    }

    @Test
    void errorLogsAFailedStatement() {
        assertThatThrownBy(() -> sql(LogLevel.ERROR).execute("select * from no_such_table"))
                .isInstanceOf(DataAccessException.class);

        assertThat(logged).singleElement().asString().startsWith("ERROR Statement failed (42P01)");
    }

    @Test
    void errorLogsNeitherASerializationFailureNorADeadlockSinceBothAreRetried() {
        DSLContext sql = sql(LogLevel.ERROR);
        for (String conflict : List.of("40001", "40P01")) {
            assertThatThrownBy(() -> sql.execute("do $$ begin raise exception 'conflict' using errcode = '"
                    + conflict + "'; end $$")).isInstanceOf(DataAccessException.class);
        }

        assertThat(logged).isEmpty();
    }

    /** A context whose statements are logged, none of them slow enough for WARN however busy the machine is. */
    private DSLContext sql(LogLevel level) {
        return sql(level, Duration.ofHours(1));
    }

    private DSLContext sql(LogLevel level, Duration slow) {
        DSLContext sql = TestSql.on(database.dataSource());
        sql.configuration().set(new DefaultExecuteListenerProvider(
                new StatementLogger(new StatementLog(StatementLogger.detail(level), recording.logger(), slow))));
        return sql;
    }
}
