package io.wms.core;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.StartCount;
import io.wms.core.model.Product;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.PageRequest;
import io.wms.core.repository.ProductQuery;
import io.wms.core.repository.ProductSort;
import io.wms.core.repository.SortDirection;
import io.wms.core.testing.WmsExtension;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Asks PostgreSQL how it runs the statements the repository really sends, on a table large enough that a
 * sequential scan would be chosen if the indexes did not fit the queries.
 */
class QueryPlansTest {

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create();

    private ObservedOperations observed;

    @BeforeEach
    void manyProducts() {
        extension.sql().execute("""
                insert into products (name, created_at)
                select 'Product ' || n, timestamptz '2030-01-01' + n * interval '1 minute'
                from generate_series(1, 20000) n""");
        extension.sql().execute("insert into products (name) values ('Stainless steel widget'), ('Blue widget')");
        extension.sql().execute("analyze products");
        observed = new ObservedOperations(extension.pool());
    }

    @Test
    void nameSearchUsesTheFullTextIndex() {
        var page = observed.operations().products().search(ADMIN, ProductQuery.all().withText("widgets"),
                PageRequest.first(20));

        assertThat(page.items()).hasSize(2);
        assertThat(planOf(observed.lastQuery())).contains("idx_products_name_gin");
    }

    @Test
    void keysetPageByNameSeeksInTheNameIndex() {
        assertThat(planOfSecondPage(ProductQuery.all())).contains("idx_products_name").doesNotContain("Seq Scan");
    }

    @Test
    void keysetPageByNameDescendingSeeksInTheNameIndexBackwards() {
        assertThat(planOfSecondPage(ProductQuery.all().sortedBy(ProductSort.NAME, SortDirection.DESC)))
                .contains("Index Scan Backward using idx_products_name");
    }

    @Test
    void keysetPageByCreationTimeSeeksInTheCreationIndex() {
        assertThat(planOfSecondPage(ProductQuery.all().sortedBy(ProductSort.CREATED_AT, SortDirection.ASC)))
                .contains("idx_products_created_at").doesNotContain("Seq Scan");
    }

    @Test
    void keysetPageByIdSeeksInThePrimaryKey() {
        assertThat(planOfSecondPage(ProductQuery.all().sortedBy(ProductSort.ID, SortDirection.ASC)))
                .contains("products_pkey").doesNotContain("Seq Scan");
    }

    @Test
    void aPickLocksAndUpdatesOnlyItsProductsBatchesThroughIndexes() {
        extension.sql().execute("""
                insert into product_batches (product_id, batch_number, quantity, expiry_date)
                select p.id, 'B' || n, 10, date '2030-01-01' + n
                from products p cross join generate_series(1, 3) n""");
        extension.sql().execute("analyze product_batches");
        extension.sql().execute("analyze batch_locations");
        long productId = extension.sql().select(DSL.min(PRODUCT_BATCHES.PRODUCT_ID)).from(PRODUCT_BATCHES)
                .fetchSingle().value1();

        observed.operations().inventory().pick(WmsExtension.ADMIN, PickStock.of(productId, 15));

        // The warehouses and their locations are a handful of rows, which a scan reads at once.
        String plan = planOf(observed.lastQuery());
        assertThat(plan).as(plan).contains("product_batches_pkey", "batch_locations_pkey")
                .doesNotContain("Seq Scan on product_batches", "Seq Scan on batch_locations",
                        "Seq Scan on product_batch_tracks");
    }

    @Test
    void theWholeInventoryReportReadsTheBatchesInOnePassAndAggregatesThemBeforeTheJoin() {
        threeBatchesPerProduct();

        observed.operations().stockReports().inventoryReport(ADMIN);

        String plan = planOf(observed.lastQuery());
        assertThat(plan).as(plan).contains("Seq Scan on product_batches")
                .doesNotContain("Index Scan using idx_product_batches_product_status");
    }

    @Test
    void aPageOfTheInventoryReportReadsOnlyItsProductsBatchesThroughTheIndex() {
        threeBatchesPerProduct();

        observed.operations().stockReports().inventoryReport(ADMIN, 20);

        String plan = planOf(observed.lastQuery());
        assertThat(plan).as(plan).contains("idx_product_batches_product_status")
                .doesNotContain("Seq Scan on product_batches");
    }

