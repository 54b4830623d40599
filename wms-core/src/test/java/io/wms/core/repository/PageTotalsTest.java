package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.wms.core.error.ValidationException;
import io.wms.core.model.Product;
import io.wms.core.model.ProductWithBatches;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Offset pages count the listing only as asked ({@link TotalCount}), and know whether another page follows either way.
 */
class PageTotalsTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ProductRepository products() {
        return extension.wms().products();
    }

    private void insertProducts(int count) {
        extension.sql().execute("""
                insert into products (name) select 'Product ' || n from generate_series(1, ?) n""", count);
    }

    @Test
    void aPageCountsNothingUnlessAsked() {
        insertProducts(5);

        Page<Product> page = products().search(ADMIN, ProductQuery.all(), PageRequest.first(2));

        assertThat(page.total()).isEmpty();
        assertThat(page.totalCount()).isEqualTo(TotalCount.NONE);
        assertThat(page.totalPages()).isEmpty();
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void aFullLastPageWithoutTotalHasNoNext() {
        insertProducts(4);

        Page<Product> page = products().search(ADMIN, ProductQuery.all(), new PageRequest(2, 2));

        assertThat(page.items()).hasSize(2);
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void aPageOfProductsWithBatchesKnowsWhetherAnotherFollowsWithoutTotal() {
        insertProducts(3);

        Page<ProductWithBatches> first = products().listWithBatches(ADMIN, PageRequest.first(2));
        Page<ProductWithBatches> second = products().listWithBatches(ADMIN, PageRequest.first(2).next());

        assertThat(first.items()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(1);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.total()).isEmpty();
    }

    @Test
    void anEstimatedTotalIsThePlannersEstimateOfTheMatchingRows() {
        insertProducts(1_000);
        extension.sql().execute("analyze products");

        Page<Product> page = products().search(ADMIN, ProductQuery.all(),
                PageRequest.first(10).withTotal(TotalCount.ESTIMATE));

        assertThat(page.totalCount()).isEqualTo(TotalCount.ESTIMATE);
        assertThat(page.total().orElseThrow()).isCloseTo(1_000L, withinPercentage(10));
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void anEstimatedTotalOfProductsWithBatchesComesFromThePlannerToo() {
        insertProducts(1_000);
        extension.sql().execute("analyze products");

        Page<ProductWithBatches> page = products().listWithBatches(ADMIN,
                PageRequest.first(10).withTotal(TotalCount.ESTIMATE));

        assertThat(page.totalCount()).isEqualTo(TotalCount.ESTIMATE);
        assertThat(page.total().orElseThrow()).isCloseTo(1_000L, withinPercentage(10));
    }

    @Test
    void anEstimateFromStaleStatisticsIsNeverBelowTheRowsThePageShows() {
        extension.sql().execute("alter table products set (autovacuum_enabled = false)");
        insertProducts(5);
        extension.sql().execute("analyze products");
        insertProducts(5_000);

        Page<Product> page = products().search(ADMIN, ProductQuery.all(),
                new PageRequest(100, 50, TotalCount.ESTIMATE));

        assertThat(page.totalCount()).isEqualTo(TotalCount.ESTIMATE);
        assertThat(page.total().orElseThrow()).isGreaterThanOrEqualTo(99L * 50 + 50 + 1);
    }

    @Test
    void anEstimateAskedOnThePageThatReachesTheEndIsTheExactTotal() {
        insertProducts(25);

        Page<Product> page = products().search(ADMIN, ProductQuery.all(),
                new PageRequest(3, 10, TotalCount.ESTIMATE));

        assertThat(page.items()).hasSize(5);
        assertThat(page.total()).hasValue(25);
        assertThat(page.totalCount()).isEqualTo(TotalCount.EXACT);
        assertThat(page.totalPages()).hasValue(3);
    }

    @Test
    void anExactTotalCountsEveryMatchingRowOnAPageThatIsNotTheLast() {
        insertProducts(25);

        Page<Product> page = products().search(ADMIN, ProductQuery.all(), PageRequest.first(10)
                .withTotal(TotalCount.EXACT));

        assertThat(page.total()).hasValue(25);
        assertThat(page.totalCount()).isEqualTo(TotalCount.EXACT);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void aRequestWithoutTotalCountIsRefusedNamingIt() {
        assertThatThrownBy(() -> products().search(ADMIN, ProductQuery.all(), new PageRequest(1, 10, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("totalCount")).isTrue());
    }

    @Test
    void theNextPageIsCountedAsThisOne() {
        PageRequest next = PageRequest.first(10).withTotal(TotalCount.ESTIMATE).next();

        assertThat(next).isEqualTo(new PageRequest(2, 10, TotalCount.ESTIMATE));
    }

    @Test
    void aRequestThatNamesNoTotalCountCountsNothing() {
        assertThat(new PageRequest(3, 10).totalCount()).isEqualTo(TotalCount.NONE)
                .isEqualTo(PageRequest.DEFAULT_TOTAL_COUNT);
    }
}
