package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.batch;
import static io.wms.core.inventory.StockFixtures.ledger;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.inventory.StockFixtures.snapshot;
import static io.wms.core.inventory.StockFixtures.user;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.auth.RolePermissions;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.ProductBatch;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which requests an idempotency key tells apart, whose the key is, how long it lives, and that every movement takes
 * one.
 */
class IdempotencyKeyScopeTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private InventoryService inventory() {
        return extension.wms().inventory();
    }

    private Actor picker(String email) {
        return extension.userActor(user(extension.sql(), email), RolePermissions.OPERATOR, Permission.PICK_STOCK);
    }

    private static void assertReused(ValidationException failure) {
        assertThat(failure.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("idempotencyKey");
            assertThat(violation.breaks(Rule.REUSED)).isTrue();
        });
    }

    @Test
    void twoReceiptsWhoseFieldsReadAlikeAsOneTextAreTwoRequests() {
        long milk = product(extension.sql(), "Milk");
        ReceiveStock first = new ReceiveStock(milk, "L, quantity=5, manufacturingDate=null, expiryDate=null, note=x",
                5, null, null, "y", "delivery-1");
        ReceiveStock second = new ReceiveStock(milk, "L", 5, null, null,
                "x, quantity=5, manufacturingDate=null, expiryDate=null, note=y", "delivery-1");
        inventory().receive(ADMIN, first);
        String before = snapshot(extension.sql());

        assertThatThrownBy(() -> inventory().receive(ADMIN, second))
                .isInstanceOfSatisfying(ValidationException.class, IdempotencyKeyScopeTest::assertReused);
        assertThat(snapshot(extension.sql())).isEqualTo(before);
    }

    @Test
    void aMissingNoteAndTheNoteNullAreTwoRequests() {
        long milk = product(extension.sql(), "Milk");
        inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10));
        inventory().pick(ADMIN, new PickStock(milk, 1, 0, null, "order-1"));

        assertThatThrownBy(() -> inventory().pick(ADMIN, new PickStock(milk, 1, 0, "null", "order-1")))
                .isInstanceOfSatisfying(ValidationException.class, IdempotencyKeyScopeTest::assertReused);
        assertThat(extension.sql().fetchValue(PRODUCT_BATCHES.QUANTITY)).isEqualTo(9);
    }

    @Test
    void twoUsersWithTheSameKeyEachHaveTheirPickAppliedOnce() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        Actor ann = picker("ann@example.com");
        Actor bob = picker("bob@example.com");
        PickStock pick = new PickStock(milk, 2, 0, null, "order-1");

        PickResult annsPick = inventory().pick(ann, pick);
        PickResult bobsPick = inventory().pick(bob, pick);

        assertThat(annsPick.allocations()).singleElement().extracting(Allocation::quantityAfter).isEqualTo(8);
        assertThat(bobsPick.allocations()).singleElement().extracting(Allocation::quantityAfter).isEqualTo(6);
        assertThat(inventory().pick(ann, pick)).isEqualTo(annsPick);
        assertThat(inventory().pick(bob, pick)).isEqualTo(bobsPick);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(6);
    }

    @Test
    void twoUsersSendingTheSameKeyFromFourThreadsEachAtOnceHaveEachPickAppliedOnce() throws Exception {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 100)).batchId();
        List<Actor> users = List.of(picker("ann@example.com"), picker("bob@example.com"));
        PickStock pick = new PickStock(milk, 7, 0, null, "order-7");
        int threadsPerUser = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threadsPerUser * users.size());
        CyclicBarrier start = new CyclicBarrier(threadsPerUser * users.size());
        try {
            List<List<Future<PickResult>>> results = new ArrayList<>();
            for (Actor user : users) {
                List<Future<PickResult>> own = new ArrayList<>();
                for (int thread = 0; thread < threadsPerUser; thread++) {
                    own.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return inventory().pick(user, pick);
                    }));
                }
                results.add(own);
            }
            for (List<Future<PickResult>> own : results) {
                PickResult first = own.get(0).get(60, TimeUnit.SECONDS);
                for (Future<PickResult> result : own) {
                    assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(first);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(86);
        assertThat(ledger(extension.sql(), batch)).hasSize(3);
        assertThat(extension.sql().fetchCount(IDEMPOTENCY_KEYS)).isEqualTo(2);
    }

    @Test
    void systemActorsOfDifferentNamesHaveKeysOfTheirOwn() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        PickStock pick = new PickStock(milk, 3, 0, null, "nightly-1");

        inventory().pick(Actor.system("replenisher"), pick);
        inventory().pick(Actor.system("kitting"), pick);
        inventory().pick(Actor.system("kitting"), pick);

        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(4);
    }

    @Test
    void purgingRemovesKeysPastTheAgeAndTheirRequestsApplyAgain() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        PickStock old = new PickStock(milk, 1, 0, null, "order-old");
        inventory().pick(ADMIN, old);
        inventory().pick(ADMIN, new PickStock(milk, 1, 0, null, "order-new"));
        extension.sql().update(IDEMPOTENCY_KEYS)
                .set(IDEMPOTENCY_KEYS.CREATED_AT, Instant.now().minus(Duration.ofDays(8)))
                .where(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq("order-old")).execute();

        assertThat(inventory().purgeIdempotencyKeys(Actor.system("key-purge", EnumSet.of(Permission.PURGE_DATA)))).isEqualTo(1);
        assertThat(extension.sql().fetchValues(IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY)).containsExactly("order-new");
        inventory().pick(ADMIN, old);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(7);
    }

    @Test
    void purgingWithANonPositiveAgeOrWithoutPermissionIsRefused() {
        assertThatThrownBy(() -> inventory().purgeIdempotencyKeys(ADMIN, Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class,
                        failure -> assertThat(failure.hasViolation("olderThan")).isTrue());
        assertThatThrownBy(() -> inventory().purgeIdempotencyKeys(
                WmsExtension.actor(Permission.ADJUST_STOCK)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(inventory().purgeIdempotencyKeys(ADMIN, Duration.ofSeconds(Long.MAX_VALUE))).isZero();
    }

    @Test
    void aKeyedDisposalAndReturnAreEachAppliedOnce() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        inventory().recall(ADMIN, batch, "supplier recall");
        RemoveStock disposal = new RemoveStock(batch, 2, "burnt", "disposal-1");
        RemoveStock giveBack = new RemoveStock(batch, 3, null, "return-1");

        BatchMovement disposed = inventory().dispose(ADMIN, disposal);
        BatchMovement returned = inventory().returnToSupplier(ADMIN, giveBack);

        assertThat(inventory().dispose(ADMIN, disposal)).isEqualTo(disposed);
        assertThat(inventory().returnToSupplier(ADMIN, giveBack)).isEqualTo(returned);
        assertThat(batch(extension.sql(), batch).quantity()).isEqualTo(5);
        assertThatThrownBy(() -> inventory().returnToSupplier(ADMIN, new RemoveStock(batch, 2, "burnt", "disposal-1")))
                .isInstanceOfSatisfying(ValidationException.class, IdempotencyKeyScopeTest::assertReused);
    }

    @Test
    void aKeyedStatusChangeIsAppliedOnceAndItsKeyServesNoOtherChange() {
        long milk = product(extension.sql(), "Milk");
        long batch = inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        StatusChange hold = new StatusChange(batch, "lab sample", "hold-1");

        ProductBatch held = inventory().quarantine(ADMIN, hold);

        assertThat(inventory().quarantine(ADMIN, hold)).isEqualTo(held);
        assertThat(held.status()).isEqualTo(BatchStatus.QUARANTINED);
        assertThat(ledger(extension.sql(), batch)).hasSize(2);
        assertThatThrownBy(() -> inventory().release(ADMIN, hold))
                .isInstanceOfSatisfying(ValidationException.class, IdempotencyKeyScopeTest::assertReused);
        assertThat(batch(extension.sql(), batch).status()).isEqualTo(BatchStatus.QUARANTINED);
    }
}
