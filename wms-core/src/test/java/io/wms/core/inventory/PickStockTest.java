package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PickStockTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    private long receive(long product, String number, int quantity, LocalDate expiry) {
        return inventory().receive(ADMIN, ReceiveStock.of(product, number, quantity).expiring(expiry)).batchId();
    }

    @Test
    void picksEarliestExpiryFirstAndBatchesWithoutExpiryLast() {
        long milk = product(extension.sql(), "Milk");
        long noExpiry = receive(milk, "FOREVER", 10, null);
        long late = receive(milk, "LATE", 10, TODAY.plusDays(30));
        long early = receive(milk, "EARLY", 4, TODAY.plusDays(2));

        PickResult result = inventory().pick(ADMIN, PickStock.of(milk, 20));

        assertThat(result.allocations()).extracting(Allocation::batchId, Allocation::quantity, Allocation::quantityAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(early, 4, 0),
                        org.assertj.core.groups.Tuple.tuple(late, 10, 0),
                        org.assertj.core.groups.Tuple.tuple(noExpiry, 6, 4));
        assertThat(result.quantity()).isEqualTo(20);
    }

    @Test
    void batchesWithTheSameExpiryArePickedInIdOrder() {
        long milk = product(extension.sql(), "Milk");
        long first = receive(milk, "A", 5, TODAY.plusDays(3));
        long second = receive(milk, "B", 5, TODAY.plusDays(3));

        PickResult result = inventory().pick(ADMIN, PickStock.of(milk, 7));

        assertThat(result.allocations()).extracting(Allocation::batchId).containsExactly(first, second);
    }

    @Test
    void skipsExpiredQuarantinedRecalledDepletedAndDeletedBatches() {
        long milk = product(extension.sql(), "Milk");
        long usable = receive(milk, "USABLE", 5, TODAY.plusDays(40));
        long expiredUnswept = receive(milk, "EXPIRED", 5, TODAY.plusDays(1));
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, TODAY.minusDays(1))
                .where(PRODUCT_BATCHES.ID.eq(expiredUnswept)).execute();
        long quarantined = receive(milk, "HOLD", 5, TODAY.plusDays(1));
        inventory().quarantine(ADMIN, quarantined, "inspection");
        long recalled = receive(milk, "RECALL", 5, TODAY.plusDays(1));
        inventory().recall(ADMIN, recalled, "supplier notice");
        long deleted = receive(milk, "DELETED", 5, TODAY.plusDays(1));
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.DELETED_AT, Instant.now())
                .where(PRODUCT_BATCHES.ID.eq(deleted)).execute();

        PickResult result = inventory().pick(ADMIN, PickStock.of(milk, 5));

        assertThat(result.allocations()).extracting(Allocation::batchId).containsExactly(usable);
        assertThat(batch(extension.sql(), usable).status()).isEqualTo(BatchStatus.DEPLETED);
    }

    @Test
    void aShortPickMovesNothingAndSaysRequestedAndAvailable() {
        long milk = product(extension.sql(), "Milk");
        receive(milk, "A", 5, TODAY.plusDays(3));
        receive(milk, "B", 6, null);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pick(ADMIN, PickStock.of(milk, 12)))
                .isInstanceOfSatisfying(InsufficientStockException.class, failure -> {
                    assertThat(failure.requested()).isEqualTo(12);
                    assertThat(failure.available()).isEqualTo(11);
                });
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void minimumShelfLifeLeavesOutBatchesThatExpireTooSoon() {
        long milk = product(extension.sql(), "Milk");
        receive(milk, "SOON", 5, TODAY.plusDays(2));
        long later = receive(milk, "LATER", 5, TODAY.plusDays(3));

        PickResult result = inventory().pick(ADMIN, new PickStock(milk, 5, 3, "export order", null));

        assertThat(result.allocations()).extracting(Allocation::batchId).containsExactly(later);
        assertThatThrownBy(() -> inventory().pick(ADMIN, new PickStock(milk, 1, 4, null, null)))
                .isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void eachTouchedBatchGetsOnePickedLedgerRow() {
        long milk = product(extension.sql(), "Milk");
        long a = receive(milk, "A", 5, TODAY.plusDays(3));
        long b = receive(milk, "B", 5, TODAY.plusDays(4));

        inventory().pick(ADMIN, new PickStock(milk, 7, 0, "order 12", null));

        assertThat(ledger(extension.sql(), a)).last().satisfies(row -> {
            assertThat(row.action()).isEqualTo(TrackAction.PICKED);
            assertThat(row.quantityChange()).isEqualTo(-5);
            assertThat(row.quantityAfter()).isZero();
            assertThat(row.description()).isEqualTo("order 12");
        });
        assertThat(ledger(extension.sql(), b)).last().satisfies(row -> {
            assertThat(row.quantityChange()).isEqualTo(-2);
            assertThat(row.quantityAfter()).isEqualTo(3);
        });
        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void pickingFromANamedBatchTakesOnlyFromIt() {
        long milk = product(extension.sql(), "Milk");
        receive(milk, "EARLY", 5, TODAY.plusDays(1));
        long late = receive(milk, "LATE", 5, TODAY.plusDays(9));

        PickResult result = inventory().pickFromBatch(ADMIN, new PickFromBatch(late, 2, null, null));

        assertThat(result.allocations()).singleElement().satisfies(allocation -> {
            assertThat(allocation.batchId()).isEqualTo(late);
            assertThat(allocation.quantityAfter()).isEqualTo(3);
        });
    }

    @Test
    void aNamedQuarantinedBatchCannotBePicked() {
        long milk = product(extension.sql(), "Milk");
        long held = receive(milk, "HOLD", 5, null);
        inventory().quarantine(ADMIN, held, "inspection");
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pickFromBatch(ADMIN, new PickFromBatch(held, 1, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("batchId")).isTrue());
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aNamedBatchPastItsExpiryCannotBePickedEvenBeforeTheSweep() {
        long milk = product(extension.sql(), "Milk");
        long batch = receive(milk, "OLD", 5, TODAY.plusDays(1));
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, TODAY.minusDays(1))
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pickFromBatch(ADMIN, new PickFromBatch(batch, 1, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure).hasMessageContaining("expired on " + TODAY.minusDays(1)));
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void pickingFromAnUnknownBatchIsNotFound() {
        assertThatThrownBy(() -> inventory().pickFromBatch(ADMIN, new PickFromBatch(404, 1, null, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("batch 404");
    }

    @Test
    void aNamedBatchWithTooLittleStockIsRefusedUnchanged() {
        long milk = product(extension.sql(), "Milk");
        long batch = receive(milk, "A", 5, null);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pickFromBatch(ADMIN, new PickFromBatch(batch, 6, null, null)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        failure -> assertThat(failure.available()).isEqualTo(5));
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void invalidPickNamesEveryField() {
        assertThatThrownBy(() -> inventory().pick(ADMIN, new PickStock(1, 0, -1, null, "x".repeat(256))))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(violation -> violation.field())
                        .containsExactlyInAnyOrder("quantity", "minimumShelfLifeDays", "idempotencyKey"));
    }

    @Test
    void pickingAnUnknownProductIsNotFound() {
        assertThatThrownBy(() -> inventory().pick(ADMIN, PickStock.of(404, 1)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anActorWithoutThePickPermissionIsRefused() {
        long milk = product(extension.sql(), "Milk");
        receive(milk, "A", 5, null);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().pick(WmsExtension.actor(Permission.RECEIVE_STOCK),
                PickStock.of(milk, 1)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }
}
