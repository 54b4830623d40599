package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wms.core.model.BatchStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.wms.core.error.ValidationException;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class StockReportsTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private long milk;
    private long bread;
    private long fresh;
    private long lastDay;
    private long overdue;
    private long swept;
    private long held;

    private StockReports reports() {
        return extension.wms().stockReports();
    }

    private long stock(long product, String number, int quantity, LocalDate expiry) {
        long batch = extension.wms().inventory().receive(ADMIN, ReceiveStock.of(product, number, quantity)).batchId();
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, expiry)
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();
        return batch;
    }

    @BeforeEach
    void arrangeAWarehouse() {
        long dairy = extension.sql().insertInto(CATEGORIES).set(CATEGORIES.NAME, "Dairy")
                .returning(CATEGORIES.ID).fetchSingle().getId();
        long farm = extension.sql().insertInto(BRANDS).set(BRANDS.NAME, "Farm")
                .returning(BRANDS.ID).fetchSingle().getId();
        milk = product(extension.sql(), "Milk");
        extension.sql().update(PRODUCTS).set(PRODUCTS.CATEGORY_ID, dairy).set(PRODUCTS.BRAND_ID, farm)
                .where(PRODUCTS.ID.eq(milk)).execute();
        bread = product(extension.sql(), "Bread");
        fresh = stock(milk, "FRESH", 30, TODAY.plusDays(20));
        lastDay = stock(milk, "LAST-DAY", 4, TODAY);
        overdue = stock(milk, "OVERDUE", 6, TODAY.minusDays(1));
        swept = stock(milk, "SWEPT", 2, TODAY.minusDays(5));
        held = stock(milk, "HELD", 9, TODAY.plusDays(3));
        extension.wms().inventory().quarantine(ADMIN, held, "inspection");
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.STATUS, BatchStatus.EXPIRED)
                .where(PRODUCT_BATCHES.ID.eq(swept)).execute();
        long deleted = stock(milk, "DELETED", 100, TODAY.plusDays(1));
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.DELETED_AT, Instant.now())
                .where(PRODUCT_BATCHES.ID.eq(deleted)).execute();
    }

    @Test
    void theInventoryReportCountsUsableStockAndExpiredBatchesByTheExpiryRule() {
        assertThat(reports().inventoryReport(ADMIN)).containsExactly(
                new InventoryReportLine(bread, "Bread", null, null, 0, 0, 0),
                new InventoryReportLine(milk, "Milk", "Dairy", "Farm", 34, 2, 2));
    }

    @Test
    void expiredBatchesAreTheOverdueAndTheSweptWithStockLeft() {
        assertThat(extension.wms().batches().expired(ADMIN)).extracting(expired -> expired.batch().id())
                .containsExactly(swept, overdue);
    }

    @Test
    void expiredBatchesAreTheSameBeforeAndAfterTheSweep() {
        List<Long> before = extension.wms().batches().expired(ADMIN).stream().map(expired -> expired.batch().id()).toList();

        extension.wms().inventory().sweepExpired(ADMIN);

        assertThat(extension.wms().batches().expired(ADMIN)).extracting(expired -> expired.batch().id())
                .isEqualTo(before).containsExactly(swept, overdue);
    }

    @Test
    void lowStockListsOnlyUsableBatchesBelowTheThreshold() {
        assertThat(extension.wms().batches().lowStock(ADMIN, 10)).extracting(low -> low.batch().id())
                .containsExactly(lastDay);
        assertThatThrownBy(() -> extension.wms().batches().lowStock(ADMIN, 0)).isInstanceOf(ValidationException.class);
    }

    @Test
    void hasActiveBatchesIsTrueOnlyWithPickableStock() {
        assertThat(extension.wms().products().hasActiveBatches(ADMIN, milk)).isTrue();
        assertThat(extension.wms().products().hasActiveBatches(ADMIN, bread)).isFalse();
    }

    @Test
    void aProductWhoseOnlyActiveBatchIsPastItsExpiryDateHasNoActiveBatches() {
        long cheese = product(extension.sql(), "Cheese");
        stock(cheese, "OLD", 5, TODAY.minusDays(1));

        assertThat(extension.wms().products().hasActiveBatches(ADMIN, cheese)).isFalse();
        assertThat(extension.wms().batches().lowStock(ADMIN, 10)).extracting(low -> low.batch().productId())
                .doesNotContain(cheese);
        assertThat(extension.wms().batches().expired(ADMIN)).extracting(expired -> expired.batch().productId())
                .contains(cheese);
    }

    @Test
    void expiringWithinCountsTodayAndLeavesOutTheExpired() {
        assertThat(reports().expiringWithin(ADMIN, 0)).extracting(ProductBatch::id).containsExactly(lastDay);
        assertThat(reports().expiringWithin(ADMIN, 20)).extracting(ProductBatch::id).containsExactly(lastDay, fresh);
    }

    @Test
    void stockPerProductSplitsUnitsByWhatCanBeDoneWithThem() {
        assertThat(reports().stockPerProduct(ADMIN)).containsExactly(
                new ProductStock(bread, "Bread", 0, 0, 0, 0),
                new ProductStock(milk, "Milk", 34, 9, 8, 0));
    }

    @Test
    void aBatchHistoryListsItsLedgerRowsOldestFirst() {
        extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 5));

        assertThat(reports().history(ADMIN, lastDay)).extracting(ProductBatchTrack::action)
                .containsExactly(TrackAction.RECEIVED, TrackAction.PICKED);
        assertThat(reports().history(ADMIN, held)).extracting(ProductBatchTrack::action)
                .containsExactly(TrackAction.RECEIVED, TrackAction.STATUS_CHANGED);
    }
}
