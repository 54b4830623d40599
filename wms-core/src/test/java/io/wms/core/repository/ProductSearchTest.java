package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.Product;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductSearchTest {

    private static final LocalDate JUNE = LocalDate.of(2030, 6, 1);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ProductRepository products() {
        return extension.wms().products();
    }

    private Fixtures fixtures() {
        return new Fixtures(extension.sql());
    }

    private List<String> names(ProductQuery query) {
        return products().search(ADMIN, query, PageRequest.first(PageRequest.MAX_LIMIT)).items().stream()
                .map(Product::name).toList();
    }

    @Test
    void textSearchMatchesStemmedWordsInNames() {
        fixtures().product("Stainless steel widget", null);
        fixtures().product("Blue widgets", null);
        fixtures().product("Gadget", null);

        assertThat(names(ProductQuery.all().withText("widgets"))).containsExactly("Blue widgets",
                "Stainless steel widget");
    }

    @Test
    void textSearchTakesWebSearchSyntax() {
        fixtures().product("Stainless steel widget", null);
        fixtures().product("Blue widget", null);

        assertThat(names(ProductQuery.all().withText("widget -blue"))).containsExactly("Stainless steel widget");
    }

    @Test
    void categoryAndBrandFiltersCombine() {
        long food = extension.wms().categories().create(ADMIN, new NewProductGroup("Food", null)).id();
        long acme = extension.wms().brands().create(ADMIN, new NewProductGroup("Acme", null)).id();
        products().create(ADMIN, new NewProduct("Acme bread", null, food, acme));
        products().create(ADMIN, new NewProduct("Plain bread", null, food, null));
        products().create(ADMIN, new NewProduct("Acme hammer", null, null, acme));

        assertThat(names(ProductQuery.all().withCategory(food).withBrand(acme))).containsExactly("Acme bread");
    }

    @Test
    void batchStatusFilterFindsProductsWithALiveBatchInThatStatus() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        long cheese = fixtures().product("Cheese", null);
        fixtures().batch(bread, "Q1", 1, null, BatchStatus.QUARANTINED);
        fixtures().batch(apples, "A1", 1, null, BatchStatus.ACTIVE);
        long deleted = fixtures().batch(cheese, "Q2", 1, null, BatchStatus.QUARANTINED);
        extension.wms().batches().delete(ADMIN, deleted);

        assertThat(names(ProductQuery.all().withBatchStatus(BatchStatus.QUARANTINED))).containsExactly("Bread");
    }

    @Test
    void expiryRangeFindsProductsWithABatchExpiringInsideIt() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        long cheese = fixtures().product("Cheese", null);
        fixtures().batch(bread, "B", 1, JUNE, BatchStatus.ACTIVE);
        fixtures().batch(apples, "A", 1, JUNE.plusDays(30), BatchStatus.ACTIVE);
        fixtures().batch(cheese, "C", 1, null, BatchStatus.ACTIVE);

        assertThat(names(ProductQuery.all().withExpiryBetween(JUNE.minusDays(1), JUNE.plusDays(7))))
                .containsExactly("Bread");
        assertThat(names(ProductQuery.all().withExpiryBetween(JUNE.plusDays(1), null))).containsExactly("Apples");
    }

    @Test
    void createdRangeIncludesItsStartAndExcludesItsEnd() {
        long first = fixtures().product("First", null);
        long second = fixtures().product("Second", null);
        Instant start = extension.sql().fetchValue(PRODUCTS.CREATED_AT, PRODUCTS.ID.eq(first));
        Instant end = extension.sql().fetchValue(PRODUCTS.CREATED_AT, PRODUCTS.ID.eq(second));

        assertThat(names(ProductQuery.all().withCreatedBetween(start, end))).containsExactly("First");
    }

    @Test
    void sortByCreationDescendingListsNewestFirst() {
        fixtures().product("Old", null);
        fixtures().product("Middle", null);
        fixtures().product("New", null);

        assertThat(names(ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.DESC)))
                .containsExactly("New", "Middle", "Old");
    }

    @Test
    void equalNamesAreOrderedByIdSoPagesNeverOverlap() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fixtures().product("Same", null));
        }

        List<Long> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            products().search(ADMIN, ProductQuery.all(), new PageRequest(page, 2)).items()
                    .forEach(product -> paged.add(product.id()));
        }

        assertThat(paged).containsExactlyElementsOf(ids);
    }

    @Test
    void scrollingByNameVisitsEveryProductOnceInOrder() {
        List<Product> expected = new ArrayList<>();
        for (String name : new String[] {"Dates", "Apples", "Bread", "Apples", "Cheese", "Bread", "Eggs"}) {
            expected.add(products().create(ADMIN, new NewProduct(name, null, null, null)));
        }
        expected.sort(Comparator.comparing(Product::name).thenComparing(Product::id));

        assertThat(scrollAll(ProductQuery.all(), 3)).containsExactlyElementsOf(expected);
    }

    @Test
    void scrollingByNameDescendingVisitsEveryProductOnceInReverseOrder() {
        List<Product> expected = new ArrayList<>();
        for (String name : new String[] {"Dates", "Apples", "Bread", "Apples", "Cheese"}) {
            expected.add(products().create(ADMIN, new NewProduct(name, null, null, null)));
        }
        expected.sort(Comparator.comparing(Product::name).thenComparing(Product::id).reversed());

        assertThat(scrollAll(ProductQuery.all().sortedBy(ProductSort.NAME, SortDirection.DESC), 2))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void scrollingByCreationTimeVisitsEveryProductOnce() {
        List<Product> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(products().create(ADMIN, new NewProduct("P" + i, null, null, null)));
        }

        assertThat(scrollAll(ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.ASC), 2))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void scrollingByIdWithAFilterVisitsOnlyMatchingProducts() {
        products().create(ADMIN, new NewProduct("Blue widget", null, null, null));
        products().create(ADMIN, new NewProduct("Gadget", null, null, null));
        products().create(ADMIN, new NewProduct("Red widget", null, null, null));

        assertThat(scrollAll(ProductQuery.all().withText("widget").sortedBy(ProductSort.ID, SortDirection.ASC), 1))
                .extracting(Product::name).containsExactly("Blue widget", "Red widget");
    }

    @Test
    void lastKeysetPageHasNoCursor() {
        products().create(ADMIN, new NewProduct("Bread", null, null, null));

        KeysetPage<Product> page = products().scroll(ADMIN, ProductQuery.all(), 1);

        assertThat(page.items()).hasSize(1);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void cursorOfAnotherOrderIsRefused() {
        products().create(ADMIN, new NewProduct("Bread", null, null, null));
        products().create(ADMIN, new NewProduct("Apples", null, null, null));
        String byName = products().scroll(ADMIN, ProductQuery.all(), 1).nextCursor().orElseThrow();

        assertThatThrownBy(() -> products().scroll(ADMIN,
                ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.ASC), 1, byName))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("cursor")).isTrue());
    }

    @Test
    void malformedCursorIsRefusedWithTheOtherViolations() {
        assertThatThrownBy(() -> products().scroll(ADMIN, ProductQuery.all(), 0, "not a cursor"))
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.hasViolation("cursor")).isTrue();
                    assertThat(failure.hasViolation("limit")).isTrue();
                });
    }

    @Test
    void everyInvalidQueryFieldIsReportedAtOnce() {
        ProductQuery query = new ProductQuery("w".repeat(ProductQuery.MAX_TEXT_LENGTH + 1), null, null, null,
                JUNE, JUNE.minusDays(1), Instant.parse("2030-01-02T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"),
                null, null);

        assertThatThrownBy(() -> products().search(ADMIN, query, new PageRequest(0, 10)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("text", "sort", "direction", "expiringTo", "createdTo", "page"));
    }

    // Each shape of listing is rendered once and kept: listings of different shapes asked for one after the other on
    // the same instance must each run their own statement with their own values.

    @Test
    void searchWithTextThenWithoutReturnsEachItsOwnRows() {
        fixtures().product("Blue widget", null);
        fixtures().product("Gadget", null);

        assertThat(names(ProductQuery.all().withText("widget"))).containsExactly("Blue widget");
        assertThat(names(ProductQuery.all())).containsExactly("Blue widget", "Gadget");
        assertThat(names(ProductQuery.all().withText("gadget"))).containsExactly("Gadget");
    }

    @Test
    void searchByCategoryThenByBrandBindsEachToItsOwnColumn() {
        long food = categoryId("Food");
        long acme = brandId("Acme");
        products().create(ADMIN, new NewProduct("Bread", null, food, null));
        products().create(ADMIN, new NewProduct("Hammer", null, null, acme));

        assertThat(names(ProductQuery.all().withCategory(food))).containsExactly("Bread");
        assertThat(names(ProductQuery.all().withBrand(acme))).containsExactly("Hammer");
        assertThat(names(ProductQuery.all())).containsExactly("Bread", "Hammer");
    }

    @Test
    void searchWithTextAndCategoryBindsBothAfterSearchesWithEither() {
        long food = categoryId("Food");
        products().create(ADMIN, new NewProduct("Widget bread", null, food, null));
        products().create(ADMIN, new NewProduct("Widget hammer", null, null, null));
        products().create(ADMIN, new NewProduct("Plain bread", null, food, null));

        assertThat(names(ProductQuery.all().withText("widget"))).containsExactly("Widget bread", "Widget hammer");
        assertThat(names(ProductQuery.all().withCategory(food))).containsExactly("Plain bread", "Widget bread");
        assertThat(names(ProductQuery.all().withText("widget").withCategory(food))).containsExactly("Widget bread");
    }

    @Test
    void searchAscendingThenDescendingReturnsEachOrder() {
        productsNamed("Apples", "Bread", "Cheese");

        assertThat(names(ProductQuery.all())).containsExactly("Apples", "Bread", "Cheese");
        assertThat(names(ProductQuery.all().sortedBy(ProductSort.NAME, SortDirection.DESC)))
                .containsExactly("Cheese", "Bread", "Apples");
    }

    @Test
    void searchByBatchStatusThenByExpiryBindsEachToItsOwnCondition() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        fixtures().batch(bread, "Q1", 1, JUNE.plusDays(60), BatchStatus.QUARANTINED);
        fixtures().batch(apples, "A1", 1, JUNE, BatchStatus.ACTIVE);

        assertThat(names(ProductQuery.all().withBatchStatus(BatchStatus.QUARANTINED))).containsExactly("Bread");
        assertThat(names(ProductQuery.all().withExpiryBetween(JUNE, JUNE.plusDays(7)))).containsExactly("Apples");
        assertThat(names(ProductQuery.all().withBatchStatus(BatchStatus.ACTIVE)
                .withExpiryBetween(JUNE, JUNE.plusDays(7)))).containsExactly("Apples");
    }

    @Test
    void pageOfAnOffsetReadsTheRowsAfterIt() {
        productsNamed("Apples", "Bread", "Cheese");

        Page<Product> first = products().search(ADMIN, ProductQuery.all(), new PageRequest(1, 2));
        Page<Product> second = products().search(ADMIN, ProductQuery.all(), new PageRequest(2, 2));

        assertThat(names(first.items())).containsExactly("Apples", "Bread");
        assertThat(first.hasNext()).isTrue();
        assertThat(names(second.items())).containsExactly("Cheese");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void pagesWithoutTotalAndWithExactTotalCarryTheTotalOnlyWhenAsked() {
        productsNamed("Apples", "Bread", "Cheese", "Dates");

        Page<Product> uncounted = products().search(ADMIN, ProductQuery.all(), PageRequest.first(2));
        Page<Product> counted = products().search(ADMIN, ProductQuery.all(),
                PageRequest.first(2).withTotal(TotalCount.EXACT));
        Page<Product> uncountedAgain = products().search(ADMIN, ProductQuery.all(), PageRequest.first(2));

        assertThat(names(uncounted.items())).containsExactly("Apples", "Bread");
        assertThat(uncounted.total()).isEmpty();
        assertThat(names(counted.items())).containsExactly("Apples", "Bread");
        assertThat(counted.total()).hasValue(4);
        assertThat(names(uncountedAgain.items())).containsExactly("Apples", "Bread");
        assertThat(uncountedAgain.total()).isEmpty();
    }

    @Test
    void exactTotalCountsOnlyTheRowsOfItsOwnFilter() {
        long food = categoryId("Food");
        for (String name : new String[] {"Apples", "Bread", "Cheese"}) {
            products().create(ADMIN, new NewProduct(name, null, food, null));
        }
        productsNamed("Hammer", "Nails");
        PageRequest counted = PageRequest.first(1).withTotal(TotalCount.EXACT);

        assertThat(products().search(ADMIN, ProductQuery.all(), counted).total()).hasValue(5);
        assertThat(products().byCategory(ADMIN, food, counted).total()).hasValue(3);
    }

    @Test
    void scrollWithoutCursorThenWithItThenWithoutAgainReturnsEachPage() {
        productsNamed("Apples", "Bread", "Cheese");

        KeysetPage<Product> first = products().scroll(ADMIN, ProductQuery.all(), 2);
        KeysetPage<Product> second = products().scroll(ADMIN, ProductQuery.all(), 2, first.nextCursor().orElseThrow());
        KeysetPage<Product> again = products().scroll(ADMIN, ProductQuery.all(), 2);

        assertThat(names(first.items())).containsExactly("Apples", "Bread");
        assertThat(names(second.items())).containsExactly("Cheese");
        assertThat(second.nextCursor()).isEmpty();
        assertThat(names(again.items())).containsExactly("Apples", "Bread");
    }

    @Test
    void scrollAfterCursorsOfDifferentOrdersBindsEachOrdersKey() {
        productsNamed("Cheese", "Apples", "Bread");
        ProductQuery newestFirst = ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.DESC);
        ProductQuery byName = ProductQuery.all();

        String afterNewest = products().scroll(ADMIN, newestFirst, 1).nextCursor().orElseThrow();
        String afterFirstName = products().scroll(ADMIN, byName, 1).nextCursor().orElseThrow();

        assertThat(names(products().scroll(ADMIN, newestFirst, 5, afterNewest).items()))
                .containsExactly("Apples", "Cheese");
        assertThat(names(products().scroll(ADMIN, byName, 5, afterFirstName).items()))
                .containsExactly("Bread", "Cheese");
    }

    @Test
    void scrollAndOffsetPageOfTheSameQueryEachReadTheirOwnRows() {
        productsNamed("Apples", "Bread", "Cheese");

        KeysetPage<Product> scrolled = products().scroll(ADMIN, ProductQuery.all(), 1);
        Page<Product> secondPage = products().search(ADMIN, ProductQuery.all(), new PageRequest(2, 1));

        assertThat(names(scrolled.items())).containsExactly("Apples");
        assertThat(names(secondPage.items())).containsExactly("Bread");
    }

    @Test
    void searchTextWithQuotesColonsAndQuestionMarksIsBoundAsText() {
        fixtures().product("Widget's colon: question?", null);
        fixtures().product("Gadget", null);

        assertThat(names(ProductQuery.all().withText(":colon 'widget' question? ?")))
                .containsExactly("Widget's colon: question?");
    }

    @Test
    void searchTextThatLooksLikeSqlIsOnlySearchedFor() {
        fixtures().product("Widget", null);

        assertThat(names(ProductQuery.all().withText("'); delete from products; --"))).isEmpty();
        assertThat(names(ProductQuery.all())).containsExactly("Widget");
    }

    private static List<String> names(List<Product> products) {
        return products.stream().map(Product::name).toList();
    }

    private void productsNamed(String... names) {
        for (String name : names) {
            fixtures().product(name, null);
        }
    }

    private long categoryId(String name) {
        return extension.wms().categories().create(ADMIN, new NewProductGroup(name, null)).id();
    }

    private long brandId(String name) {
        return extension.wms().brands().create(ADMIN, new NewProductGroup(name, null)).id();
    }

    private List<Product> scrollAll(ProductQuery query, int limit) {
        List<Product> seen = new ArrayList<>();
        KeysetPage<Product> page = products().scroll(ADMIN, query, limit);
        seen.addAll(page.items());
        Optional<String> cursor = page.nextCursor();
        while (cursor.isPresent()) {
            page = products().scroll(ADMIN, query, limit, cursor.get());
            seen.addAll(page.items());
            cursor = page.nextCursor();
        }
        return seen;
    }
}
