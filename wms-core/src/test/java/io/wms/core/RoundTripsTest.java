package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.wms.core.inventory.Allocation;
import io.wms.core.inventory.InventoryService;
import io.wms.core.inventory.PickFromBatch;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.Receipt;
import io.wms.core.inventory.ReceiveIntoBatch;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.model.Product;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.ProductWithBatches;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.NewProduct;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.repository.Page;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductRepository;
import io.wms.core.repository.TotalCount;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that graphs and pages take one statement whatever the number of children (no N+1), and that the usual
 * stock movements take one round trip, COMMIT included.
 */
class RoundTripsTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    @ParameterizedTest(name = "{0} children")
    @ValueSource(ints = {1, 200})
    void fullTrackingTakesOneStatementAndNoTransactionWhateverItsSize(int children) {
        long productId = extension.wms().products().create(ADMIN, new NewProduct("Bread", null, null, null)).id();
        long userId = new Fixtures(extension.sql()).user("picker@x.com");
        extension.sql().execute("""
                insert into product_batches (product_id, batch_number, quantity)
                select ?, 'B' || n, n from generate_series(1, ?) n""", productId, children);
        extension.sql().execute("""
                insert into product_batch_tracks (product_batch_id, user_id, action, quantity_change, quantity_after)
                select b.id, ?, 'received', 1, 1
                from product_batches b cross join generate_series(1, ?) n
                where b.batch_number = 'B1'""", userId, children);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        ProductDetails details = observed.operations().products().findWithFullTracking(ADMIN, productId).orElseThrow();

        assertThat(details.batches()).hasSize(children);
        assertThat(details.batches().get(0).history())
                .hasSize(Math.min(children, ProductRepository.MAX_HISTORY_PER_BATCH))
                .allSatisfy(entry -> assertThat(entry.user().id()).isEqualTo(userId));
        assertThat(observed.roundTrips()).as("one statement in auto-commit: no BEGIN, no COMMIT").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} products")
    @ValueSource(ints = {1, 200})
    void offsetPageWithItsExactTotalTakesOneRoundTrip(int children) {
        long food = categoryWith(children);
        ObservedOperations observed = new ObservedOperations(extension.pool());
        ProductRepository products = observed.operations().products();

        Page<Product> page = products.byCategory(ADMIN, food,
                PageRequest.first(PageRequest.MAX_LIMIT).withTotal(TotalCount.EXACT));
        Page<Product> search = products.search(ADMIN, ProductQuery.all().withText("product"),
                PageRequest.first(10).withTotal(TotalCount.EXACT));

        assertThat(page.total()).hasValue(children);
        assertThat(page.items()).hasSize(Math.min(children, PageRequest.MAX_LIMIT));
        assertThat(search.total()).hasValue(children);
        assertThat(observed.roundTrips()).isEqualTo(2);
    }

    @Test
    void pageBeyondTheLastAsksForItsTotalSeparately() {
        long food = categoryWith(3);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        Page<Product> page = observed.operations().products().byCategory(ADMIN, food,
                new PageRequest(2, 10, TotalCount.EXACT));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).hasValue(3);
        assertThat(observed.roundTrips()).isEqualTo(2);
    }

    @Test
    void offsetPageWithoutTotalIsOneStatementThatCountsNothing() {
        long food = categoryWith(200);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        Page<Product> page = observed.operations().products().byCategory(ADMIN, food, PageRequest.first(10));

        assertThat(page.total()).isEmpty();
        assertThat(page.hasNext()).isTrue();
        assertThat(observed.roundTrips()).isEqualTo(1);
        assertThat(observed.lastQuery().getSQL()).doesNotContainIgnoringCase("count(");
    }

    @Test
    void estimatedTotalAsksThePlannerInASecondRoundTripThatCountsNothing() {
        long food = categoryWith(200);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        Page<Product> page = observed.operations().products().byCategory(ADMIN, food,
                PageRequest.first(10).withTotal(TotalCount.ESTIMATE));

        assertThat(page.totalCount()).isEqualTo(TotalCount.ESTIMATE);
        assertThat(observed.roundTrips()).isEqualTo(2);
        assertThat(observed.lastQuery().getSQL()).startsWithIgnoringCase("explain").doesNotContainIgnoringCase("count(");
    }

    @Test
    void estimatedTotalOfAPageThatReachesTheEndTakesOneRoundTripAndIsExact() {
        long food = categoryWith(3);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        Page<Product> page = observed.operations().products().byCategory(ADMIN, food,
                PageRequest.first(10).withTotal(TotalCount.ESTIMATE));

        assertThat(page.total()).hasValue(3);
        assertThat(page.totalCount()).isEqualTo(TotalCount.EXACT);
        assertThat(observed.roundTrips()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} batches")
    @ValueSource(ints = {1, 200})
    void productsWithBatchesPageTakesOneRoundTrip(int children) {
        long productId = extension.wms().products().create(ADMIN, new NewProduct("Bread", null, null, null)).id();
        extension.sql().execute("""
                insert into product_batches (product_id, batch_number, quantity)
                select ?, 'B' || n, n from generate_series(1, ?) n""", productId, children);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        Page<ProductWithBatches> page = observed.operations().products().listWithBatches(ADMIN, PageRequest.first(10));

        assertThat(page.items().get(0).batches()).hasSize(children);
        assertThat(observed.roundTrips()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} products")
    @ValueSource(ints = {1, 200})
    void keysetPageTakesOneRoundTrip(int children) {
        insertProducts(children, null);
        ObservedOperations observed = new ObservedOperations(extension.pool());
        ProductRepository products = observed.operations().products();

        KeysetPage<Product> first = products.scroll(ADMIN, ProductQuery.all(), 10);
        first.nextCursor().ifPresent(cursor -> products.scroll(ADMIN, ProductQuery.all(), 10, cursor));

        assertThat(first.items()).hasSize(Math.min(children, 10));
        assertThat(observed.roundTrips()).isEqualTo(children > 10 ? 2 : 1);
    }

    @Test
    void anUnkeyedPickOverSeveralBatchesTakesOneRoundTrip() {
        long productId = stockedProduct(4, 5);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        PickResult result = observed.operations().inventory().pick(ADMIN, PickStock.of(productId, 12));

        assertThat(result.allocations()).extracting(Allocation::quantity).containsExactly(5, 5, 2);
        assertThat(observed.roundTrips()).isEqualTo(1);
    }

    @Test
    void anUnkeyedReceiptIntoABatchTakesOneRoundTrip() {
        long batchId = stockedBatch(5);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        Receipt receipt = observed.operations().inventory().receiveInto(ADMIN,
                new ReceiveIntoBatch(batchId, 3, null, null));

        assertThat(receipt.quantityAfter()).isEqualTo(8);
        assertThat(observed.roundTrips()).isEqualTo(1);
    }

    @Test
    void anUnkeyedPickFromANamedBatchTakesOneRoundTrip() {
        long batchId = stockedBatch(5);
        ObservedOperations observed = new ObservedOperations(extension.pool());

        PickResult result = observed.operations().inventory().pickFromBatch(ADMIN,
                new PickFromBatch(batchId, 5, null, null));

        assertThat(result.allocations()).extracting(Allocation::quantityAfter).containsExactly(0);
        assertThat(observed.roundTrips()).isEqualTo(1);
    }

    @Test
    void anUnkeyedReceiptOfALotTakesOneRoundTripWhetherItsBatchIsNewOrNot() {
        long productId = extension.wms().products().create(ADMIN, new NewProduct("Milk", null, null, null)).id();
        ObservedOperations observed = new ObservedOperations(extension.pool());
        InventoryService inventory = observed.operations().inventory();

        Receipt created = inventory.receive(ADMIN, ReceiveStock.of(productId, "L-1", 4));
        Receipt added = inventory.receive(ADMIN, ReceiveStock.of(productId, "L-1", 6));

        assertThat(created.newBatch()).isTrue();
        assertThat(added.newBatch()).isFalse();
        assertThat(added.quantityAfter()).isEqualTo(10);
        assertThat(observed.roundTrips()).isEqualTo(2);
    }

    @Test
    void aReceiptOfALotSendsTheSameTextWhetherItNamesItsDatesOrNotWithEveryValueBound() {
        long productId = extension.wms().products().create(ADMIN, new NewProduct("Milk", null, null, null)).id();
        ObservedOperations observed = new ObservedOperations(extension.pool());
        InventoryService inventory = observed.operations().inventory();

        inventory.receive(ADMIN, ReceiveStock.of(productId, "L-1", 4));
        inventory.receive(ADMIN, new ReceiveStock(productId, "L-2", 6, LocalDate.of(2026, 1, 5),
                LocalDate.of(2099, 1, 5), "a note's words", null));

        assertThat(observed.sentTexts()).hasSize(2);
        assertThat(observed.sentTexts().get(1)).as("the second receipt's text")
                .isEqualTo(observed.sentTexts().get(0))
                .doesNotContain("L-2", "2099", "note");
    }

    private long stockedBatch(int quantity) {
        return extension.wms().batches().byProduct(ADMIN, stockedProduct(1, quantity)).get(0).id();
    }

    private long stockedProduct(int batches, int quantityEach) {
        long productId = extension.wms().products().create(ADMIN, new NewProduct("Milk", null, null, null)).id();
        for (int batch = 1; batch <= batches; batch++) {
            extension.wms().inventory().receive(ADMIN, ReceiveStock.of(productId, "L-" + batch, quantityEach));
        }
        return productId;
    }

    private long categoryWith(int products) {
        long category = extension.wms().categories().create(ADMIN, new NewProductGroup("Food", null)).id();
        insertProducts(products, category);
        return category;
    }

    private void insertProducts(int count, Long categoryId) {
        extension.sql().execute("""
                insert into products (name, category_id)
                select 'Product ' || n, ? from generate_series(1, ?) n""", categoryId, count);
    }
}
