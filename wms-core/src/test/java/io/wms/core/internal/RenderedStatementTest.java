package io.wms.core.internal;

import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.wms.core.error.DatabaseException;
import io.wms.core.model.BatchStatus;
import io.wms.core.testing.RecordingLogger;
import io.wms.core.testing.TestSql;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RenderedStatementTest {

    @RegisterExtension
    static final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private final DSLContext sql = TestSql.on(database.dataSource());
    private final Param<String> name = DSL.param("name", CATEGORIES.NAME.getDataType());
    private final Param<String> description = DSL.param("description", CATEGORIES.DESCRIPTION.getDataType());

    @Test
    void bindsEachParameterAtEveryPlaceItIsUsed() {
        RenderedStatement insert = new RenderedStatement(sql, sql.insertInto(CATEGORIES)
                .set(CATEGORIES.NAME, name)
                .set(CATEGORIES.DESCRIPTION, DSL.concat(description, DSL.inline(" / "), name))
                .returningResult(CATEGORIES.NAME, CATEGORIES.DESCRIPTION), name, description);

        List<String> row = insert.list(transactions(StatementLog.SILENT),
                result -> result.getString(1) + "|" + result.getString(2), "Dairy", "Cold");

        assertThat(row).containsExactly("Dairy|Cold / Dairy");
    }

    @Test
    void refusesAStatementThatBindsAValueOtherThanItsParameters() {
        assertThatThrownBy(() -> new RenderedStatement(sql, sql.insertInto(CATEGORIES)
                .set(CATEGORIES.NAME, name)
                .set(CATEGORIES.DESCRIPTION, DSL.val("fixed")), name))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("binds values other than its parameters");
    }

    @Test
    void readsAParameterNameOnlyWhereItIsAParameter() {
        Param<Long> id = DSL.param("id", SQLDataType.BIGINT);
        RenderedStatement select = new RenderedStatement(sql, sql.select(DSL.inline(":id is not a parameter here"),
                id.plus(DSL.inline(1L))), id);

        List<String> row = select.list(transactions(StatementLog.SILENT),
                result -> result.getString(1) + "|" + result.getLong(2), 41L);

        assertThat(row).containsExactly(":id is not a parameter here|42");
    }

    @Test
    void bindsByPositionInTheOrderTheParametersWereGiven() {
        RenderedStatement insert = new RenderedStatement(sql, sql.insertInto(CATEGORIES)
                .set(CATEGORIES.NAME, name)
                .set(CATEGORIES.DESCRIPTION, DSL.concat(description, DSL.inline(" / "), name))
                .returningResult(CATEGORIES.DESCRIPTION), description, name);

        List<String> descriptions = insert.list(transactions(StatementLog.SILENT), row -> row.getString(1),
                "Fresh", "Produce");

        assertThat(descriptions).containsExactly("Fresh / Produce");
    }

    @Test
    void bindsATypedNullAndTheDatabaseWordOfAConvertedValue() {
        Param<BatchStatus> status = DSL.param("status", PRODUCT_BATCHES.STATUS.getDataType());
        RenderedStatement select = new RenderedStatement(sql, sql.select(status, description), status, description);

        List<String> row = select.list(transactions(StatementLog.SILENT),
                result -> result.getString(1) + "|" + result.getString(2), BatchStatus.QUARANTINED, null);

        assertThat(row).containsExactly("quarantined|null");
    }

    @Test
    void logsTheStatementWithItsPlaceholdersAndRowCountNeverItsValues() {
        RecordingLogger recording = new RecordingLogger();
        RenderedStatement select = new RenderedStatement(sql, sql.select(name), name);

        select.list(transactions(new StatementLog(StatementLog.Detail.EVERY, recording.logger(), Duration.ofHours(1))),
                row -> row.getString(1), "secret-looking value");

        assertThat(recording.lines()).singleElement().asString()
                .startsWith("INFO ").contains("1 rows").contains("?").doesNotContain("secret-looking value");
    }

    @Test
    void failureIsTranslatedAndLoggedAtError() {
        RecordingLogger recording = new RecordingLogger();
        Param<Long> id = DSL.param("id", SQLDataType.BIGINT);
        RenderedStatement division = new RenderedStatement(sql, sql.select(DSL.inline(1L).div(id)), id);

        assertThatThrownBy(() -> division.list(transactions(new StatementLog(StatementLog.Detail.FAILURES, recording.logger())),
                row -> row.getLong(1), 0L))
                .isInstanceOfSatisfying(DatabaseException.class,
                        refused -> assertThat(refused.sqlState()).isEqualTo("22012"));
        assertThat(recording.lines()).singleElement().asString().startsWith("ERROR Statement failed (22012)");
    }

    private Transactions transactions(StatementLog log) {
        return new Transactions(database.dataSource(), sql.configuration(), log);
    }
}
