package io.wms.examples;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;

/**
 * A host that runs its own JDBC transaction and picks stock inside it: the host's order row and wms's pick commit
 * together or not at all.
 */
public final class HostTransactionExample {

    private HostTransactionExample() {
    }

    /**
     * Records an order in the host's own table {@code orders} and picks its stock, in one transaction of the host.
     *
     * @param connection the host's connection; left in auto-commit off
     * @param wms        the warehouse
     * @param picker     who picks
     * @param orderId    the order's id
     * @param productId  the product
     * @param quantity   how many units
     * @return the pick
     * @throws SQLException if the host's own statements fail (then nothing was kept)
     */
    public static PickResult placeOrder(Connection connection, Wms wms, Actor picker, long orderId, long productId,
                                        int quantity) throws SQLException {
        // readme-snippet: host-transaction
        connection.setAutoCommit(false);                          // the host's own transaction
        try (PreparedStatement order = connection.prepareStatement("insert into orders (id) values (?)")) {
            order.setLong(1, orderId);
            order.executeUpdate();
            PickResult pick = wms.inHostTransaction(connection, warehouse -> warehouse.inventory()
                    .pick(picker, new PickStock(productId, quantity, 0, null, "order-" + orderId)));
            connection.commit();                                  // the order and the pick, together
            return pick;
        } catch (RuntimeException | SQLException refused) {
            connection.rollback();                                // neither the order nor the pick
            throw refused;
        }
        // readme-snippet-end
    }
}
