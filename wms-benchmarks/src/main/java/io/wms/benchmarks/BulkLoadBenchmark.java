package io.wms.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import io.wms.generator.GenerationPlan;
import io.wms.generator.GenerationReport;
import io.wms.generator.SyntheticDataGenerator;
import io.wms.testkit.WmsTestDatabase;
import io.wms.testkit.WmsTestServer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the same batch rows four ways, each into a fresh database that holds the same products, and reports rows per
 * second, the best of {@value #ROUNDS} rounds each:
 * <ol>
 *   <li>the generator ({@code SyntheticDataGenerator.generate} of wms-generator), whose time for
 *       {@code product_batches} and {@code batch_locations} includes reserving the ids, dropping and re-creating the
 *       secondary indexes and foreign keys, suspending the placement triggers, making the rows and placing their units
 *       with one statement;</li>
 *   <li>a raw pgjdbc {@code COPY} into the table as the migrations made it, indexes, foreign keys and the triggers
 *       that place each batch's units in the default location in place: what a host's own import costs;</li>
 *   <li>a raw {@code COPY} into the table without its secondary indexes, foreign keys and placement triggers,
 *       followed by one statement placing the units and the re-creation: what the generator does, without the library
 *       and without making the rows;</li>
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

    /**
     * The secondary indexes and foreign keys of the batches and of their units at locations, as statements that drop
     * them and that re-create them: what the generator drops and re-creates around its load of an empty warehouse.
     */
    private static final String POST_DATA = """
            select format('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef(indexrelid)
            from pg_index where indrelid in ('product_batches'::regclass, 'batch_locations'::regclass)
              and not indisprimary
            union all
            select format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
            from pg_constraint where conrelid in ('product_batches'::regclass, 'batch_locations'::regclass)
              and contype = 'f'""";

    /** The triggers that place each batch's units in the default location and check the sum, row by row (V14). */
    private static final String SUSPEND_PLACEMENT = """
            ALTER TABLE product_batches DISABLE TRIGGER product_batches_place_inserted;
            ALTER TABLE batch_locations DISABLE TRIGGER batch_locations_sum_matches_batch""";
    private static final String RESUME_PLACEMENT = SUSPEND_PLACEMENT.replace("DISABLE", "ENABLE");
    /** Every loaded batch's units in the default location, with one statement, as the triggers would put them. */
    private static final String PLACE_IN_DEFAULT_LOCATION = """
            INSERT INTO batch_locations (product_batch_id, location_id, quantity)
            SELECT b.id, l.id, b.quantity FROM product_batches b, locations l WHERE l.is_default AND b.quantity > 0""";

    private final int rows;
    private final WmsTestServer server;
    private byte[] products;
    private byte[] batches;

    private BulkLoadBenchmark(int rows, WmsTestServer server) {
        this.rows = rows;
        this.server = server;
    }

    /**
     * Runs the four loads.
     *
     * @param rows       how many batch rows each load writes
     * @param server     the server to load into, a fresh database per round
     * @param serverName how the report names the server
     * @return the Markdown section
     * @throws SQLException if a load fails
     * @throws IOException  if a COPY stream fails
     */
    static String report(int rows, WmsTestServer server, String serverName) throws SQLException, IOException {
        BulkLoadBenchmark benchmark = new BulkLoadBenchmark(rows, server);
        double generator = benchmark.best(benchmark::generator);
        double indexed = benchmark.best(benchmark::rawCopyIntoIndexedTable);
        double deferred = benchmark.best(benchmark::rawCopyThenPostData);
        double inserts = benchmark.best(benchmark::batchedInserts);
        return "## Bulk load of " + String.format(Locale.ROOT, "%,d", rows) + " batch rows, " + serverName + "\n\n"
                + "| method | rows/s | generator / method |\n|---|---:|---:|\n"
                + line("generator (binary COPY via wms, indexes and foreign keys re-created, units placed by one "
                        + "statement)", generator, generator)
                + line("raw COPY into the indexed table, its triggers placing each batch (pgjdbc, binary, same rows)",
                        indexed, generator)
                + line("raw COPY without secondary indexes, foreign keys and placement triggers, then one statement "
                        + "placing the units and their re-creation (same rows)",
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
            try (WmsTestDatabase database = server.createDatabase()) {
                best = Math.max(best, round.rowsPerSecond(database));
            }
        }
        return best;
    }

    /** Also keeps the rows of the first round, for the raw loads to copy. */
    private double generator(WmsTestDatabase database) throws SQLException, IOException {
        try (HikariDataSource pool = Warehouse.poolFor(database, 2)) {
            GenerationReport report = SyntheticDataGenerator.on(pool).generate(Warehouse.ACTOR,
                    new GenerationPlan(7, 10, 10, PRODUCTS, rows, rows));
            // The batches and the one statement that places their units: what the raw loads do with their COPY.
            Duration elapsed = report.table("product_batches").elapsed().plus(report.table("batch_locations").elapsed());
            if (batches == null) {
                try (Connection connection = pool.getConnection()) {
                    products = copyOut(connection, "COPY (SELECT id, name FROM products ORDER BY id) TO STDOUT "
                            + "(FORMAT binary)");
                    batches = copyOut(connection, "COPY (SELECT " + BATCH_COLUMNS
                            + " FROM product_batches ORDER BY id) TO STDOUT (FORMAT binary)");
                }
            }
            return rows / (elapsed.toNanos() / 1e9);
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
            statement.execute(SUSPEND_PLACEMENT);
            copyIn(connection, COPY_BATCHES, batches);
            statement.execute(PLACE_IN_DEFAULT_LOCATION);
            for (String[] definition : postData) {
                statement.execute(definition[1]);
            }
            statement.execute(RESUME_PLACEMENT);
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
