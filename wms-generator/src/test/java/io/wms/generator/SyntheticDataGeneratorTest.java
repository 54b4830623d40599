package io.wms.generator;

import static io.wms.generator.GeneratorExtension.ADMIN;
import static io.wms.generator.GeneratorExtension.CLOCK;
import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.sum;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.TrackAction;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

class SyntheticDataGeneratorTest {

    private static final GenerationPlan SMALL = GenerationPlan.of(42, 200, 1000, 3000);

    @RegisterExtension
    final GeneratorExtension extension = new GeneratorExtension();

    @Test
    void generatesExactlyThePlannedRows() {
        GenerationReport report = extension.generator().generate(ADMIN, SMALL);
        DSLContext sql = extension.sql();

        assertThat(sql.fetchCount(CATEGORIES)).isEqualTo(2);
        assertThat(sql.fetchCount(BRANDS)).isEqualTo(4);
        assertThat(sql.fetchCount(PRODUCTS)).isEqualTo(200);
        assertThat(sql.fetchCount(PRODUCT_BATCHES)).isEqualTo(1000);
        assertThat(sql.fetchCount(PRODUCT_BATCH_TRACKS)).isEqualTo(3000);
        assertThat(report.table("product_batch_tracks").rows()).isEqualTo(3000);
        assertThat(report.table("products").rowsPerSecond()).isPositive();
    }

    @Test
    void everyBatchQuantityIsTheSumOfItsLedger() {
        extension.generator().generate(ADMIN, SMALL);

        int mismatches = extension.sql().fetchCount(extension.sql()
                .select(PRODUCT_BATCHES.ID)
                .from(PRODUCT_BATCHES)
                .join(PRODUCT_BATCH_TRACKS).on(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .groupBy(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY)
                .having(sum(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE).ne(PRODUCT_BATCHES.QUANTITY.cast(BigDecimal.class))));
        int batchesWithoutReceipt = extension.sql().fetchCount(PRODUCT_BATCHES,
                org.jooq.impl.DSL.notExists(extension.sql().selectOne().from(PRODUCT_BATCH_TRACKS)
                        .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID)
                                .and(PRODUCT_BATCH_TRACKS.ACTION.eq(TrackAction.RECEIVED)))));

