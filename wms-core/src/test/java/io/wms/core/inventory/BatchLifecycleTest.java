package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import io.wms.core.auth.Permission;
import io.wms.core.error.IllegalTransitionException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class BatchLifecycleTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    private long batchIn(BatchStatus status) {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 5)).batchId();
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.STATUS, status)
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();
        return batch;
    }

    @Test
    void quarantineAndReleaseEachWriteAStatusChangedRowWithoutQuantity() {
        long batch = batchIn(BatchStatus.ACTIVE);

        ProductBatch held = inventory().quarantine(ADMIN, batch, "lab test");
        ProductBatch released = inventory().release(ADMIN, batch, "lab test passed");

        assertThat(held.status()).isEqualTo(BatchStatus.QUARANTINED);
        assertThat(released.status()).isEqualTo(BatchStatus.ACTIVE);
        assertThat(ledger(extension.sql(), batch).subList(1, 3)).allSatisfy(row -> {
            assertThat(row.action()).isEqualTo(TrackAction.STATUS_CHANGED);
            assertThat(row.quantityChange()).isNull();
            assertThat(row.quantityAfter()).isNull();
        }).extracting(row -> row.description())
                .containsExactly("active -> quarantined: lab test", "quarantined -> active: lab test passed");
    }

    @ParameterizedTest
    @EnumSource(value = BatchStatus.class, names = {"ACTIVE", "QUARANTINED", "EXPIRED", "DEPLETED"})
    void everyStatusButRecalledCanBeRecalled(BatchStatus from) {
        long batch = batchIn(from);

        assertThat(inventory().recall(ADMIN, batch, "supplier notice").status()).isEqualTo(BatchStatus.RECALLED);
    }

    @ParameterizedTest
    @CsvSource({
        "QUARANTINED, quarantine", "EXPIRED, quarantine", "DEPLETED, quarantine", "RECALLED, quarantine",
        "ACTIVE, release", "EXPIRED, release", "DEPLETED, release", "RECALLED, release",
        "RECALLED, recall"})
    void illegalTransitionsAreRefusedNamingFromAndToAndChangeNothing(BatchStatus from, String operation) {
        long batch = batchIn(from);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> {
            switch (operation) {
                case "quarantine" -> inventory().quarantine(ADMIN, batch, "why");
                case "release" -> inventory().release(ADMIN, batch, "why");
                default -> inventory().recall(ADMIN, batch, "why");
            }
        }).isInstanceOfSatisfying(IllegalTransitionException.class, failure -> {
            assertThat(failure.from()).isEqualTo(from);
            assertThat(failure.batchId()).isEqualTo(batch);
            assertThat(failure).hasMessageContaining("from " + from.name().toLowerCase(Locale.ROOT) + " to");
        });
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void nothingLeavesRecalled() {
        assertThat(BatchLifecycle.next(BatchStatus.RECALLED)).isEmpty();
        assertThat(BatchStatus.values()).noneMatch(to -> BatchLifecycle.allows(BatchStatus.RECALLED, to));
    }

    @Test
    void expiredStockCanOnlyBeRecalled() {
        assertThat(BatchLifecycle.next(BatchStatus.EXPIRED)).containsExactly(BatchStatus.RECALLED);
    }

    @Test
    void aBlankReasonIsRefused() {
        long batch = batchIn(BatchStatus.ACTIVE);

        assertThatThrownBy(() -> inventory().quarantine(ADMIN, batch, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("reason")).isTrue());
    }

    @Test
    void changingStatusNeedsItsPermission() {
        long batch = batchIn(BatchStatus.ACTIVE);

        assertThatThrownBy(() -> inventory().recall(WmsExtension.actor(Permission.ADJUST_STOCK), batch, "x"))
                .isInstanceOf(PermissionDeniedException.class);
    }
}
