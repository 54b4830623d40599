package io.wms.examples.spring;

import io.wms.core.Wms;
import io.wms.core.auth.Actor;
import io.wms.core.inventory.PickResult;
import io.wms.core.inventory.PickStock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places an order: the application's order row and wms's pick in one Spring-managed transaction.
 */
@Service
public class OrderService {

    private final JdbcTemplate jdbc;
    private final Wms wms;

    /**
     * Creates the service.
     *
     * @param jdbc the application's own SQL
     * @param wms  the warehouse, auto-configured by the starter
     */
    public OrderService(JdbcTemplate jdbc, Wms wms) {
        this.jdbc = jdbc;
        this.wms = wms;
    }

    /**
     * Records the order and picks its stock; if anything after the pick fails, both are undone.
     *
     * @param picker     who picks
     * @param orderId    the order's id
     * @param productId  the product
     * @param quantity   how many units
     * @param afterPick  what the application does next (charge the card, ...); may throw
     * @return the pick
     */
    // readme-snippet: spring-boot
    @Transactional
    public PickResult placeOrder(Actor picker, long orderId, long productId, int quantity, Runnable afterPick) {
        jdbc.update("insert into orders (id, product_id, quantity) values (?, ?, ?)", orderId, productId, quantity);
        PickResult pick = wms.inventory().pick(picker, new PickStock(productId, quantity, 0, null, "order-" + orderId));
        afterPick.run();      // throws? the order row, the pick, its ledger rows and its key roll back together
        return pick;
    }
    // readme-snippet-end
}
