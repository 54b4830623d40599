package io.wms.generator;

import static io.wms.generator.GeneratorExtension.ADMIN;
import static io.wms.generator.GeneratorExtension.CLOCK;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wms.core.WmsBuilder;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The generator's fast path into empty tables (secondary indexes and foreign keys dropped before the {@code COPY} and
 * re-created from the catalog after it) leaves the schema exactly as the migrations made it, and the data exactly as
 * the plain path writes it.
 */
class DeferredIndexesAndKeysTest {

    private static final GenerationPlan PLAN = GenerationPlan.of(42, 300, 1_000, 3_000);
    private static final List<String> LOADED = List.of("categories", "brands", "products", "product_batches",
            "product_batch_tracks");
    private static final Map<String, List<String>> GENERATED_COLUMNS = Map.of(
            "categories", List.of("id", "name"),
            "brands", List.of("id", "name"),
            "products", List.of("id", "name", "category_id", "brand_id"),
            "product_batches", List.of("id", "product_id", "batch_number", "quantity", "manufacturing_date",
                    "expiry_date", "status"),
            "product_batch_tracks", List.of("id", "product_batch_id", "action", "quantity_change", "quantity_after",
                    "created_at"));

    /** Every index of the schema with its definition, and the oid that tells whether it was re-created. */
    private static final String INDEXES = """
            select tablename, indexname, indexdef, format('%I', indexname)::regclass::oid as oid
            from pg_indexes where schemaname = current_schema() order by tablename, indexname""";

    /** Every constraint of the schema with its definition and whether it is validated. */
    private static final String CONSTRAINTS = """
            select conrelid::regclass::text as "table", conname, contype, pg_get_constraintdef(oid) as definition,
                   convalidated, oid
            from pg_constraint where connamespace = current_schema()::regnamespace order by 1, 2""";

    @RegisterExtension
    final GeneratorExtension extension = new GeneratorExtension();

    @Test
    void everyIndexAndConstraintIsRecreatedWithItsDefinition() {
        String indexesBefore = definitions(INDEXES);
        String constraintsBefore = definitions(CONSTRAINTS);
        List<Long> secondaryIndexesBefore = secondaryIndexOids("product_batches");

        extension.generator().generate(ADMIN, PLAN);

        assertThat(definitions(INDEXES)).isEqualTo(indexesBefore);
        assertThat(definitions(CONSTRAINTS)).isEqualTo(constraintsBefore);
        assertThat(secondaryIndexOids("product_batches"))
                .as("re-created, so the fast path ran").doesNotContainAnyElementsOf(secondaryIndexesBefore);
    }

    @Test
    void foreignKeysAreValidAgainAndRefuseOrphans() {
        extension.generator().generate(ADMIN, PLAN);

        assertThat(extension.sql().fetchCount(DSL.table("pg_constraint"),
                DSL.condition("connamespace = current_schema()::regnamespace and contype = 'f' and not convalidated")))
                .as("foreign keys left unvalidated (V14's NOT VALID check binds new rows only, by design)").isZero();
        assertThatThrownBy(() -> extension.sql().insertInto(PRODUCT_BATCHES)
                .set(PRODUCT_BATCHES.PRODUCT_ID, Long.MAX_VALUE)
                .set(PRODUCT_BATCHES.BATCH_NUMBER, "ORPHAN")
                .set(PRODUCT_BATCHES.QUANTITY, 1)
                .set(PRODUCT_BATCHES.STATUS, BatchStatus.ACTIVE)
                .execute())
                .isInstanceOfSatisfying(DataAccessException.class,
                        failure -> assertThat(failure.sqlState()).isEqualTo("23503"));
    }

    @Test
    void theFastPathWritesTheSameRowsAsThePlainPath() {
        extension.generator().generate(ADMIN, PLAN);

        try (WmsTestDatabase other = WmsTestServer.shared().createDatabase()) {
            DSLContext plain = GeneratorExtension.sql(other.dataSource());
            List<Long> plainIndexesBefore = secondaryIndexOids(plain, "product_batches");

            new CopyGenerator(other.dataSource(), WmsMigrations.DEFAULT_SCHEMA, CLOCK,
                    WmsBuilder.DEFAULT_WAREHOUSE_ZONE, false).generate(ADMIN, PLAN);

            assertThat(secondaryIndexOids(plain, "product_batches"))
                    .as("the plain path re-creates nothing").isEqualTo(plainIndexesBefore);
            for (String table : LOADED) {
                assertThat(fingerprint(extension.sql(), table)).as(table).isEqualTo(fingerprint(plain, table));
            }
        }
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isEqualTo(PLAN.batches());
    }

