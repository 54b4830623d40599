package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.inventory.StockFixtures.user;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReceiveStockTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    private long quarantinedLot(long product) {
        long batch = inventory().receive(ADMIN, ReceiveStock.of(product, "L-1", 5)).batchId();
        inventory().quarantine(ADMIN, batch, "inspection");
        return batch;
    }

    @Test
    void receivingANewLotCreatesAnActiveBatchAndOneLedgerRowNamingTheUser() {
        long milk = product(extension.sql(), "Milk");
        long clerk = user(extension.sql(), "clerk@example.com");
        Actor receiver = extension.userActor(clerk, "operator", Permission.RECEIVE_STOCK);

        Receipt receipt = inventory().receive(receiver, new ReceiveStock(milk, " L-1 ", 40, TODAY.minusDays(2),
                TODAY.plusDays(20), "delivery 7", null));

        assertThat(receipt.newBatch()).isTrue();
        assertThat(receipt.batchNumber()).isEqualTo("L-1");
        assertThat(receipt.quantityAfter()).isEqualTo(40);
        assertThat(batch(extension.sql(), receipt.batchId()).status()).isEqualTo(BatchStatus.ACTIVE);
        assertThat(batch(extension.sql(), receipt.batchId()).createdBy()).isEqualTo(clerk);
        assertThat(ledger(extension.sql(), receipt.batchId())).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo(TrackAction.RECEIVED);
            assertThat(row.userId()).isEqualTo(clerk);
            assertThat(row.quantityChange()).isEqualTo(40);
            assertThat(row.quantityAfter()).isEqualTo(40);
            assertThat(row.description()).isEqualTo("delivery 7");
        });
    }

    @Test
    void receivingTheSameBatchNumberAgainAddsToTheExistingBatch() {
        long milk = product(extension.sql(), "Milk");
        Receipt first = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10).expiring(TODAY.plusDays(5)));

        Receipt second = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 5));

        assertThat(second.batchId()).isEqualTo(first.batchId());
        assertThat(second.newBatch()).isFalse();
        assertThat(second.quantityAfter()).isEqualTo(15);
        assertThat(ledger(extension.sql(), first.batchId())).extracting(ProductBatchTrack::quantityAfter)
                .containsExactly(10, 15);
    }

    @Test
    void receivingIntoADepletedBatchMakesItActiveAgain() {
        long milk = product(extension.sql(), "Milk");
        Receipt receipt = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 3));
        inventory().pick(ADMIN, PickStock.of(milk, 3));
        assertThat(batch(extension.sql(), receipt.batchId()).status()).isEqualTo(BatchStatus.DEPLETED);

        Receipt refill = inventory().receiveInto(ADMIN, new ReceiveIntoBatch(receipt.batchId(), 8, null, null));

        assertThat(refill.quantityAfter()).isEqualTo(8);
        assertThat(batch(extension.sql(), receipt.batchId()).status()).isEqualTo(BatchStatus.ACTIVE);
    }

    @Test
    void receivingAnEmptiedLotAgainByItsNumberMakesItActiveAgain() {
        long milk = product(extension.sql(), "Milk");
        Receipt first = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 3));
        inventory().pick(ADMIN, PickStock.of(milk, 3));

        Receipt refill = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 4));

        assertThat(refill.batchId()).isEqualTo(first.batchId());
        assertThat(refill.newBatch()).isFalse();
        assertThat(refill.quantityAfter()).isEqualTo(4);
        assertThat(batch(extension.sql(), first.batchId()).status()).isEqualTo(BatchStatus.ACTIVE);
    }

    @Test
    void receivingALotAgainWithItsOwnDatesAddsToIt() {
        long milk = product(extension.sql(), "Milk");
        ReceiveStock lot = new ReceiveStock(milk, "L-1", 5, TODAY.minusDays(1), TODAY.plusDays(9), null, null);
        Receipt first = inventory().receive(ADMIN, lot);

        Receipt again = inventory().receive(ADMIN, lot);

        assertThat(again.batchId()).isEqualTo(first.batchId());
        assertThat(again.quantityAfter()).isEqualTo(10);
        assertThat(inventory().verifyLedger(ADMIN)).isEmpty();
    }

    @Test
    void aQuarantinedLotReceivesNothingByItsNumber() {
        long milk = product(extension.sql(), "Milk");
        quarantinedLot(milk);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 5)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("batchId")).isTrue());
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsNamedAtOnceAndNothingIsWritten() {
        long milk = product(extension.sql(), "Milk");

        assertThatThrownBy(() -> inventory().receive(ADMIN, new ReceiveStock(milk, " ", 0, TODAY.plusDays(3),
                TODAY.plusDays(1), null, "")))
                .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                        .extracting(violation -> violation.field())
                        .containsExactlyInAnyOrder("batchNumber", "quantity", "expiryDate", "idempotencyKey"));
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
    }

    @Test
    void aLotThatExpiredYesterdayIsRefusedButOneExpiringTodayIsReceived() {
        long milk = product(extension.sql(), "Milk");

        assertThatThrownBy(() -> inventory().receive(ADMIN,
                ReceiveStock.of(milk, "OLD", 5).expiring(TODAY.minusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("expiryDate")).isTrue());
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();

        assertThat(inventory().receive(ADMIN, ReceiveStock.of(milk, "LAST-DAY", 5).expiring(TODAY)).quantityAfter())
                .isEqualTo(5);
    }

    @Test
    void aSoftDeletedProductReceivesNothing() {
        long milk = product(extension.sql(), "Milk");
        extension.sql().update(PRODUCTS).set(PRODUCTS.DELETED_AT, Instant.now()).execute();

        assertThatThrownBy(() -> inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 5)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("product " + milk);
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
    }

    @Test
    void anExistingLotWithOtherDatesIsRefusedUnchanged() {
        long milk = product(extension.sql(), "Milk");
        inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 5).expiring(TODAY.plusDays(9)));
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().receive(ADMIN,
                ReceiveStock.of(milk, "L-1", 5).expiring(TODAY.plusDays(30))))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("expiryDate")).isTrue());
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aQuarantinedBatchReceivesNothing() {
        long batch = quarantinedLot(product(extension.sql(), "Milk"));
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().receiveInto(ADMIN, new ReceiveIntoBatch(batch, 5, null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("batchId")).isTrue());
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void anActorWithoutTheReceivePermissionIsRefusedBeforeAnyCheck() {
        long milk = product(extension.sql(), "Milk");

        assertThatThrownBy(() -> inventory().receive(WmsExtension.actor(Permission.PICK_STOCK),
                ReceiveStock.of(milk, "", -1)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(extension.sql().fetchCount(PRODUCT_BATCHES)).isZero();
    }

    @Test
    void anUnknownBatchIsNotFound() {
        assertThatThrownBy(() -> inventory().receiveInto(ADMIN, new ReceiveIntoBatch(404, 5, null, null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("batch 404");
    }
}
