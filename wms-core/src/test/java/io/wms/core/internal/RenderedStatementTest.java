package io.wms.core.internal;

import static io.wms.jooq.Tables.CATEGORIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.wms.core.testing.TestSql;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.Record;
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

        Record row = insert.bind(sql, Map.of("name", "Dairy", "description", "Cold")).fetchSingle();

        assertThat(row.get(0, String.class)).isEqualTo("Dairy");
        assertThat(row.get(1, String.class)).isEqualTo("Cold / Dairy");
    }

    @Test
    void bindsNullForAParameterWithoutValue() {
        RenderedStatement insert = new RenderedStatement(sql, sql.insertInto(CATEGORIES)
                .set(CATEGORIES.NAME, name)
                .set(CATEGORIES.DESCRIPTION, description)
                .returningResult(CATEGORIES.DESCRIPTION), name, description);
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Frozen");

        Record row = insert.bind(sql, values).fetchSingle();

        assertThat(row.get(0)).isNull();
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

        Record row = select.bind(sql, Map.of("id", 41L)).fetchSingle();

        assertThat(row.get(0, String.class)).isEqualTo(":id is not a parameter here");
        assertThat(row.get(1, Long.class)).isEqualTo(42L);
    }
}