    @Test
    void aCountOfAProductSnapshotsOnlyItsBatchesThroughIndexes() {
        threeBatchesPerProduct();
        extension.sql().execute("analyze batch_locations");
        long productId = extension.sql().select(DSL.min(PRODUCT_BATCHES.PRODUCT_ID)).from(PRODUCT_BATCHES)
                .fetchSingle().value1();
        long warehouseId = observed.operations().warehouses().defaultWarehouse(ADMIN).id();

        observed.operations().cycleCounts().start(ADMIN, StartCount.ofProduct(warehouseId, productId, false));

        String plan = planOf(observed.lastQuery());
        assertThat(plan).as(plan).contains("batch_locations_pkey")
                .doesNotContain("Seq Scan on product_batches", "Seq Scan on batch_locations",
                        "Seq Scan on product_batch_tracks");
    }

    @Test
    void aPageOfTheStockReportReadsOnlyItsProductsBatchesThroughTheIndex() {
        threeBatchesPerProduct();

        var first = observed.operations().stockReports().stockPerProduct(ADMIN, 20);
        observed.operations().stockReports().stockPerProduct(ADMIN, 20, first.nextCursor().orElseThrow());

        String plan = planOf(observed.lastQuery());
        assertThat(plan).as(plan).contains("idx_products_name", "idx_product_batches_product_status")
                .doesNotContain("Seq Scan on product_batches", "Seq Scan on products");
    }

    @Test
    void aPageOfTheExpiringBatchesSeeksInTheActiveExpiryIndex() {
        threeBatchesPerProduct();
        long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(),
                java.time.LocalDate.of(2030, 1, 3));

        var first = observed.operations().stockReports().expiringWithin(ADMIN, (int) days, 20);
        observed.operations().stockReports().expiringWithin(ADMIN, (int) days, 20, first.nextCursor().orElseThrow());

        String plan = planOf(observed.lastQuery());
        assertThat(plan).as(plan).contains("idx_product_batches_active_expiry")
                .doesNotContain("Seq Scan on product_batches");
    }

    private void threeBatchesPerProduct() {
        extension.sql().execute("""
                insert into product_batches (product_id, batch_number, quantity, expiry_date)
                select p.id, 'B' || n, 10, date '2030-01-01' + n
                from products p cross join generate_series(1, 3) n""");
        extension.sql().execute("analyze product_batches");
    }

    @Test
    void theReorderReportSeeksItsWarehousesPointsAndEachProductsStockThroughIndexes() {
        extension.sql().execute("""
                insert into reorder_points (warehouse_id, product_id, minimum_quantity, maximum_quantity)
                select w.id, p.id, 5, 20 from products p cross join warehouses w where w.is_default""");
        extension.sql().execute("""
                insert into product_batches (product_id, batch_number, quantity, expiry_date)
                select p.id, 'B' || n, (p.id % 10)::int, date '2030-01-01' + n
                from products p cross join generate_series(1, 2) n""");
        extension.sql().execute("analyze reorder_points");
        extension.sql().execute("analyze product_batches");
        extension.sql().execute("analyze batch_locations");
        long warehouseId = observed.operations().warehouses().defaultWarehouse(ADMIN).id();

        var first = observed.operations().reorderPoints().reorderReport(ADMIN, warehouseId, 50);
        observed.operations().reorderPoints().reorderReport(ADMIN, warehouseId, 50,
                first.nextCursor().orElseThrow());

        String plan = planOf(observed.lastQuery());
        assertThat(first.items()).hasSize(50);
        // The points are read in product order through either of their indexes (with one warehouse, the product's
        // is as selective as the primary key), each product's stock through the active batches' index.
        assertThat(plan).as(plan).contains("idx_active_batches", "batch_locations_pkey")
                .containsPattern("Index Scan using (reorder_points_pkey|idx_reorder_points_product) on reorder_points")
                .doesNotContain("Seq Scan on reorder_points", "Seq Scan on product_batches",
                        "Seq Scan on batch_locations");
    }

    private String planOfSecondPage(ProductQuery query) {
        KeysetPage<Product> first = observed.operations().products().scroll(ADMIN, query, 20);
        observed.operations().products().scroll(ADMIN, query, 20, first.nextCursor().orElseThrow());
        return planOf(observed.lastQuery());
    }

    private String planOf(Query query) {
        return extension.sql().explain(query).plan();
    }
}
