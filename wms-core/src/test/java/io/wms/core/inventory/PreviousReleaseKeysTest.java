package io.wms.core.inventory;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.wms.core.Wms;
import io.wms.core.error.ValidationException;
import io.wms.core.testing.PreviousReleaseKeys;
import io.wms.core.testing.TestSql;
import io.wms.migration.WmsMigrations;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The idempotency keys that the release before V20 stored (the fixture {@code idempotency/previous-release-keys.sql},
 * one per keyed operation and command type), migrated by V20: a retry of each, sent by this release, is recognised as
 * the same request and answered with the result the previous release returned, moving nothing.
 *
 * <p>The database holds no stock at all: a retry that ran its operation again would be refused, not answered. The
 * retries change nothing, so they share one database.
 */
class PreviousReleaseKeysTest {

    private static final long MILK = 1;
    private static final long WAREHOUSE = 1;
    private static final long MAIN = 1;
    private static final long BIN_A = 2;
    private static final long BIN_B = 3;
    private static final long LOT_1 = 1;
    private static final long LOT_2 = 2;
    private static final long RESERVATION = 1;
    private static final long COUNT = 1;

    /** Each call as the previous release was sent it, by key: the same calls, sent again. */
    private static final Map<String, Function<Wms, Object>> CALLS = calls();

    @RegisterExtension
    static final WmsDatabaseExtension database = WmsDatabaseExtension.empty();

    private static Wms wms;

    private static Map<String, Function<Wms, Object>> calls() {
        Map<String, Function<Wms, Object>> calls = new LinkedHashMap<>();
        calls.put("k-receive", wms -> wms.inventory().receive(ADMIN, new ReceiveStock(MILK, " L|1,a b ", 20,
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 6, 30), "first, delivery; {x}", "k-receive")));
        calls.put("k-receive-at", wms -> wms.inventory().receiveAt(ADMIN, new ReceiveAtLocation(BIN_A, MILK, "L-2",
                10, null, LocalDate.of(2026, 5, 31), null, "k-receive-at")));
        calls.put("k-receive-into", wms -> wms.inventory().receiveInto(ADMIN, new ReceiveIntoBatch(LOT_1, 5,
                "top-up", "k-receive-into")));
        calls.put("k-pick", wms -> wms.inventory().pick(ADMIN, new PickStock(MILK, 3, 0, "order 1", "k-pick")));
        calls.put("k-pick-from", wms -> wms.inventory().pickFromBatch(ADMIN, new PickFromBatch(LOT_1, 1, "",
                "k-pick-from")));
        calls.put("k-pick-in-warehouse", wms -> wms.inventory().pickInWarehouse(ADMIN, new PickInWarehouse(WAREHOUSE,
                MILK, 2, 7, null, "k-pick-in-warehouse")));
        calls.put("k-pick-at", wms -> wms.inventory().pickAtLocation(ADMIN, new PickAtLocation(BIN_A, MILK, 1, 0,
                "Grüße ✓", "k-pick-at")));
        calls.put("k-transfer", wms -> wms.inventory().transfer(ADMIN, new TransferStock(LOT_1, MAIN, BIN_B, 4,
                "to B", "k-transfer")));
        calls.put("k-adjust", wms -> wms.inventory().adjust(ADMIN, new AdjustStock(LOT_1, -1,
                AdjustmentReason.DAMAGE, null, "k-adjust")));
        calls.put("k-adjust-at", wms -> wms.inventory().adjustAt(ADMIN, new AdjustAtLocation(BIN_B, LOT_1, 2,
                AdjustmentReason.OTHER, "found behind shelf", "k-adjust-at")));
        calls.put("k-quarantine", wms -> wms.inventory().quarantine(ADMIN, new StatusChange(LOT_1, "smells odd",
                "k-quarantine")));
        calls.put("k-dispose", wms -> wms.inventory().dispose(ADMIN, new RemoveStock(LOT_1, 1, "spoiled",
                "k-dispose")));
        calls.put("k-return", wms -> wms.inventory().returnToSupplier(ADMIN, new RemoveStock(LOT_1, 1, null,
                "k-return")));
        calls.put("k-release", wms -> wms.inventory().release(ADMIN, new StatusChange(LOT_1, "lab says fine",
                "k-release")));
        calls.put("k-recall", wms -> wms.inventory().recall(ADMIN, new StatusChange(LOT_2, "supplier recall 12",
                "k-recall")));
        calls.put("k-dispose-at", wms -> wms.inventory().disposeAt(ADMIN, new RemoveAtLocation(BIN_A, LOT_2, 1, null,
                "k-dispose-at")));
        calls.put("k-return-at", wms -> wms.inventory().returnToSupplierAt(ADMIN, new RemoveAtLocation(BIN_A, LOT_2,
                1, "crate 4", "k-return-at")));
        calls.put("k-reserve", wms -> wms.reservations().reserve(ADMIN, new ReserveStock(WAREHOUSE, MILK, 2,
                "order 7", LocalDate.of(2026, 3, 12), Instant.parse("2026-03-11T12:00:00Z"), "k-reserve")));
        calls.put("k-reserved-pick", wms -> wms.reservations().pickReserved(ADMIN, new PickReservation(RESERVATION,
                "packed", "k-reserved-pick")));
        calls.put("k-post-count", wms -> wms.cycleCounts().post(ADMIN, new PostCount(COUNT, "k-post-count")));
        return calls;
    }

    static Stream<Arguments> keys() {
        Map<String, String> results = PreviousReleaseKeys.results();
        assertThat(results.keySet()).containsExactlyElementsOf(CALLS.keySet());
        return results.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @BeforeAll
    static void keysAsThePreviousReleaseStoredThem() {
        PreviousReleaseKeys.storeAtV19(database.dataSource());
        WmsMigrations.on(database.dataSource()).migrate();
        wms = Wms.builder().dataSource(database.dataSource())
                .clock(Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC))
                .warehouseZone(ZoneOffset.UTC)
                .build();
    }

    @AfterAll
    static void close() {
        wms.close();
    }

    private static DSLContext sql() {
        return TestSql.on(database.dataSource());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void aRetryOfAKeyThePreviousReleaseStoredGetsItsFirstResultAndMovesNothing(String key, String firstResult) {
        Object again = CALLS.get(key).apply(wms);

        assertThat(again).hasToString(firstResult);
        assertThat(sql().fetchCount(PRODUCT_BATCH_TRACKS)).isZero();
    }

    @Test
    void aKeyThePreviousReleaseStoredSentWithAnotherRequestIsRefusedAsReused() {
        assertThatThrownBy(() -> wms.inventory().pick(ADMIN, new PickStock(MILK, 4, 0, "order 1", "k-pick")))
                .isInstanceOfSatisfying(ValidationException.class,
                        refused -> assertThat(refused.hasViolation("idempotencyKey")).isTrue());
    }
}
