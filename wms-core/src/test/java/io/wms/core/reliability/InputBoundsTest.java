package io.wms.core.reliability;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.ProductBatch;
import io.wms.core.repository.BatchChanges;
import io.wms.core.repository.InputLimits;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.NewUser;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductSort;
import io.wms.core.repository.SortDirection;
import io.wms.core.testing.WmsExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds of every input: instants and days in the supported range and stored exactly as given, text that is
 * valid Unicode and not longer than its cap (generation plans within their maxima: wms-generator's
 * GenerationPlanRefusalsTest). Each refusal names the field and the rule and leaves the data as it was.
 */
class InputBoundsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder
            .clock(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC))
            .warehouseZone(ZoneOffset.UTC));

    private static void assertRefused(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, failure ->
                assertThat(failure.violations()).extracting(Violation::field, Violation::rule)
                        .contains(tuple(field, rule)));
    }

    /** A cursor as an attacker would build it, knowing the format: Base64url parts joined by dots. */
    static String forgedCursor(String kind, String value, long id) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return Stream.of(kind, value, Long.toString(id))
                .map(part -> encoder.encodeToString(part.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining("."));
    }

    private long product() {
        return extension.wms().products().create(ADMIN, new NewProduct("Milk", null, null, null)).id();
    }

    private ProductBatch receivedMadeOn(LocalDate manufacturingDate) {
        long batchId = extension.wms().inventory().receive(ADMIN, new ReceiveStock(product(), "LOT-1", 10,
                manufacturingDate, TODAY.plusYears(1), null, null)).batchId();
        return extension.wms().batches().findById(ADMIN, batchId).orElseThrow();
    }

    private String storedManufacturingDate() {
        return extension.sql().select(PRODUCT_BATCHES.MANUFACTURING_DATE.cast(String.class))
                .from(PRODUCT_BATCHES).fetchSingle().value1();
    }

    // Instants and cursors (item 3)

    @Test
    void searchCreatedFromInstantMinIsRefusedNamingTheField() {
        assertRefused(() -> extension.wms().products().search(ADMIN,
                ProductQuery.all().withCreatedBetween(Instant.MIN, null), PageRequest.first(10)),
                "createdFrom", "instant_range");
    }

    @Test
    void scrollCreatedToInstantMaxIsRefusedNamingTheField() {
        assertRefused(() -> extension.wms().products().scroll(ADMIN,
                ProductQuery.all().withCreatedBetween(null, Instant.MAX), 10), "createdTo", "instant_range");
    }

    @Test
    void forgedProductCursorCarryingInstantMinIsRefusedAsNoCursor() {
        ProductQuery newest = ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.DESC);
        String forged = forgedCursor("product:CREATED_AT:DESC", Instant.MIN.toString(), 1);

        assertRefused(() -> extension.wms().products().scroll(ADMIN, newest, 10, forged), "cursor", "cursor");
    }

    @Test
    void forgedLedgerCursorCarryingAYearBeyond9999IsRefusedAsNoCursor() {
        String forged = forgedCursor("ledger:newest-first", "+10000-01-01T00:00:00Z", 1);

        assertRefused(() -> extension.wms().ledger().byBatch(ADMIN, 1, 10, forged), "cursor", "cursor");
    }

    @Test
    void transactionWithoutWorkIsRefusedAsValidation() {
        assertRefused(() -> extension.wms().inTransaction(null), "work", "required");
    }

    // Days (item 4)

    @Test
    void dayTheJulianCalendarSkippedIsStoredAsGiven() {
        ProductBatch batch = receivedMadeOn(LocalDate.of(1582, 10, 10));

        assertThat(batch.manufacturingDate()).isEqualTo(LocalDate.of(1582, 10, 10));
        assertThat(storedManufacturingDate()).isEqualTo("1582-10-10");
    }

    @Test
    void firstDayOfYearOneIsStoredAsGiven() {
        ProductBatch batch = receivedMadeOn(InputLimits.MIN_DATE);

        assertThat(batch.manufacturingDate()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(storedManufacturingDate()).isEqualTo("0001-01-01");
    }

    @Test
    void correctedDayBeforeTheGregorianReformIsStoredAsGiven() {
        ProductBatch batch = receivedMadeOn(TODAY);

        ProductBatch corrected = extension.wms().batches().update(ADMIN, batch.id(),
                new BatchChanges("LOT-1", LocalDate.of(1000, 3, 1), batch.expiryDate(), batch.version()));

        assertThat(corrected.manufacturingDate()).isEqualTo(LocalDate.of(1000, 3, 1));
        assertThat(storedManufacturingDate()).isEqualTo("1000-03-01");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-999999999-01-01", "0000-01-01", "-0044-03-15", "+10000-01-01", "+999999999-12-31"})
    void dayOutsideTheSupportedRangeIsRefusedAndNothingIsWritten(String day) {
        long product = product();

        assertRefused(() -> extension.wms().inventory().receive(ADMIN, new ReceiveStock(product, "LOT-1", 10,
                LocalDate.parse(day), null, null, null)), "manufacturingDate", "date_range");
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
    }

    @Test
    void outOfRangeDayIsNamedInAPlainMessage() {
        long product = product();

        assertThatThrownBy(() -> extension.wms().inventory().receive(ADMIN, new ReceiveStock(product, "LOT-1", 10,
                null, LocalDate.MIN, null, null)))
                .hasMessageContaining("expiryDate must be from 0001-01-01 to 9999-12-31, got -999999999-01-01");
    }

    @Test
    void queryExpiringFromOutsideTheRangeIsRefusedNamingTheField() {
        assertRefused(() -> extension.wms().products().search(ADMIN,
                ProductQuery.all().withExpiryBetween(LocalDate.MAX, null), PageRequest.first(10)),
                "expiringFrom", "date_range");
    }

    // Text (items 5 and 6)

    @Test
    void loneSurrogateInANameIsRefusedAndNothingIsWritten() {
        assertRefused(() -> extension.wms().categories().create(ADMIN, new NewProductGroup("Dairy \uD800", null)),
                "name", "no_lone_surrogate");
        assertThat(extension.sql().fetchCount(CATEGORIES)).isZero();
    }

    @Test
    void loneSurrogateInAPasswordIsRefused() {
        NewUser ann = new NewUser("ann@example.com", "correct \uD800 horse");

        assertRefused(() -> extension.wms().users().create(ADMIN, ann), "password", "no_lone_surrogate");
    }

    @Test
    void loneLowSurrogateInADescriptionIsRefused() {
        assertRefused(() -> extension.wms().products().create(ADMIN,
                new NewProduct("Milk", "fresh \uDC00 milk", null, null)), "description", "no_lone_surrogate");
        assertThat(extension.sql().fetchCount(PRODUCTS)).isZero();
    }

    @Test
    void pairedSurrogatesAreStoredAsGiven() {
        String name = "Milk 𝕎🙂";

        extension.wms().categories().create(ADMIN, new NewProductGroup(name, null));

        assertThat(extension.sql().select(CATEGORIES.NAME).from(CATEGORIES).fetchSingle().value1()).isEqualTo(name);
    }

    @Test
    void descriptionLongerThanItsCapIsRefused() {
        String tooLong = "d".repeat(InputLimits.MAX_DESCRIPTION_LENGTH + 1);

        assertRefused(() -> extension.wms().categories().create(ADMIN, new NewProductGroup("Dairy", tooLong)),
                "description", "max_length");
    }

    @Test
    void descriptionAtItsCapIsStored() {
        String longest = "d".repeat(InputLimits.MAX_DESCRIPTION_LENGTH);

        assertThat(extension.wms().categories().create(ADMIN, new NewProductGroup("Dairy", longest)).description())
                .isEqualTo(longest);
    }

    @Test
    void movementNoteLongerThanItsCapIsRefusedAndNothingIsWritten() {
        long product = product();
        String tooLong = "n".repeat(InputLimits.MAX_NOTE_LENGTH + 1);

        assertRefused(() -> extension.wms().inventory().receive(ADMIN, new ReceiveStock(product, "LOT-1", 10, null,
                null, tooLong, "key-1")), "note", "max_length");
        assertThat(extension.sql().fetchCount(PRODUCT_BATCH_TRACKS)).isZero();
    }

    @Test
    void statusChangeReasonLongerThanItsCapIsRefused() {
        long batch = receivedMadeOn(TODAY).id();

        assertRefused(() -> extension.wms().inventory().quarantine(ADMIN, batch,
                "r".repeat(InputLimits.MAX_NOTE_LENGTH + 1)), "reason", "max_length");
    }
}
