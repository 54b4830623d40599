package io.wms.core.schema;

import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.testing.TestSql;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FullTextIndexTest {

    @RegisterExtension
    static final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    @Test
    void fullTextQueryOnProductNamesUsesTheGinIndex() {
        DSLContext sql = TestSql.on(database.dataSource());
        sql.insertInto(PRODUCTS, PRODUCTS.NAME)
                .select(DSL.select(DSL.concat(DSL.val("Product "), DSL.field("n", Integer.class).cast(String.class)))
                        .from(DSL.generateSeries(1, 20_000).as("series", "n")))
                .execute();
        sql.insertInto(PRODUCTS, PRODUCTS.NAME).values("Stainless steel widget").execute();
        sql.execute("analyze products");

        String plan = String.join("\n", sql.fetch("""
                explain select id from products
                where to_tsvector('english', name) @@ plainto_tsquery('english', 'widgets')
                """).getValues(0, String.class));

        assertThat(plan).contains("idx_products_name_gin");
    }
}
