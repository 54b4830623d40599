package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.wms.core.error.TooManyRowsException;
import io.wms.core.error.ValidationException;
import io.wms.core.internal.KeysetCursor;
import io.wms.core.inventory.ProductStock;
import io.wms.core.inventory.StockReports;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.BatchWithProduct;
import io.wms.core.model.ProductBatch;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stock listings that answer with one list stop at {@link PageRequest#MAX_LISTED} rows with a typed error naming
 * their keyset form, and that form walks every row once, in the listing's order.
 */
class BoundedStockListingsTest {

    /** Far enough from today that the test's and the warehouse's day never disagree about it. */
    private static final LocalDate SOON = LocalDate.now(ZoneOffset.UTC).plusDays(10);
    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private Fixtures fixtures() {
        return new Fixtures(extension.sql());
    }

    private ProductBatchRepository batches() {
        return extension.wms().batches();
    }

    private StockReports reports() {
        return extension.wms().stockReports();
    }

    private static <T> List<T> readAll(Function<Optional<String>, KeysetPage<T>> pages) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            KeysetPage<T> page = pages.apply(cursor);
            assertThat(page.items()).as("a page holds at most its limit").hasSizeLessThanOrEqualTo(2);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    /** One more active batch of one product than a whole listing may return, each of one unit, expiring soon. */
    private long tooManyBatchesOfOneProduct(LocalDate expiryDate) {
        long productId = fixtures().product("Bread", null);
        extension.sql().transaction(configuration -> {
            DSLContext sql = DSL.using(configuration);
            // The listings read the batches alone: placing each at the default location, a trigger run per row,
            // would take most of the test's time.
            sql.execute("alter table product_batches disable trigger product_batches_place_inserted");
            sql.execute("""
                    insert into product_batches (product_id, batch_number, quantity, expiry_date)
                    select ?, 'B' || n, 1, ? from generate_series(1, ?) n""",
                    productId, expiryDate, PageRequest.MAX_LISTED + 1);
            sql.execute("alter table product_batches enable trigger product_batches_place_inserted");
        });
        return productId;
    }

    private static void refusedNaming(ThrowingCallable listing, String pagedForm) {
        assertThatThrownBy(listing)
                .isInstanceOfSatisfying(TooManyRowsException.class,
                        failure -> assertThat(failure.maximum()).isEqualTo(PageRequest.MAX_LISTED))
                .hasMessageContaining(pagedForm);
    }

    @Test
    void lowStockBeyondTheBoundIsATypedErrorNamingThePagedForm() {
        tooManyBatchesOfOneProduct(SOON);

        refusedNaming(() -> batches().lowStock(ADMIN, Integer.MAX_VALUE), "lowStock(actor, threshold, limit, cursor)");
    }

    @Test
    void expiringWithinBeyondTheBoundIsATypedErrorNamingThePagedForm() {
        tooManyBatchesOfOneProduct(SOON);

        refusedNaming(() -> reports().expiringWithin(ADMIN, 30), "expiringWithin(actor, days, limit, cursor)");
    }

    @Test
    void aProductsBatchesBeyondTheBoundAreATypedErrorNamingThePagedForm() {
        long productId = tooManyBatchesOfOneProduct(SOON);

        refusedNaming(() -> batches().byProduct(ADMIN, productId), "byProduct(actor, productId, limit, cursor)");
    }

    @Test
    void expiredBatchesBeyondTheBoundAreATypedErrorNamingThePagedForm() {
        tooManyBatchesOfOneProduct(LONG_AGO);

        refusedNaming(() -> batches().expired(ADMIN), "expired(actor, limit, cursor)");
    }

    @Test
    void stockPerProductBeyondTheBoundIsATypedErrorNamingThePagedForm() {
        extension.sql().execute("insert into products (name) select 'Product ' || n from generate_series(1, ?) n",
                PageRequest.MAX_LISTED + 1);

        refusedNaming(() -> reports().stockPerProduct(ADMIN), "stockPerProduct(actor, limit, cursor)");
    }

    @Test
    void aBatchHistoryBeyondTheBoundIsATypedErrorNamingTheLedgersPagedForm() {
        long batchId = fixtures().batch(fixtures().product("Bread", null), "B1", 1, null, BatchStatus.ACTIVE);
        extension.sql().execute("""
                insert into product_batch_tracks (product_batch_id, action, quantity_change, quantity_after)
                select ?, 'received', 1, 1 from generate_series(1, ?) n""", batchId, PageRequest.MAX_LISTED + 1);

        refusedNaming(() -> reports().history(ADMIN, batchId), "ledger().byBatch(actor, batchId, limit, cursor)");
    }

    @Test
    void lowStockReadPageByPageComesByQuantityThenIdEachOnce() {
        long bread = fixtures().product("Bread", null);
        long milk = fixtures().product("Milk", null);
        int[] quantities = {3, 1, 9, 2, 1, 3};
        for (int lot = 0; lot < quantities.length; lot++) {
            fixtures().batch(lot % 2 == 0 ? bread : milk, "Q" + lot, quantities[lot], SOON, BatchStatus.ACTIVE);
        }

        List<BatchWithProduct> paged = readAll(cursor -> cursor.isEmpty() ? batches().lowStock(ADMIN, 5, 2)
                : batches().lowStock(ADMIN, 5, 2, cursor.get()));

        assertThat(paged).isEqualTo(batches().lowStock(ADMIN, 5));
        assertThat(paged).extracting(low -> low.batch().quantity()).containsExactly(1, 1, 2, 3, 3);
        assertThat(paged).extracting(low -> low.batch().id()).doesNotHaveDuplicates();
    }

    @Test
    void expiringWithinReadPageByPageComesByExpiryDateThenIdEachOnce() {
        long bread = fixtures().product("Bread", null);
        int[] days = {3, 1, 3, 2, 1, 3, 40};
        for (int lot = 0; lot < days.length; lot++) {
            fixtures().batch(bread, "E" + lot, 5, SOON.plusDays(days[lot]), BatchStatus.ACTIVE);
        }

        List<ProductBatch> paged = readAll(cursor -> cursor.isEmpty() ? reports().expiringWithin(ADMIN, 20, 2)
                : reports().expiringWithin(ADMIN, 20, 2, cursor.get()));

        assertThat(paged).isEqualTo(reports().expiringWithin(ADMIN, 20));
        assertThat(paged).extracting(ProductBatch::expiryDate).containsExactly(SOON.plusDays(1), SOON.plusDays(1),
                SOON.plusDays(2), SOON.plusDays(3), SOON.plusDays(3), SOON.plusDays(3));
    }

    @Test
    void stockPerProductReadPageByPageHoldsEveryLineOfTheWholeReport() {
        for (String name : List.of("Tea", "Apples", "Milk", "Bread", "Apples")) {
            long productId = fixtures().product(name, null);
            fixtures().batch(productId, "B1", name.length(), SOON, BatchStatus.ACTIVE);
            fixtures().batch(productId, "B2", 100, SOON, BatchStatus.QUARANTINED);
        }

        List<ProductStock> paged = readAll(cursor -> cursor.isEmpty() ? reports().stockPerProduct(ADMIN, 2)
                : reports().stockPerProduct(ADMIN, 2, cursor.get()));

        assertThat(paged).isEqualTo(reports().stockPerProduct(ADMIN));
        assertThat(paged).extracting(ProductStock::productName)
                .containsExactly("Apples", "Apples", "Bread", "Milk", "Tea");
        assertThat(paged).extracting(ProductStock::quarantined).containsOnly(100L);
    }

    @Test
    void aProductsBatchesReadPageByPageComeFirstExpiredFirstWithTheUndatedLast() {
        long bread = fixtures().product("Bread", null);
        List<LocalDate> days = new ArrayList<>(List.of(SOON.plusDays(2), SOON, SOON.plusDays(2)));
        days.add(null);
        days.add(SOON.plusDays(1));
        days.add(null);
        days.add(null);
        int lot = 0;
        for (LocalDate day : days) {
            fixtures().batch(bread, "L" + lot++, 5, day, BatchStatus.ACTIVE);
        }

        List<ProductBatch> paged = readAll(cursor -> cursor.isEmpty() ? batches().byProduct(ADMIN, bread, 2)
                : batches().byProduct(ADMIN, bread, 2, cursor.get()));

        assertThat(paged).isEqualTo(batches().byProduct(ADMIN, bread));
        assertThat(paged).extracting(ProductBatch::expiryDate).containsExactly(SOON, SOON.plusDays(1),
                SOON.plusDays(2), SOON.plusDays(2), null, null, null);
        assertThat(paged).extracting(ProductBatch::id).doesNotHaveDuplicates();
    }

    @Test
    void expiredBatchesReadPageByPageComeByExpiryDateEachOnce() {
        long bread = fixtures().product("Bread", null);
        int[] days = {5, 1, 5, 3, 1};
        for (int lot = 0; lot < days.length; lot++) {
            fixtures().batch(bread, "X" + lot, 2, LONG_AGO.plusDays(days[lot]), BatchStatus.ACTIVE);
        }
        fixtures().batch(bread, "X-undated", 2, null, BatchStatus.EXPIRED);

        List<BatchWithProduct> paged = readAll(cursor -> cursor.isEmpty() ? batches().expired(ADMIN, 2)
                : batches().expired(ADMIN, 2, cursor.get()));

        assertThat(paged).isEqualTo(batches().expired(ADMIN));
        assertThat(paged).extracting(expired -> expired.batch().expiryDate()).containsExactly(LONG_AGO.plusDays(1),
                LONG_AGO.plusDays(1), LONG_AGO.plusDays(3), LONG_AGO.plusDays(5), LONG_AGO.plusDays(5), null);
    }

    @Test
    void batchesWithALotNumberReadPageByPageComeByIdEachOnce() {
        List<Long> ids = new ArrayList<>();
        for (String name : List.of("Tea", "Apples", "Milk", "Bread", "Salt")) {
            ids.add(fixtures().batch(fixtures().product(name, null), "LOT-7", 1, null, BatchStatus.ACTIVE));
        }

        List<ProductBatch> paged = readAll(cursor -> cursor.isEmpty() ? batches().byBatchNumber(ADMIN, "LOT-7", 2)
                : batches().byBatchNumber(ADMIN, "LOT-7", 2, cursor.get()));

        assertThat(paged).isEqualTo(batches().byBatchNumber(ADMIN, "LOT-7"));
        assertThat(paged).extracting(ProductBatch::id).containsExactlyElementsOf(ids);
    }

    @Test
    void aCursorCarryingADayWmsNeverWritesIsRefused() {
        long bread = fixtures().product("Bread", null);
        for (int day = 0; day < 3; day++) {
            fixtures().batch(bread, "D" + day, 5, SOON.plusDays(day), BatchStatus.ACTIVE);
        }
        String real = reports().expiringWithin(ADMIN, 20, 1).nextCursor().orElseThrow();
        String forged = new KeysetCursor(kindOf(real), "+99999-01-01", 1).encode();

        assertThatThrownBy(() -> reports().expiringWithin(ADMIN, 20, 1, forged))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void aCursorOfTheLowStockListingIsRefusedByTheExpiringReport() {
        long bread = fixtures().product("Bread", null);
        for (int day = 0; day < 3; day++) {
            fixtures().batch(bread, "D" + day, 1, SOON.plusDays(day), BatchStatus.ACTIVE);
        }
        String lowStock = batches().lowStock(ADMIN, 5, 1).nextCursor().orElseThrow();

        assertThatThrownBy(() -> reports().expiringWithin(ADMIN, 20, 1, lowStock))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }

    private static String kindOf(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8);
    }
}
