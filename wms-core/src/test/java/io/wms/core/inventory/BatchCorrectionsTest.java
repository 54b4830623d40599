package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.repository.BatchChanges;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Corrections of a batch's dates and its visibility are stock decisions: they need {@code CHANGE_BATCH_STATUS} and
 * leave a ledger row saying what changed from what to what.
 */
class BatchCorrectionsTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private final Actor cataloguer = WmsExtension.actor(Permission.MANAGE_CATALOG);
    private final Actor supervisor = WmsExtension.actor(Permission.MANAGE_CATALOG,
            Permission.CHANGE_BATCH_STATUS);

    private long milk;
    private long expired;

    @BeforeEach
    void arrangeASweptBatch() {
        milk = product(extension.sql(), "Milk");
        expired = extension.wms().inventory().receive(ADMIN, new ReceiveStock(milk, "OLD", 5, null,
                TODAY.plusDays(1), null, null)).batchId();
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, TODAY.minusDays(1))
                .where(PRODUCT_BATCHES.ID.eq(expired)).execute();
        extension.wms().inventory().sweepExpired(ADMIN);
    }

    private ProductBatch batch(long id) {
        return StockFixtures.batch(extension.sql(), id);
    }

    @Test
    void clearingTheExpiryDateOfAnExpiredBatchNeedsChangeBatchStatusAndChangesNothingWithout() {
        String before = snapshot(extension.sql());
        ProductBatch stale = batch(expired);

        assertThatThrownBy(() -> extension.wms().batches().update(cataloguer, expired,
                new BatchChanges("OLD", null, null, stale.version())))
                .isInstanceOfSatisfying(PermissionDeniedException.class,
                        denied -> assertThat(denied.permission()).isEqualTo("CHANGE_BATCH_STATUS"));
        assertThat(snapshot(extension.sql())).isEqualTo(before);
        assertThatThrownBy(() -> extension.wms().inventory().pick(ADMIN, new PickStock(milk, 1, 0, null, null)))
                .isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void aCorrectedExpiryDateMakesAnExpiredBatchPickableAndSaysSoInTheLedger() {
        ProductBatch stale = batch(expired);

        ProductBatch corrected = extension.wms().batches().update(supervisor, expired,
                new BatchChanges("OLD", null, TODAY.plusDays(30), stale.version()));

        assertThat(corrected.status()).isEqualTo(BatchStatus.ACTIVE);
        assertThat(ledger(extension.sql(), expired)).last().satisfies(row -> {
            assertThat(row.action()).isEqualTo(TrackAction.CORRECTED);
            assertThat(row.description()).isEqualTo("expiryDate " + TODAY.minusDays(1) + " -> " + TODAY.plusDays(30)
                    + "; status expired -> active");
            assertThat(row.quantityChange()).isNull();
        });
        assertThat(extension.wms().inventory().pick(ADMIN, new PickStock(milk, 5, 0, null, null)).allocations())
                .singleElement().satisfies(allocation -> assertThat(allocation.batchId()).isEqualTo(expired));
        assertThat(extension.wms().inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aNewLotNumberAloneIsACatalogCorrectionRecordedInTheLedger() {
        ProductBatch stale = batch(expired);

        extension.wms().batches().update(cataloguer, expired,
                new BatchChanges("OLD-2", null, TODAY.minusDays(1), stale.version()));

        assertThat(ledger(extension.sql(), expired)).extracting(ProductBatchTrack::description)
                .last().isEqualTo("batchNumber OLD -> OLD-2");
        assertThat(batch(expired).status()).isEqualTo(BatchStatus.EXPIRED);
    }

    @Test
    void hidingAndRestoringABatchNeedChangeBatchStatusAndLeaveLedgerRows() {
        assertThatThrownBy(() -> extension.wms().batches().delete(cataloguer, expired))
                .isInstanceOf(PermissionDeniedException.class);

        extension.wms().batches().delete(supervisor, expired);
        extension.wms().batches().restore(supervisor, expired);

        assertThat(ledger(extension.sql(), expired)).extracting(ProductBatchTrack::action, ProductBatchTrack::description)
                .endsWith(tuple(TrackAction.CORRECTED, "hidden: soft-deleted"),
                        tuple(TrackAction.CORRECTED, "restored: live again"));
        assertThat(extension.wms().inventory().verifyLedger(ADMIN)).isEmpty();
    }
}
