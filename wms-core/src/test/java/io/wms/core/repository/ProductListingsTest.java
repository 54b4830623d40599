package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.wms.core.model.BatchStatus;
import io.wms.core.model.Product;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The product listings render each shape of statement once and keep it: listings of different shapes asked for one
 * after the other on the same instance must each run their own statement with their own values.
 */
class ProductListingsTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ProductRepository products() {
        return extension.wms().products();
    }

    private Fixtures fixtures() {
        return new Fixtures(extension.sql());
    }

    private long category(String name) {
        return extension.wms().categories().create(ADMIN, new NewProductGroup(name, null)).id();
    }

    private long brand(String name) {
        return extension.wms().brands().create(ADMIN, new NewProductGroup(name, null)).id();
    }

    private List<String> names(ProductQuery query) {
        return names(products().search(ADMIN, query, PageRequest.first(PageRequest.MAX_LIMIT)).items());
    }

    private static List<String> names(List<Product> products) {
        return products.stream().map(Product::name).toList();
    }

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
        long food = category("Food");
        long acme = brand("Acme");
        products().create(ADMIN, new NewProduct("Bread", null, food, null));
        products().create(ADMIN, new NewProduct("Hammer", null, null, acme));

        assertThat(names(ProductQuery.all().withCategory(food))).containsExactly("Bread");
        assertThat(names(ProductQuery.all().withBrand(acme))).containsExactly("Hammer");
        assertThat(names(ProductQuery.all())).containsExactly("Bread", "Hammer");
    }

    @Test
    void searchWithTextAndCategoryBindsBothAfterSearchesWithEither() {
        long food = category("Food");
        products().create(ADMIN, new NewProduct("Widget bread", null, food, null));
        products().create(ADMIN, new NewProduct("Widget hammer", null, null, null));
        products().create(ADMIN, new NewProduct("Plain bread", null, food, null));

        assertThat(names(ProductQuery.all().withText("widget"))).containsExactly("Widget bread", "Widget hammer");
        assertThat(names(ProductQuery.all().withCategory(food))).containsExactly("Plain bread", "Widget bread");
        assertThat(names(ProductQuery.all().withText("widget").withCategory(food))).containsExactly("Widget bread");
    }

    @Test
    void searchAscendingThenDescendingReturnsEachOrder() {
        fixtures().product("Apples", null);
        fixtures().product("Bread", null);
        fixtures().product("Cheese", null);

        assertThat(names(ProductQuery.all())).containsExactly("Apples", "Bread", "Cheese");
        assertThat(names(ProductQuery.all().sortedBy(ProductSort.NAME, SortDirection.DESC)))
                .containsExactly("Cheese", "Bread", "Apples");
    }

    @Test
    void searchByBatchStatusThenByExpiryBindsEachToItsOwnCondition() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        LocalDate june = LocalDate.of(2030, 6, 1);
        fixtures().batch(bread, "Q1", 1, june.plusDays(60), BatchStatus.QUARANTINED);
        fixtures().batch(apples, "A1", 1, june, BatchStatus.ACTIVE);

        assertThat(names(ProductQuery.all().withBatchStatus(BatchStatus.QUARANTINED))).containsExactly("Bread");
        assertThat(names(ProductQuery.all().withExpiryBetween(june, june.plusDays(7)))).containsExactly("Apples");
        assertThat(names(ProductQuery.all().withBatchStatus(BatchStatus.ACTIVE)
                .withExpiryBetween(june, june.plusDays(7)))).containsExactly("Apples");
    }

    @Test
    void pageOfAnOffsetReadsTheRowsAfterIt() {
        fixtures().product("Apples", null);
        fixtures().product("Bread", null);
        fixtures().product("Cheese", null);

        Page<Product> first = products().search(ADMIN, ProductQuery.all(), new PageRequest(1, 2));
        Page<Product> second = products().search(ADMIN, ProductQuery.all(), new PageRequest(2, 2));

        assertThat(names(first.items())).containsExactly("Apples", "Bread");
        assertThat(first.hasNext()).isTrue();
        assertThat(names(second.items())).containsExactly("Cheese");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void pageWithExactTotalThenWithoutCarriesTheTotalOnlyWhenAsked() {
        for (String name : new String[] {"Apples", "Bread", "Cheese", "Dates"}) {
            fixtures().product(name, null);
        }

        Page<Product> counted = products().search(ADMIN, ProductQuery.all(),
                PageRequest.first(2).withTotal(TotalCount.EXACT));
        Page<Product> uncounted = products().search(ADMIN, ProductQuery.all(), PageRequest.first(2));

        assertThat(names(counted.items())).containsExactly("Apples", "Bread");
        assertThat(counted.total()).hasValue(4);
        assertThat(names(uncounted.items())).containsExactly("Apples", "Bread");
        assertThat(uncounted.total()).isEmpty();
    }

    @Test
    void exactTotalCountsOnlyTheRowsOfItsOwnFilter() {
        long food = category("Food");
        for (String name : new String[] {"Apples", "Bread", "Cheese"}) {
            products().create(ADMIN, new NewProduct(name, null, food, null));
        }
        fixtures().product("Hammer", null);
        fixtures().product("Nails", null);
        PageRequest counted = PageRequest.first(1).withTotal(TotalCount.EXACT);

        assertThat(products().search(ADMIN, ProductQuery.all(), counted).total()).hasValue(5);
        assertThat(products().byCategory(ADMIN, food, counted).total()).hasValue(3);
    }

    @Test
    void scrollWithoutCursorThenWithItThenWithoutAgainReturnsEachPage() {
        fixtures().product("Apples", null);
        fixtures().product("Bread", null);
        fixtures().product("Cheese", null);

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
        fixtures().product("Cheese", null);
        fixtures().product("Apples", null);
        fixtures().product("Bread", null);
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
        fixtures().product("Apples", null);
        fixtures().product("Bread", null);
        fixtures().product("Cheese", null);

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
}