    @Test
    void aTableThatAlreadyHasRowsIsLoadedAsItIs() {
        extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Already here").execute();
        List<Long> productIndexesBefore = secondaryIndexOids("products");
        List<Long> batchIndexesBefore = secondaryIndexOids("product_batches");
        String indexesBefore = definitions(INDEXES);

        extension.generator().generate(ADMIN, PLAN);

        assertThat(secondaryIndexOids("products")).isEqualTo(productIndexesBefore);
        assertThat(secondaryIndexOids("product_batches")).doesNotContainAnyElementsOf(batchIndexesBefore);
        assertThat(definitions(INDEXES)).isEqualTo(indexesBefore);
        assertThat(extension.sql().fetchCount(PRODUCTS)).isEqualTo(PLAN.products() + 1);
    }

    @Test
    void aCopyThatFailsLeavesEveryIndexAndConstraintInPlace() {
        // Generated ledger rows reach quantities above 10, so the last COPY fails after every other table was
        // loaded through the fast path and while the ledger's own indexes and foreign keys are dropped.
        assertFailureLeavesTheSchemaAsItWas(
                "alter table product_batch_tracks add constraint test_small check (quantity_after < 10)",
                ValidationException.class);
    }

    @Test
    void aDefinitionThatNoLongerHoldsAfterTheCopyRollsEverythingBack() {
        // Most batches have several ledger rows: re-creating this index after the COPY fails.
        assertFailureLeavesTheSchemaAsItWas(
                "create unique index test_one_row_per_batch on product_batch_tracks (product_batch_id)",
                DuplicateException.class);
    }

    @Test
    void aRoleThatDoesNotOwnTheTablesGetsThePlainPath() {
        String role = "wms_gen_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        extension.sql().execute("create role " + role + " login password 'gen-secret'");
        try {
            WmsMigrations.on(extension.database().dataSource()).grantApplicationRole(role);
            // Reserving a block of ids moves the sequences (setval) and the rows carry those ids and their ledger
            // times, none of which the application role may do.
            extension.sql().execute("grant update on all sequences in schema wms to " + role);
            extension.sql().execute("grant insert on all tables in schema wms to " + role);
            PGSimpleDataSource asRole = new PGSimpleDataSource();
            asRole.setURL(extension.database().jdbcUrl());
            asRole.setUser(role);
            asRole.setPassword("gen-secret");
            String indexesBefore = withOids(INDEXES);
            String constraintsBefore = withOids(CONSTRAINTS);

            SyntheticDataGenerator.builder().dataSource(asRole).clock(CLOCK).build().generate(ADMIN, PLAN);

            assertThat(withOids(INDEXES)).isEqualTo(indexesBefore);
            assertThat(withOids(CONSTRAINTS)).isEqualTo(constraintsBefore);
            assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isEqualTo(PLAN.batches());
        } finally {
            extension.sql().execute("drop owned by " + role);
            extension.sql().execute("drop role " + role);
        }
    }

    private void assertFailureLeavesTheSchemaAsItWas(String failingRule, Class<? extends Exception> failure) {
        extension.sql().execute(failingRule);
        String indexesBefore = withOids(INDEXES);
        String constraintsBefore = withOids(CONSTRAINTS);

        assertThatThrownBy(() -> extension.generator().generate(ADMIN, PLAN)).isInstanceOf(failure);

        assertThat(withOids(INDEXES)).isEqualTo(indexesBefore);
        assertThat(withOids(CONSTRAINTS)).isEqualTo(constraintsBefore);
        for (String table : LOADED) {
            assertThat(extension.sql().fetchCount(DSL.table(DSL.name(table)))).as(table).isZero();
        }
    }

    /** The catalog rows without their oids: what the migrations defined, whether or not it was re-created. */
    private String definitions(String catalogQuery) {
        Result<Record> rows = extension.sql().resultQuery(catalogQuery).fetch();
        return rows.into(Arrays.stream(rows.fields()).filter(field -> !field.getName().equals("oid"))
                .toArray(Field[]::new)).formatCSV();
    }

    private String withOids(String catalogQuery) {
        return extension.sql().resultQuery(catalogQuery).fetch().formatCSV();
    }

    private List<Long> secondaryIndexOids(String table) {
        return secondaryIndexOids(extension.sql(), table);
    }

    private static List<Long> secondaryIndexOids(DSLContext sql, String table) {
        return sql.resultQuery("""
                select indexrelid::bigint from pg_index
                where indrelid = {0}::regclass and not indisprimary order by indexrelid""", DSL.val(table))
                .fetch(0, Long.class);
    }

    /** The count and an md5 of the table's rows in id order: the ids and every column the generator writes. */
    private static String fingerprint(DSLContext sql, String table) {
        Field<?>[] columns = GENERATED_COLUMNS.get(table).stream().map(column -> DSL.field(DSL.name(column)))
                .toArray(Field[]::new);
        return sql.resultQuery("""
                select count(*) || ' ' || md5(coalesce(string_agg(({1})::text, E'\\n' order by id), ''))
                from {0}""", DSL.name(table), DSL.row(columns)).fetchSingle().get(0, String.class);
    }
}
