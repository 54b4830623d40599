package io.wms.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.error.InsufficientStockException;
import io.wms.core.inventory.ReceiveStock;
import io.wms.core.repository.NewProduct;
import io.wms.testkit.WmsDatabaseExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HostTransactionExampleTest {

    private static final Actor PICKER = Actor.system("order-desk");

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    private Wms wms;
    private Connection connection;
    private long milk;

    @BeforeEach
    void open() throws SQLException {
        wms = Wms.create(database.dataSource());
        connection = database.dataSource().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table public.orders (id bigint primary key)");
        }
        milk = wms.products().create(PICKER, new NewProduct("Milk", null, null, null)).id();
        wms.inventory().receive(PICKER, ReceiveStock.of(milk, "L-1", 10));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        wms.close();
    }

    private long orders() throws SQLException {
        try (Connection reader = database.dataSource().getConnection(); Statement statement = reader.createStatement();
             var rows = statement.executeQuery("select count(*) from public.orders")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void theOrderAndThePickCommitTogether() throws SQLException {
        HostTransactionExample.placeOrder(connection, wms, PICKER, 1, milk, 4);

        assertThat(orders()).isEqualTo(1);
        assertThat(wms.batches().byProduct(PICKER, milk)).singleElement()
                .satisfies(batch -> assertThat(batch.quantity()).isEqualTo(6));
    }

    @Test
    void aRefusedPickRollsTheOrderBackToo() throws SQLException {
        assertThatThrownBy(() -> HostTransactionExample.placeOrder(connection, wms, PICKER, 1, milk, 40))
                .isInstanceOf(InsufficientStockException.class);

        assertThat(orders()).isZero();
        assertThat(wms.batches().byProduct(PICKER, milk)).singleElement()
                .satisfies(batch -> assertThat(batch.quantity()).isEqualTo(10));
    }
}
