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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.error.PermissionDeniedException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.core.testing.WmsExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExpiryTest {

    /** Seeds a batch with an expiry date that may already be past, as stock received before it expired would be. */
    private static long stock(WmsExtension extension, long product, String number, int quantity, LocalDate expiry) {
        long batch = extension.wms().inventory().receive(ADMIN, ReceiveStock.of(product, number, quantity))
                .batchId();
        extension.sql().update(PRODUCT_BATCHES).set(PRODUCT_BATCHES.EXPIRY_DATE, expiry)
                .where(PRODUCT_BATCHES.ID.eq(batch)).execute();
        return batch;
    }

    @Nested
    class AtNoonUtc {

        @RegisterExtension
        final WmsExtension extension = StockFixtures.atNoonUtc();

        @Test
        void aBatchExpiringTodayIsPickable() {
            long milk = product(extension.sql(), "Milk");
            long today = stock(extension, milk, "TODAY", 5, TODAY);

            assertThat(extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 5)).allocations())
                    .extracting(Allocation::batchId).containsExactly(today);
        }

        @Test
        void aBatchThatExpiredYesterdayIsNotPickedEvenBeforeTheSweep() {
            long milk = product(extension.sql(), "Milk");
            stock(extension, milk, "YESTERDAY", 5, TODAY.minusDays(1));
            String before = snapshot(extension.sql());

            assertThatThrownBy(() -> extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 1)))
                    .isInstanceOfSatisfying(InsufficientStockException.class,
                            failure -> assertThat(failure.available()).isZero());
            assertThat(snapshot(extension.sql())).isEqualTo(before);
        }

        @Test
        void theSweepExpiresDueActiveBatchesWithOneLedgerRowEach() {
            DSLContext sql = extension.sql();
            long milk = product(sql, "Milk");
            long yesterday = stock(extension, milk, "YESTERDAY", 5, TODAY.minusDays(1));
            long lastYear = stock(extension, milk, "LAST-YEAR", 2, TODAY.minusYears(1));
            long today = stock(extension, milk, "TODAY", 5, TODAY);
            long never = stock(extension, milk, "NEVER", 5, null);
            long held = stock(extension, milk, "HELD", 5, TODAY.minusDays(3));
            extension.wms().inventory().quarantine(ADMIN, held, "inspection");

            ExpirySweep sweep = extension.wms().inventory().sweepExpired(Actor.system("expiry-sweep"));

            assertThat(sweep.today()).isEqualTo(TODAY);
            assertThat(sweep.expiredBatches()).containsExactly(yesterday, lastYear);
            assertThat(batch(sql, yesterday).status()).isEqualTo(BatchStatus.EXPIRED);
            assertThat(batch(sql, today).status()).isEqualTo(BatchStatus.ACTIVE);
            assertThat(batch(sql, never).status()).isEqualTo(BatchStatus.ACTIVE);
            assertThat(batch(sql, held).status()).isEqualTo(BatchStatus.QUARANTINED);
            assertThat(ledger(sql, yesterday)).last().satisfies(row -> {
                assertThat(row.action()).isEqualTo(TrackAction.EXPIRED);
                assertThat(row.quantityChange()).isNull();
                assertThat(row.userId()).isNull();
            });
            assertThat(extension.wms().inventory().verifyLedger(ADMIN)).isEmpty();
        }

        @Test
        void aSecondSweepTheSameDayFindsNothing() {
            long milk = product(extension.sql(), "Milk");
            stock(extension, milk, "YESTERDAY", 5, TODAY.minusDays(1));
            extension.wms().inventory().sweepExpired(ADMIN);
            int rows = StockFixtures.ledgerRows(extension.sql());

            assertThat(extension.wms().inventory().sweepExpired(ADMIN).expiredBatches()).isEmpty();
            assertThat(StockFixtures.ledgerRows(extension.sql())).isEqualTo(rows);
        }

        @Test
        void sweepingNeedsTheStatusPermission() {
            long milk = product(extension.sql(), "Milk");
            long due = stock(extension, milk, "YESTERDAY", 5, TODAY.minusDays(1));

            assertThatThrownBy(() -> extension.wms().inventory()
                    .sweepExpired(WmsExtension.actor(Permission.PICK_STOCK)))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThat(batch(extension.sql(), due).status()).isEqualTo(BatchStatus.ACTIVE);
        }
    }

    /** 23:30 UTC on 10 March is already 11 March in Auckland (UTC+13): the warehouse's calendar decides. */
    @Nested
    class LateEveningUtcInAuckland {

        @RegisterExtension
        final WmsExtension extension = WmsExtension.create(builder -> builder
                .clock(Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneId.of("UTC")))
                .warehouseZone(ZoneId.of("Pacific/Auckland")));

        @Test
        void aBatchExpiringOnTheUtcDateIsAlreadyExpiredInTheWarehouse() {
            long milk = product(extension.sql(), "Milk");
            long utcToday = stock(extension, milk, "UTC-TODAY", 5, LocalDate.of(2026, 3, 10));
            long warehouseToday = stock(extension, milk, "NZ-TODAY", 5, LocalDate.of(2026, 3, 11));

            PickResult result = extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 5));
            ExpirySweep sweep = extension.wms().inventory().sweepExpired(ADMIN);

            assertThat(result.allocations()).extracting(Allocation::batchId).containsExactly(warehouseToday);
            assertThat(sweep.today()).isEqualTo(LocalDate.of(2026, 3, 11));
            assertThat(sweep.expiredBatches()).containsExactly(utcToday);
        }
    }
}
