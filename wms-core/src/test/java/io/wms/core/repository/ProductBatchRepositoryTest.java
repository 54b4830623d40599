package io.wms.core.repository;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.wms.core.auth.Permission;
import io.wms.core.error.ConcurrentUpdateException;
import io.wms.core.error.DuplicateException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.Fixtures;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProductBatchRepositoryTest {

    private static final ZoneId WAREHOUSE = ZoneId.of("Europe/Berlin");
    /** 23:30 on 2030-06-10 in UTC is already 2030-06-11 in the warehouse. */
    private static final Instant NOW = Instant.parse("2030-06-10T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2030, 6, 11);

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder
            .clock(Clock.fixed(NOW, WAREHOUSE))
            .warehouseZone(WAREHOUSE));

    private ProductBatchRepository batches() {
        return extension.wms().batches();
    }

    private Fixtures fixtures() {
        return new Fixtures(extension.sql());
    }

    private ProductBatch reload(long id) {
        return batches().findById(ADMIN, id).orElseThrow();
    }

    @Test
    void byProductListsLiveBatchesFirstExpiredFirstOutWithUndatedLast() {
        long bread = fixtures().product("Bread", null);
        long undated = fixtures().batch(bread, "U", 1, null, BatchStatus.ACTIVE);
        long late = fixtures().batch(bread, "L", 1, TODAY.plusDays(5), BatchStatus.ACTIVE);
        long early = fixtures().batch(bread, "E", 1, TODAY, BatchStatus.QUARANTINED);
        long deleted = fixtures().batch(bread, "D", 1, TODAY, BatchStatus.ACTIVE);
        batches().delete(ADMIN, deleted);

        assertThat(batches().byProduct(ADMIN, bread)).extracting(ProductBatch::id).containsExactly(early, late, undated);
    }

    @Test
    void byBatchNumberFindsTheLotAcrossProducts() {
        long bread = fixtures().product("Bread", null);
        long apples = fixtures().product("Apples", null);
        long first = fixtures().batch(bread, "LOT-7", 1, null, BatchStatus.ACTIVE);
        long second = fixtures().batch(apples, "LOT-7", 1, null, BatchStatus.ACTIVE);
        fixtures().batch(apples, "LOT-8", 1, null, BatchStatus.ACTIVE);

        assertThat(batches().byBatchNumber(ADMIN, "LOT-7")).extracting(ProductBatch::id).containsExactly(first, second);
    }

    @Test
    void expiredListsActiveBatchesPastTheirExpiryDateInTheWarehouseZone() {
        long bread = fixtures().product("Bread", null);
        long yesterday = fixtures().batch(bread, "Y", 1, TODAY.minusDays(1), BatchStatus.ACTIVE);
        long lastMonth = fixtures().batch(bread, "M", 1, TODAY.minusMonths(1), BatchStatus.ACTIVE);
        fixtures().batch(bread, "T", 1, TODAY, BatchStatus.ACTIVE);
        fixtures().batch(bread, "N", 1, null, BatchStatus.ACTIVE);
        fixtures().batch(bread, "Q", 1, TODAY.minusDays(1), BatchStatus.QUARANTINED);
        long deleted = fixtures().batch(bread, "D", 1, TODAY.minusDays(1), BatchStatus.ACTIVE);
        batches().delete(ADMIN, deleted);

        assertThat(batches().expired(ADMIN)).extracting(expired -> expired.batch().id())
                .containsExactly(lastMonth, yesterday);
        assertThat(batches().expired(ADMIN)).allSatisfy(expired -> assertThat(expired.product().name()).isEqualTo("Bread"));
    }

    @Test
    void lowStockListsActiveBatchesBelowTheThresholdByQuantity() {
        long bread = fixtures().product("Bread", null);
        long four = fixtures().batch(bread, "4", 4, null, BatchStatus.ACTIVE);
        long one = fixtures().batch(bread, "1", 1, null, BatchStatus.ACTIVE);
        fixtures().batch(bread, "5", 5, null, BatchStatus.ACTIVE);
        fixtures().batch(bread, "0", 0, null, BatchStatus.DEPLETED);

        assertThat(batches().lowStock(ADMIN, 5)).extracting(low -> low.batch().id()).containsExactly(one, four);
    }

    @Test
    void lowStockThresholdMustBePositive() {
        assertThatThrownBy(() -> batches().lowStock(ADMIN, 0))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("threshold")).isTrue());
    }

    @Test
    void updateReplacesLotNumberAndDatesButNeverQuantityOrStatus() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 7, null, BatchStatus.QUARANTINED);

        ProductBatch changed = batches().update(ADMIN, id,
                new BatchChanges(" B2 ", TODAY.minusDays(3), TODAY.plusDays(30), 1));

        assertThat(changed.batchNumber()).isEqualTo("B2");
        assertThat(changed.manufacturingDate()).isEqualTo(TODAY.minusDays(3));
        assertThat(changed.expiryDate()).isEqualTo(TODAY.plusDays(30));
        assertThat(changed.quantity()).isEqualTo(7);
        assertThat(changed.status()).isEqualTo(BatchStatus.QUARANTINED);
        assertThat(changed.version()).isEqualTo(2);
    }

    @Test
    void updateToALotNumberTheProductAlreadyHasIsADuplicateAndChangesNothing() {
        long bread = fixtures().product("Bread", null);
        fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);
        long id = fixtures().batch(bread, "B2", 1, null, BatchStatus.ACTIVE);
        ProductBatch before = reload(id);

        assertThatThrownBy(() -> batches().update(ADMIN, id, new BatchChanges("B1", null, null, 1)))
                .isInstanceOf(DuplicateException.class)
                .hasMessageContaining("batch number");
        assertThat(reload(id)).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingChanges() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);
        ProductBatch before = reload(id);

        assertThatThrownBy(() -> batches().update(ADMIN, id,
                new BatchChanges("x".repeat(256), TODAY, TODAY.minusDays(1), 1)))
                .isInstanceOfSatisfying(ValidationException.class, failure -> {
                    assertThat(failure.hasViolation("batchNumber")).isTrue();
                    assertThat(failure.hasViolation("expiryDate")).isTrue();
                });
        assertThat(reload(id)).isEqualTo(before);
    }

    @Test
    void updateWithAStaleVersionIsRefusedAndChangesNothing() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);
        batches().update(ADMIN, id, new BatchChanges("B2", null, null, 1));

        assertThatThrownBy(() -> batches().update(ADMIN, id, new BatchChanges("B3", null, null, 1)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(reload(id).batchNumber()).isEqualTo("B2");
    }

    @Test
    void updateOfAMissingBatchIsNotFound() {
        assertThatThrownBy(() -> batches().update(ADMIN, 999, new BatchChanges("B1", null, null, 1)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("batch 999 does not exist");
    }

    @Test
    void softDeleteFreesTheLotNumberAndRestoreIsRefusedOnceItIsTaken() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);

        batches().delete(ADMIN, id);
        long again = fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);

        assertThat(batches().findById(ADMIN, id)).isEmpty();
        assertThatThrownBy(() -> batches().restore(ADMIN, id)).isInstanceOf(DuplicateException.class);
        assertThat(batches().byProduct(ADMIN, bread)).extracting(ProductBatch::id).containsExactly(again);
    }

    @Test
    void restoreBringsASoftDeletedBatchBack() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);
        batches().delete(ADMIN, id);

        ProductBatch restored = batches().restore(ADMIN, id);

        assertThat(restored.deletedAt()).isNull();
        assertThat(batches().findById(ADMIN, id)).contains(restored);
    }

    @Test
    void deleteOfAMissingBatchIsNotFound() {
        assertThatThrownBy(() -> batches().delete(ADMIN, 999))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("batch 999 does not exist");
    }

    @Test
    void purgeDeletesTheBatchWithItsLedgerAndLeavesOtherBatchesAlone() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 3, null, BatchStatus.ACTIVE);
        long other = fixtures().batch(bread, "B2", 2, null, BatchStatus.ACTIVE);
        fixtures().track(id, null, TrackAction.RECEIVED, 3, 3);
        long kept = fixtures().track(other, null, TrackAction.RECEIVED, 2, 2);

        batches().purge(ADMIN, id);

        assertThat(extension.sql().fetch(PRODUCT_BATCHES).getValues(PRODUCT_BATCHES.ID)).containsExactly(other);
        assertThat(extension.sql().fetch(PRODUCT_BATCH_TRACKS).getValues(PRODUCT_BATCH_TRACKS.ID))
                .containsExactly(kept);
    }

    @Test
    void editsNeedTheCatalogPermissionAndPurgeThePurgePermission() {
        long bread = fixtures().product("Bread", null);
        long id = fixtures().batch(bread, "B1", 1, null, BatchStatus.ACTIVE);
        ProductBatch before = reload(id);
        var picker = WmsExtension.actor(Permission.PICK_STOCK);
        var manager = WmsExtension.actor(Permission.MANAGE_CATALOG);

        assertThatThrownBy(() -> batches().update(picker, id, new BatchChanges("B2", null, null, 1)))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("MANAGE_CATALOG");
        assertThatThrownBy(() -> batches().delete(picker, id)).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> batches().purge(manager, id))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("PURGE_DATA");
        assertThat(reload(id)).isEqualTo(before);
    }
}
