package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.wms.core.error.TooManyRowsException;
import io.wms.core.error.ValidationException;
import io.wms.core.inventory.InventoryReportLine;
import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.Category;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.Role;
import io.wms.core.model.User;
import io.wms.core.seed.SeedOptions;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No listing loads an unbounded table: each has a keyset form read page by page, its read-everything form stops at
 * {@link PageRequest#MAX_LISTED} rows with a typed error, and a product's full tracking carries each batch's newest
 * ledger rows only.
 */
class BoundedListingsTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private static <T> List<T> readAll(Function<Optional<String>, KeysetPage<T>> pages) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            KeysetPage<T> page = pages.apply(cursor);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    private void categories(int count) {
        extension.sql().execute("insert into categories (name) select 'Category ' || lpad(n::text, 6, '0') "
                + "from generate_series(1, ?) n", count);
    }

    @Test
    void categoriesReadPageByPageComeInNameOrderEachOnce() {
        categories(7);

        List<Category> paged = readAll(cursor -> cursor.isEmpty()
                ? extension.wms().categories().list(ADMIN, 3)
                : extension.wms().categories().list(ADMIN, 3, cursor.get()));

        assertThat(paged).isEqualTo(extension.wms().categories().list(ADMIN));
        assertThat(paged).hasSize(7);
    }

    @Test
    void listingEverythingBeyondTheBoundIsATypedErrorNamingThePagedForm() {
        categories(PageRequest.MAX_LISTED + 1);

        assertThatThrownBy(() -> extension.wms().categories().list(ADMIN))
                .isInstanceOfSatisfying(TooManyRowsException.class,
                        failure -> assertThat(failure.maximum()).isEqualTo(PageRequest.MAX_LISTED))
                .hasMessageContaining("list(actor, limit, cursor)");
    }

    @Test
    void listingEverythingAtTheBoundReturnsEveryRow() {
        categories(PageRequest.MAX_LISTED);

        assertThat(extension.wms().categories().list(ADMIN)).hasSize(PageRequest.MAX_LISTED);
    }

    @Test
    void cursorOfAnotherListingIsRefused() {
        categories(3);
        String categoryCursor = extension.wms().categories().list(ADMIN, 1).nextCursor().orElseThrow();

        assertThatThrownBy(() -> extension.wms().brands().list(ADMIN, 1, categoryCursor))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }

    @Test
    void usersReadPageByPageComeInCreationOrder() {
        Fixtures fixtures = new Fixtures(extension.sql());
        List<Long> created = new ArrayList<>();
        for (String email : List.of("c@x.com", "a@x.com", "b@x.com")) {
            created.add(fixtures.user(email));
        }

        List<User> paged = readAll(cursor -> cursor.isEmpty() ? extension.wms().users().list(ADMIN, 2)
                : extension.wms().users().list(ADMIN, 2, cursor.get()));

        assertThat(paged).extracting(User::id).containsExactlyElementsOf(created);
    }

    @Test
    void rolesReadPageByPageComeInNameOrder() {
        extension.wms().seeding().run(ADMIN, SeedOptions.rolesOnly());

        List<Role> paged = readAll(cursor -> cursor.isEmpty() ? extension.wms().roles().list(ADMIN, 3)
                : extension.wms().roles().list(ADMIN, 3, cursor.get()));

        assertThat(paged).extracting(Role::name).containsExactly("admin", "manager", "operator", "viewer");
    }

    @Test
    void inventoryReportReadPageByPageHoldsEveryLineOfTheWholeReport() {
        Fixtures fixtures = new Fixtures(extension.sql());
        for (String name : List.of("Tea", "Apples", "Milk", "Bread", "Apples")) {
            fixtures.product(name, null);
        }

        List<InventoryReportLine> paged = readAll(cursor -> cursor.isEmpty()
                ? extension.wms().stockReports().inventoryReport(ADMIN, 2)
                : extension.wms().stockReports().inventoryReport(ADMIN, 2, cursor.get()));

        assertThat(paged).isEqualTo(extension.wms().stockReports().inventoryReport(ADMIN));
        assertThat(paged).extracting(InventoryReportLine::productName)
                .containsExactly("Apples", "Apples", "Bread", "Milk", "Tea");
    }

    @Test
    void fullTrackingCarriesTheNewestLedgerRowsOfALongLedgerAndSaysThereAreOlderOnes() {
        long productId = new Fixtures(extension.sql()).product("Bread", null);
        extension.sql().execute("insert into product_batches (product_id, batch_number, quantity) values (?, 'B1', 1)",
                productId);
        extension.sql().execute("""
                insert into product_batch_tracks (product_batch_id, action, quantity_change, quantity_after, created_at)
                select b.id, 'received', 1, 1, timestamptz '2026-01-01' + n * interval '1 minute'
                from product_batches b cross join generate_series(1, ?) n""",
                ProductRepository.MAX_HISTORY_PER_BATCH + 5);

        ProductDetails details = extension.wms().products().findWithFullTracking(ADMIN, productId).orElseThrow();

        BatchWithHistory batch = details.batches().get(0);
        assertThat(batch.history()).hasSize(ProductRepository.MAX_HISTORY_PER_BATCH);
        assertThat(batch.olderHistory()).isTrue();
        assertThat(batch.history().get(0).track().createdAt())
                .isEqualTo(java.time.Instant.parse("2026-01-01T00:00:00Z")
                        .plusSeconds(60L * (ProductRepository.MAX_HISTORY_PER_BATCH + 5)));
    }

    @Test
    void fullTrackingOfAShortLedgerCarriesItWholeAndSaysSo() {
        long productId = new Fixtures(extension.sql()).product("Bread", null);
        extension.sql().execute("insert into product_batches (product_id, batch_number, quantity) values (?, 'B1', 1)",
                productId);
        extension.sql().execute("""
                insert into product_batch_tracks (product_batch_id, action, quantity_change, quantity_after)
                select b.id, 'received', 1, 1 from product_batches b cross join generate_series(1, ?) n""",
                ProductRepository.MAX_HISTORY_PER_BATCH);

        BatchWithHistory batch = extension.wms().products().findWithFullTracking(ADMIN, productId).orElseThrow()
                .batches().get(0);

        assertThat(batch.history()).hasSize(ProductRepository.MAX_HISTORY_PER_BATCH);
        assertThat(batch.olderHistory()).isFalse();
    }
}
