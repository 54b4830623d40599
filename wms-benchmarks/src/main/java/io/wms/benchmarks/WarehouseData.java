package io.wms.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Fills a migrated database with a warehouse of a given size in a few set-based statements, so that every benchmark
 * of a run reads and writes the same data at a realistic scale.
 *
 * <p>Every product has {@code batchesPerProduct} batches with mixed expiry dates (some expired, some without), and
 * every batch {@code tracksPerBatch} ledger rows whose changes add up to the batch's quantity.
 */
final class WarehouseData {

    private WarehouseData() {
    }

    /**
     * Loads the data.
     *
     * @param dataSource        the migrated, empty database
     * @param products          how many products
     * @param batchesPerProduct batches per product
     * @param tracksPerBatch    ledger rows per batch (at least 1)
     */
    static void load(DataSource dataSource, int products, int batchesPerProduct, int tracksPerBatch) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into users (email, password) select 'user' || n || '@example.com', "
                    + "'$2a$10$abcdefghijklmnopqrstuu7c7fGXo1GyyKGPpL5l5XU3xSp0i7pZa' from generate_series(1, 20) n");
            statement.execute("insert into categories (name) select 'Category ' || n from generate_series(1, 50) n");
            statement.execute("insert into brands (name) select 'Brand ' || n from generate_series(1, 200) n");
            statement.execute("insert into products (name, description, category_id, brand_id) "
                    + "select (array['Steel', 'Organic', 'Premium', 'Compact', 'Fresh'])[1 + n % 5] || ' ' "
                    + "|| (array['widget', 'coffee', 'bolt', 'apple', 'cable', 'paper'])[1 + n % 6] || ' ' || n, "
                    + "'Product number ' || n, 1 + n % 50, 1 + n % 200 from generate_series(1, " + products + ") n");
            statement.execute("insert into product_batches "
                    + "(product_id, batch_number, quantity, manufacturing_date, expiry_date, status) "
                    + "select p.id, 'LOT-' || p.id || '-' || b, " + tracksPerBatch + " * 10, "
                    + "current_date - 400, case when b % 7 = 0 then null else current_date - 30 + (b * 37 + p.id) % 400 end, "
                    + "'active' from products p cross join generate_series(1, " + batchesPerProduct + ") b");
            statement.execute("insert into product_batch_tracks "
                    + "(product_batch_id, user_id, action, description, quantity_change, quantity_after, created_at) "
                    + "select pb.id, 1 + (pb.id + t) % 20, 'received', 'benchmark load', 10, 10 * t, "
                    + "now() - interval '1 day' * (" + tracksPerBatch + " - t) "
                    + "from product_batches pb cross join generate_series(1, " + tracksPerBatch + ") t");
            statement.execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("Loading benchmark data failed: " + e.getMessage(), e);
        }
    }
}
