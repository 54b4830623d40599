package io.wms.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.core.Wms;
import io.wms.core.seed.GenerationPlan;
import io.wms.core.seed.TableLoad;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the same batch rows four ways, each into a fresh database that holds the same products, and reports rows per
 * second, the best of {@value #ROUNDS} rounds each:
 * <ol>
 *   <li>the generator ({@code wms.seeding().generate}), whose time for {@code product_batches} includes reserving
 *       the ids, dropping and re-creating the secondary indexes and foreign keys, and making the rows;</li>
 *   <li>a raw pgjdbc {@code COPY} into the table as the migrations made it, indexes and foreign keys in place;</li>
 *   <li>a raw {@code COPY} into the table without its secondary indexes and foreign keys, followed by their
 *       re-creation: what the generator does, without the library and without making the rows;</li>
 *   <li>batched JDBC {@code INSERT}s of rows of the same shape.</li>
 * </ol>
 * The raw loads copy the very rows the generator wrote (exported with {@code COPY ... TO STDOUT}, binary), from
 * memory, in one transaction: the least any loader has to do.
 */
final class BulkLoadBenchmark {

    private static final int ROUNDS = 3;
    private static final int PRODUCTS = 1_000;
    private static final String BATCH_COLUMNS = "id, product_id, batch_number, quantity, manufacturing_date, "
            + "expiry_date, status";
    private static final String COPY_BATCHES = "COPY product_batches (" + BATCH_COLUMNS + ") FROM STDIN (FORMAT binary)";

    /** The table's secondary indexes and foreign keys as statements that drop them and that re-create them. */
    private static final String POST_DATA = """
            select format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
            from pg_index where indrelid = 'product_batches'::regclass and not indisprimary
            union all
            select format('ALTER TABLE product_batches DROP CONSTRAINT %I', conname),
                   format('ALTER TABLE product_batches ADD CONSTRAINT %I %s', conname, pg_get_constraintdef(oid))
            from pg_constraint where conrelid = 'product_batches'::regclass and contype = 'f'""";

    private final int rows;
    private byte[] products;
    private byte[] batches;

    private BulkLoadBenchmark(int rows) {
        this.rows = rows;
    }

    /**
     * Runs the four loads.
     *
     * @param rows how many batch rows each load writes
     * @return the Markdown section
     * @throws SQLException if a load fails
     * @throws IOException  if a COPY stream fails
     */
    static String report(int rows) throws SQLException, IOException {
        BulkLoadBenchmark benchmark = new BulkLoadBenchmark(rows);
        double generator = benchmark.best(benchmark::generator);
        double indexed = benchmark.best(benchmark::rawCopyIntoIndexedTable);
        double deferred = benchmark.best(benchmark::rawCopyThenPostData);
        double inserts = benchmark.best(benchmark::batchedInserts);
        return "## Bulk load of " + String.format(Locale.ROOT, "%,d", rows) + " batch rows\n\n"
                + "| method | rows/s | generator / method |\n|---|---:|---:|\n"
                + line("generator (binary COPY via wms, indexes and foreign keys re-created)", generator, generator)
                + line("raw COPY into the indexed table (pgjdbc, binary, same rows)", indexed, generator)
                + line("raw COPY without secondary indexes and foreign keys, then their re-creation (same rows)",
                deferred, generator)
                + line("batched INSERTs (JDBC, 1000 per batch)", inserts, generator) + "\n";
    }

    private static String line(String method, double rowsPerSecond, double generator) {
        return String.format(Locale.ROOT, "| %s | %,.0f | %.2f |%n", method, rowsPerSecond, generator / rowsPerSecond);
    }

    private interface Round {
        double rowsPerSecond(WmsTestDatabase database) throws SQLException, IOException;
    }

    private double best(Round round) throws SQLException, IOException {
        double best = 0;
        for (int index = 0; index < ROUNDS; index++) {
            try (WmsTestDatabase database = WmsTestServer.embedded().createDatabase()) {
                best = Math.max(best, round.rowsPerSecond(database));
            }
        }
        return best;
    }

    /** Also keeps the rows of the first round, for the raw loads to copy. */
    private double generator(WmsTestDatabase database) throws SQLException, IOException {
        try (HikariDataSource pool = Warehouse.poolFor(database, 2); Wms wms = Wms.create(pool)) {
            TableLoad load = wms.seeding().generate(Warehouse.ACTOR, new GenerationPlan(7, 10, 10, PRODUCTS, rows, rows))
                    .table("product_batches");
            if (batches == null) {
                try (Connection connection = pool.getConnection()) {
                    products = copyOut(connection, "COPY (SELECT id, name FROM products ORDER BY id) TO STDOUT "
                            + "(FORMAT binary)");
                    batches = copyOut(connection, "COPY (SELECT " + BATCH_COLUMNS
                            + " FROM product_batches ORDER BY id) TO STDOUT (FORMAT binary)");
                }
            }
            return load.rowsPerSecond();
        }
    }

    private double rawCopyIntoIndexedTable(WmsTestDatabase database) throws SQLException, IOException {
        try (Connection connection = withProducts(database)) {
            long start = System.nanoTime();
            copyIn(connection, COPY_BATCHES, batches);
            return rate(start, connection);
        }
    }

    private double rawCopyThenPostData(WmsTestDatabase database) throws SQLException, IOException {
        try (Connection connection = withProducts(database); Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            List<String[]> postData = new ArrayList<>();
            try (ResultSet definitions = statement.executeQuery(POST_DATA)) {
                while (definitions.next()) {
                    postData.add(new String[] {definitions.getString(1), definitions.getString(2)});
                }
            }
            for (String[] definition : postData) {
                statement.execute(definition[0]);
            }
            copyIn(connection, COPY_BATCHES, batches);
            for (String[] definition : postData) {
                statement.execute(definition[1]);
            }
            return rate(start, connection);
        }
    }

    private double batchedInserts(WmsTestDatabase database) throws SQLException, IOException {
        try (Connection connection = withProducts(database);
             PreparedStatement insert = connection.prepareStatement("insert into product_batches "
                     + "(product_id, batch_number, quantity, manufacturing_date, expiry_date, status) "
                     + "values (?, ?, ?, current_date - 100, current_date + 200, 'active')")) {
            long firstProduct;
            try (ResultSet first = connection.createStatement().executeQuery("select min(id) from products")) {
                first.next();
                firstProduct = first.getLong(1);
            }
            long start = System.nanoTime();
            for (int row = 0; row < rows; row++) {
                insert.setLong(1, firstProduct + row % PRODUCTS);
                insert.setString(2, "LOT-" + row);
                insert.setInt(3, 10 + row % 90);
                insert.addBatch();
                if (row % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            return rate(start, connection);
        }
    }

    /** A connection in a new transaction on a database that holds the generator's products, already committed. */
    private Connection withProducts(WmsTestDatabase database) throws SQLException, IOException {
        Connection connection = database.dataSource().getConnection();
        copyIn(connection, "COPY products (id, name) FROM STDIN (FORMAT binary)", products);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Rows per second since {@code start}; the commit that follows is not counted, as the generator's is not. */
    private double rate(long start, Connection connection) throws SQLException {
        double seconds = (System.nanoTime() - start) / 1e9;
        connection.commit();
        return rows / seconds;
    }

    private static byte[] copyOut(Connection connection, String statement) throws SQLException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        copyManager(connection).copyOut(statement, bytes);
        return bytes.toByteArray();
    }

    private static void copyIn(Connection connection, String statement, byte[] data) throws SQLException, IOException {
        copyManager(connection).copyIn(statement, new ByteArrayInputStream(data), 1 << 16);
    }

    private static CopyManager copyManager(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }
}