        assertThat(mismatches).isZero();
        assertThat(batchesWithoutReceipt).isZero();
    }

    @Test
    void theSameSeedGeneratesTheSameData() {
        GenerationPlan plan = GenerationPlan.of(7, 20, 50, 120);
        extension.generator().generate(ADMIN, plan);

        try (WmsTestDatabase other = WmsTestServer.shared().createDatabase()) {
            SyntheticDataGenerator.builder().dataSource(other.dataSource()).clock(CLOCK).build().generate(ADMIN, plan);

            assertThat(fingerprint(GeneratorExtension.sql(other.dataSource())))
                    .isEqualTo(fingerprint(extension.sql()));
        }
    }

    @Test
    void ledgerTimesKeepTheClockToTheMicrosecondRoundedAsPostgresRoundsText() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-10T09:00:00.123456789Z"), ZoneOffset.UTC);
        try (WmsTestDatabase other = WmsTestServer.shared().createDatabase()) {
            SyntheticDataGenerator.builder().dataSource(other.dataSource()).clock(clock).build()
                    .generate(ADMIN, GenerationPlan.of(7, 20, 50, 120));
            DSLContext sql = GeneratorExtension.sql(other.dataSource());

            assertThat(sql.selectDistinct(DSL.field("extract(microseconds from {0})::bigint % 1000000", Long.class,
                    PRODUCT_BATCH_TRACKS.CREATED_AT)).from(PRODUCT_BATCH_TRACKS).fetch().getValues(0, Long.class))
                    .containsExactly(123_457L);
            assertThat(sql.select(DSL.max(PRODUCT_BATCH_TRACKS.CREATED_AT)).from(PRODUCT_BATCH_TRACKS).fetchSingle()
                    .value1()).isBefore(clock.instant());
        }
    }

    @Test
    void aPlanWithBinsSpreadsTheBatchesOverThemAndTheLedgerProvesEveryBin() {
        GenerationReport report = extension.generator().generate(ADMIN, SMALL.withBins(40));
        DSLContext sql = extension.sql();

        assertThat(report.table("locations").rows()).isEqualTo(40);
        assertThat(sql.fetchCount(LOCATIONS, LOCATIONS.CODE.like("BIN-%"))).isEqualTo(40);
        assertThat(sql.select(DSL.countDistinct(BATCH_LOCATIONS.LOCATION_ID)).from(BATCH_LOCATIONS)
                .where(BATCH_LOCATIONS.QUANTITY.gt(0)).fetchSingle().value1()).isEqualTo(40);
        assertThat(sql.fetchCount(BATCH_LOCATIONS, BATCH_LOCATIONS.LOCATION_ID.in(
                sql.select(LOCATIONS.ID).from(LOCATIONS).where(LOCATIONS.IS_DEFAULT.isTrue())))).isZero();
        assertThat(extension.wms().inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void everyGeneratedBatchHoldsInItsLocationsExactlyItsQuantity() {
        extension.generator().generate(ADMIN, SMALL.withBins(7));
        DSLContext sql = extension.sql();

        assertThat(sql.fetchCount(sql.select(PRODUCT_BATCHES.ID)
                .from(PRODUCT_BATCHES)
                .leftJoin(BATCH_LOCATIONS).on(BATCH_LOCATIONS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .groupBy(PRODUCT_BATCHES.ID, PRODUCT_BATCHES.QUANTITY)
                .having(DSL.coalesce(sum(BATCH_LOCATIONS.QUANTITY), BigDecimal.ZERO)
                        .ne(PRODUCT_BATCHES.QUANTITY.cast(BigDecimal.class))))).isZero();
    }

    @Test
    void thePlacementTriggersAreOnAgainAfterTheLoad() {
        extension.generator().generate(ADMIN, SMALL);

        assertThat(placementTriggers()).containsOnly(Map.entry("product_batches_place_inserted", "O"),
                        Map.entry("batch_locations_sum_matches_batch", "O"));
    }

    @Test
    void thePlacementTriggersAreOnAgainAfterALoadThatFailedWhileTheyWereSuspended() {
        // Generated batches hold more than 10 units: the batches' COPY fails with both triggers suspended.
        extension.sql().execute("alter table product_batches add constraint test_small check (quantity < 10)");

        assertThatThrownBy(() -> extension.generator().generate(ADMIN, SMALL))
                .isInstanceOf(ValidationException.class);

        assertThat(placementTriggers()).containsOnly(Map.entry("product_batches_place_inserted", "O"),
                Map.entry("batch_locations_sum_matches_batch", "O"));
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void aGeneratorOnAnotherSchemaLoadsIntoThatSchema() {
        WmsMigrations.on(extension.database().dataSource(), "other_wms").migrate();

        SyntheticDataGenerator.builder().dataSource(extension.database().dataSource()).schema("other_wms")
                .clock(CLOCK).build().generate(ADMIN, SMALL);

        assertThat(extension.sql().fetchSingle("select count(*) from other_wms.products").get(0, Integer.class))
                .isEqualTo(SMALL.products());
        assertThat(extension.sql().fetchCount(PRODUCTS)).as("the schema wms").isZero();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsARetryableFailure() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://127.0.0.1:1/wms");

        assertThatThrownBy(() -> SyntheticDataGenerator.on(unreachable).generate(ADMIN, SMALL))
                .isInstanceOfSatisfying(RetryableException.class,
                        failure -> assertThat(failure.sqlState()).startsWith("08"));
    }

    @Test
    void aPlanWithoutBinsKeepsEveryBatchInTheDefaultLocation() {
        extension.generator().generate(ADMIN, SMALL);

        assertThat(extension.sql().fetchCount(LOCATIONS)).isEqualTo(1);
        assertThat(extension.wms().inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aPlanWithMoreBinsThanTheMaximumIsRefusedNamingBins() {
        assertThatThrownBy(() -> extension.generator().generate(ADMIN,
                SMALL.withBins(GenerationPlan.MAX_BINS + 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("bins")).isTrue());
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void aPlanWithFewerTracksThanBatchesIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> extension.generator().generate(ADMIN, GenerationPlan.of(1, 10, 10, 5)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("tracks")).isTrue());
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    /** Each placement trigger of the schema wms and whether it fires ({@code O}: on origin, as created). */
    private Map<String, String> placementTriggers() {
        return extension.sql().fetch("""
                select t.tgname, t.tgenabled from pg_catalog.pg_trigger t
                 where t.tgname in ('product_batches_place_inserted', 'batch_locations_sum_matches_batch')
                   and t.tgrelid::regclass::text like '%batch%'""")
                .collect(Collectors.toMap(row -> row.get(0, String.class), row -> row.get(1, String.class)));
    }

    private static String fingerprint(DSLContext sql) {
        return sql.select(PRODUCTS.NAME, PRODUCTS.CATEGORY_ID, PRODUCTS.BRAND_ID).from(PRODUCTS)
                .orderBy(PRODUCTS.ID).fetch().formatCSV()
                + sql.select(PRODUCT_BATCHES.PRODUCT_ID, PRODUCT_BATCHES.QUANTITY, PRODUCT_BATCHES.EXPIRY_DATE,
                        PRODUCT_BATCHES.STATUS).from(PRODUCT_BATCHES).orderBy(PRODUCT_BATCHES.ID).fetch().formatCSV()
                + sql.select(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, PRODUCT_BATCH_TRACKS.ACTION,
                        PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, PRODUCT_BATCH_TRACKS.QUANTITY_AFTER,
                        PRODUCT_BATCH_TRACKS.CREATED_AT).from(PRODUCT_BATCH_TRACKS)
                .orderBy(PRODUCT_BATCH_TRACKS.ID).fetch().formatCSV();
    }
}
