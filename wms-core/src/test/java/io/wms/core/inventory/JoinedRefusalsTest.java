package io.wms.core.inventory;

import static io.wms.core.inventory.StockFixtures.TODAY;
import static io.wms.core.inventory.StockFixtures.product;
import static io.wms.core.testing.WmsExtension.ADMIN;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.IDEMPOTENCY_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.wms.core.error.DuplicateException;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.model.CountStatus;
import io.wms.core.model.Location;
import io.wms.core.repository.NewLocation;
import io.wms.core.repository.NewProductGroup;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operation refused inside a transaction someone else holds (wms's {@code useTransaction}, or the host's own) is
 * undone whole: the caller may catch the refusal and commit the rest, and nothing of the refused operation stays.
 */
class JoinedRefusalsTest {

    @RegisterExtension
    final WmsExtension extension = StockFixtures.atNoonUtc();

    private Connection host;
    private long milk;
    private long lot;

    @BeforeEach
    void arrange() throws SQLException {
        milk = product(extension.sql(), "Milk");
        lot = extension.wms().inventory().receive(ADMIN, ReceiveStock.of(milk, "L-1", 10)).batchId();
        extension.sql().execute("create table host_orders (id bigint primary key)");
        host = extension.database().dataSource().getConnection();
        host.setAutoCommit(false);
    }

    @AfterEach
    void closeTheHostsConnection() throws SQLException {
        host.close();
    }

    private PickStock keyedPick(int quantity) {
        return new PickStock(milk, quantity, 0, null, "order-1");
    }

    private int unitsOfTheLot() {
        return StockFixtures.batch(extension.sql(), lot).quantity();
    }

    @Test
    void aKeyedPickRefusedInsideATransactionThatCommitsLeavesNoKeyAndItsRetryPicks() {
        extension.wms().useTransaction(transaction -> {
            transaction.categories().create(ADMIN, new NewProductGroup("Dairy", null));
            assertThatThrownBy(() -> transaction.inventory().pick(ADMIN, keyedPick(11)))
                    .isInstanceOf(InsufficientStockException.class);
        });

        assertThat(extension.sql().fetchCount(CATEGORIES)).as("the rest of the transaction").isEqualTo(1);
        assertThat(extension.sql().fetchCount(IDEMPOTENCY_KEYS)).as("keys claimed").isZero();
        PickResult retry = extension.wms().inventory().pick(ADMIN, keyedPick(4));
        assertThat(retry.quantity()).isEqualTo(4);
        assertThat(unitsOfTheLot()).isEqualTo(6);
    }

    @Test
    void aKeyedPickRefusedInsideTheHostsTransactionThatCommitsLeavesNoKeyAndItsRetryPicks() throws SQLException {
        extension.wms().useHostTransaction(host, transaction -> assertThatThrownBy(
                () -> transaction.inventory().pick(ADMIN, keyedPick(11)))
                .isInstanceOf(InsufficientStockException.class));
        host.commit();

        assertThat(extension.sql().fetchCount(IDEMPOTENCY_KEYS)).as("keys claimed").isZero();
        assertThat(extension.wms().inventory().pick(ADMIN, keyedPick(4)).quantity()).isEqualTo(4);
        assertThat(unitsOfTheLot()).isEqualTo(6);
    }

    @Test
    void aCountPostRefusedAtItsSecondLineInsideATransactionThatCommitsAdjustsNoLine() {
        Location fallback = extension.wms().locations().defaultLocation(ADMIN);
        Location bin = extension.wms().locations().create(ADMIN,
                new NewLocation(fallback.warehouseId(), null, "A-01", null, null));
        long first = extension.wms().inventory().receiveAt(ADMIN, ReceiveAtLocation.of(bin.id(), milk, "M-1", 10)
                .expiring(TODAY.plusDays(40))).batchId();
        long second = extension.wms().inventory().receiveAt(ADMIN, ReceiveAtLocation.of(bin.id(), milk, "M-2", 10)
                .expiring(TODAY.plusDays(30))).batchId();
        CycleCountService counts = extension.wms().cycleCounts();
        long count = counts.start(ADMIN, StartCount.ofLocation(bin.id(), false)).id();
        counts.record(ADMIN, new RecordCount(count, first, bin.id(), 7));
        counts.record(ADMIN, new RecordCount(count, second, bin.id(), 1));
        extension.wms().inventory().pickAtLocation(ADMIN, PickAtLocation.of(bin.id(), milk, 8));  // the second lot
        String before = StockFixtures.snapshot(extension.sql());

        extension.wms().useTransaction(transaction -> assertThatThrownBy(
                () -> transaction.cycleCounts().post(ADMIN, new PostCount(count, null)))
                .isInstanceOf(InsufficientStockException.class));

        assertThat(StockFixtures.snapshot(extension.sql())).isEqualTo(before);
        assertThat(counts.find(ADMIN, count)).get().extracting(CycleCount::status).isEqualTo(CountStatus.OPEN);
    }

    @Test
    void aStatementThatFailsInsideTheHostsTransactionLeavesItUsable() throws SQLException {
        extension.wms().categories().create(ADMIN, new NewProductGroup("Dairy", null));

        extension.wms().useHostTransaction(host, transaction -> assertThatThrownBy(
                () -> transaction.categories().create(ADMIN, new NewProductGroup("Dairy", null)))
                .isInstanceOf(DuplicateException.class));
        try (PreparedStatement order = host.prepareStatement("insert into host_orders values (1)")) {
            order.executeUpdate();
        }
        host.commit();

        assertThat(extension.sql().fetchCount(extension.sql().selectFrom("host_orders"))).isEqualTo(1);
        assertThat(extension.sql().fetchCount(CATEGORIES)).isEqualTo(1);
    }
}
