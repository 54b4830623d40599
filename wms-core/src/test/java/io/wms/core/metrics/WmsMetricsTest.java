package io.wms.core.metrics;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.wms.core.Operation;
import io.wms.core.Wms;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.inventory.AdjustAtLocation;
import io.wms.core.inventory.AdjustStock;
import io.wms.core.inventory.AdjustmentReason;
import io.wms.core.inventory.PickAtLocation;
import io.wms.core.inventory.PickInWarehouse;
import io.wms.core.inventory.PickReservation;
import io.wms.core.inventory.PickStock;
import io.wms.core.inventory.PostCount;
import io.wms.core.inventory.ReceiveAtLocation;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.inventory.RecordCount;
import io.wms.core.inventory.RemoveAtLocation;
import io.wms.core.inventory.ReserveStock;
import io.wms.core.inventory.StartCount;
import io.wms.core.inventory.TransferStock;
import io.wms.core.repository.NewLocation;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WmsMetricsTest {

    private final WmsMetrics metrics = new WmsMetrics();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.operationListener(metrics));

    private long milk;

    @BeforeEach
    void bind() {
        metrics.bindTo(registry);
        milk = extension.sql().insertInto(PRODUCTS).set(PRODUCTS.NAME, "Milk").returning().fetchSingle().getId();
    }

    @Test
    void everyOperationIsTimedUnderItsName() {
        extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10));
        extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 3));
        extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 2));

        assertThat(registry.get(WmsMetrics.OPERATIONS).tag("operation", "inventory.pick").tag("outcome", "success")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get(WmsMetrics.OPERATIONS).tag("operation", "inventory.receive").timer().count())
                .isEqualTo(1);
    }

    @Test
    void receiptsPicksAndUnitsMovedAreCounted() {
        long batch = extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 3));
        extension.wms().inventory().adjust(ADMIN, new AdjustStock(batch, -2, AdjustmentReason.DAMAGE, null, null));

        assertThat(registry.get(WmsMetrics.RECEIPTS).counter().count()).isEqualTo(1);
        assertThat(registry.get(WmsMetrics.PICKS).counter().count()).isEqualTo(1);
        assertThat(registry.get(WmsMetrics.UNITS_MOVED).tag("action", "received").counter().count()).isEqualTo(10);
        assertThat(registry.get(WmsMetrics.UNITS_MOVED).tag("action", "picked").counter().count()).isEqualTo(3);
        assertThat(registry.get(WmsMetrics.UNITS_MOVED).tag("action", "adjusted").counter().count()).isEqualTo(2);
    }

    @Test
    void everyDeclaredOperationHasItsTimersBeforeItFirstRuns() {
        assertThat(Operation.all()).hasSizeGreaterThan(100);
        for (Operation operation : Operation.all()) {
            for (String outcome : List.of("success", "refused")) {
                assertThat(registry.find(WmsMetrics.OPERATIONS).tag("operation", operation.name())
                        .tag("outcome", outcome).timer())
                        .as("%s %s", operation.name(), outcome).isNotNull()
                        .extracting(Timer::count).isEqualTo(0L);
            }
        }
    }

    @Test
    void everyActionThatMovesUnitsHasItsCounterBeforeAnythingMoves() {
        for (String action : List.of("received", "picked", "adjusted", "disposed", "returned", "transferred")) {
            assertThat(registry.find(WmsMetrics.UNITS_MOVED).tag("action", action).counter())
                    .as(action).isNotNull().extracting(Counter::count).isEqualTo(0.0);
        }
    }

    @Test
    void locatedReservedAndCountedMovementsAreCountedLikeEveryOther() {
        Wms wms = extension.wms();
        long warehouse = wms.warehouses().defaultWarehouse(ADMIN).id();
        long shelf = wms.locations().create(ADMIN, new NewLocation(warehouse, null, "SHELF", null, null)).id();
        long bin = wms.locations().create(ADMIN, new NewLocation(warehouse, null, "BIN", null, null)).id();
        long batch = wms.inventory().receiveAt(ADMIN, ReceiveAtLocation.of(shelf, milk, "L-1", 40)).batchId();
        wms.inventory().pickAtLocation(ADMIN, PickAtLocation.of(shelf, milk, 1));
        wms.inventory().pickInWarehouse(ADMIN, PickInWarehouse.of(warehouse, milk, 2));
        wms.inventory().transfer(ADMIN, TransferStock.of(batch, shelf, bin, 5));
        wms.inventory().adjustAt(ADMIN, new AdjustAtLocation(bin, batch, -1, AdjustmentReason.DAMAGE, null, null));
        long count = wms.cycleCounts().start(ADMIN, StartCount.ofLocation(bin, false)).id();
        wms.cycleCounts().record(ADMIN, new RecordCount(count, batch, bin, 2));
        wms.cycleCounts().post(ADMIN, new PostCount(count, null));
        long reservation = wms.reservations().reserve(ADMIN, ReserveStock.of(warehouse, milk, 3, "ORDER-1")).id();
        wms.reservations().pickReserved(ADMIN, PickReservation.of(reservation));
        wms.inventory().recall(ADMIN, batch, "supplier recall");
        wms.inventory().disposeAt(ADMIN, new RemoveAtLocation(shelf, batch, 4, null, null));
        wms.inventory().returnToSupplierAt(ADMIN, new RemoveAtLocation(shelf, batch, 6, null, null));

        assertThat(registry.get(WmsMetrics.PICKS).counter().count()).isEqualTo(3);
        assertThat(registry.get(WmsMetrics.RECEIPTS).counter().count()).isEqualTo(1);
        assertThat(unitsMoved("picked")).isEqualTo(1 + 2 + 3);
        assertThat(unitsMoved("transferred")).isEqualTo(5);
        assertThat(unitsMoved("adjusted")).as("one damaged, two found missing by the count").isEqualTo(1 + 2);
        assertThat(unitsMoved("disposed")).isEqualTo(4);
        assertThat(unitsMoved("returned")).isEqualTo(6);
    }

    private double unitsMoved(String action) {
        return registry.get(WmsMetrics.UNITS_MOVED).tag("action", action).counter().count();
    }

    @Test
    void refusalsAreCountedByExceptionType() {
        assertThatThrownBy(() -> extension.wms().inventory().pick(ADMIN, PickStock.of(milk, 3)))
                .isInstanceOf(InsufficientStockException.class);

        assertThat(registry.get(WmsMetrics.REFUSALS).tag("operation", "inventory.pick")
                .tag("exception", "InsufficientStockException").counter().count()).isEqualTo(1);
        assertThat(registry.get(WmsMetrics.OPERATIONS).tag("operation", "inventory.pick").tag("outcome", "refused")
                .timer().count()).isEqualTo(1);
        assertThat(registry.find(WmsMetrics.PICKS).counter().count()).isZero();
    }

    @Test
    void thePoolsFiguresAreGauges() {
        assertThat(registry.get(WmsMetrics.POOL_CONNECTIONS).tag("state", "max").gauge().value()).isEqualTo(12);
        assertThat(registry.get(WmsMetrics.POOL_CONNECTIONS).tag("state", "active").gauge().value()).isZero();
    }

    private double picks() {
        return registry.get(WmsMetrics.PICKS).counter().count();
    }

    @Test
    void picksOfATransactionThatRollsBackAreNotCounted() {
        extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10));

        assertThatThrownBy(() -> extension.wms().useTransaction(transaction -> {
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 3));
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 2));
            throw new IllegalStateException("the order was cancelled");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(picks()).isZero();
        assertThat(registry.get(WmsMetrics.UNITS_MOVED).tag("action", "picked").counter().count()).isZero();
    }

    @Test
    void onlyThePicksThatCommitAreCountedAndOnlyOnceTheTransactionCommits() {
        extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10));

        extension.wms().useTransaction(transaction -> {
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 3));
            transaction.inventory().pick(ADMIN, PickStock.of(milk, 2));
            assertThatThrownBy(() -> transaction.inventory().pick(ADMIN, PickStock.of(milk, 50)))
                    .isInstanceOf(InsufficientStockException.class);
            assertThat(picks()).as("before the commit").isZero();
        });

        assertThat(picks()).isEqualTo(2);
        assertThat(registry.get(WmsMetrics.UNITS_MOVED).tag("action", "picked").counter().count()).isEqualTo(5);
    }

    @Test
    void insideTheHostsTransactionPicksAreCountedOnTheHostsCommitHookAndNeverOnRollback() throws SQLException {
        extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10));
        List<Runnable> hostCommitHooks = new ArrayList<>();

        try (Connection host = extension.database().dataSource().getConnection()) {
            host.setAutoCommit(false);
            extension.wms().inHostTransaction(host, hostCommitHooks::add,
                    transaction -> transaction.inventory().pick(ADMIN, PickStock.of(milk, 3)));
            assertThat(picks()).as("before the host commits").isZero();
            host.commit();
            hostCommitHooks.forEach(Runnable::run);
        }

        assertThat(picks()).isEqualTo(1);
    }
}
