package io.wms.core.internal;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.core.seed.GenerationPlan;
import io.wms.core.seed.GenerationReport;
import io.wms.core.seed.TableLoad;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Generates synthetic warehouse data with PostgreSQL {@code COPY}, streaming rows in small buffers so that memory
 * stays flat at any size.
 *
 * <p>Rows that later rows refer to (categories, brands, products, batches) get ids from a block reserved on the
 * table's identity sequence while the table is locked against other writers, so that no id has to be read back.
 * Each batch's history comes from a random generator seeded by the plan's seed and the batch's position, so the
 * batch row (which needs the final quantity) and its ledger rows (written later, by another {@code COPY}) are
 * generated alike without keeping the histories in memory.
 */
final class SyntheticDataGenerator {

    private static final int FLUSH_BYTES = 1 << 16;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final String[] WORDS = {"Organic", "Classic", "Premium", "Fresh", "Family", "Light", "Spicy",
            "Smoked", "Frozen", "Dried"};
    private static final String[] GOODS = {"apples", "coffee", "pasta", "tea", "honey", "cheese", "soap", "rice",
            "beans", "oil", "flour", "juice"};

    private final DSLContext dsl;
    private final ExpiryPolicy expiry;
    private final WmsSettings settings;

    private final boolean deferPostData;

    SyntheticDataGenerator(DSLContext dsl, WmsSettings settings) {
        this(dsl, settings, true);
    }

    /**
     * Creates a generator that, with {@code deferPostData} false, always copies into the tables as they are: the
     * plain path that a non-owner or a non-empty table gets, to compare the fast path against.
     */
    SyntheticDataGenerator(DSLContext dsl, WmsSettings settings, boolean deferPostData) {
        this.dsl = dsl;
        this.settings = settings;
        this.expiry = new ExpiryPolicy(settings);
        this.deferPostData = deferPostData;
    }

    GenerationReport generate(Actor actor, GenerationPlan plan) {
        actor.require(Permission.MANAGE_CATALOG);
        actor.require(Permission.RECEIVE_STOCK);
        validate(plan);
        return dsl.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            return transaction.connectionResult(connection -> load(transaction, connection, plan));
        });
    }

    private static void validate(GenerationPlan plan) {
        Validator validator = Validator.of("generation plan")
                .positive("categories", plan.categories())
                .positive("brands", plan.brands())
                .positive("products", plan.products())
                .notNegative("batches", plan.batches())
                .notNegative("tracks", plan.tracks());
        if (plan.tracks() < plan.batches()) {
            validator.add("tracks", "min", "must be at least batches (" + plan.batches() + "): every batch is received");
        }
        if (plan.batches() == 0 && plan.tracks() > 0) {
            validator.add("tracks", "max", "must be 0 without batches");
        }
        validator.validate();
    }

    private GenerationReport load(DSLContext transaction, Connection connection, GenerationPlan plan)
            throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(plan.seed());
        LocalDate today = expiry.today();
        Instant now = settings.clock().instant();
        List<TableLoad> loads = new ArrayList<>();

        long start = System.nanoTime();
        long firstCategory = reserve(transaction, CATEGORIES, plan.categories());
        loads.add(copy(transaction, connection, CATEGORIES, plan.categories(), start,
                "COPY categories (id, name) FROM STDIN", rows -> {
                    for (int index = 0; index < plan.categories(); index++) {
                        rows.add(firstCategory + index).add("Category " + (firstCategory + index)).end();
                    }
                }));

        start = System.nanoTime();
        long firstBrand = reserve(transaction, BRANDS, plan.brands());
        loads.add(copy(transaction, connection, BRANDS, plan.brands(), start,
                "COPY brands (id, name) FROM STDIN", rows -> {
                    for (int index = 0; index < plan.brands(); index++) {
                        rows.add(firstBrand + index).add("Brand " + (firstBrand + index)).end();
                    }
                }));

        start = System.nanoTime();
        long firstProduct = reserve(transaction, PRODUCTS, plan.products());
        loads.add(copy(transaction, connection, PRODUCTS, plan.products(), start,
                "COPY products (id, name, category_id, brand_id) FROM STDIN", rows -> {
                    for (int index = 0; index < plan.products(); index++) {
                        rows.add(firstProduct + index)
                                .add(WORDS[random.nextInt(WORDS.length)] + " " + GOODS[random.nextInt(GOODS.length)]
                                        + " " + (firstProduct + index))
                                .add(firstCategory + random.nextInt(plan.categories()))
                                .add(firstBrand + random.nextInt(plan.brands()))
                                .end();
                    }
                }));

        int[] movements = spreadMovements(random, plan.batches(), plan.tracks());
        long historySeed = random.nextLong();

        start = System.nanoTime();
        long firstBatch = reserve(transaction, PRODUCT_BATCHES, plan.batches());
        loads.add(copy(transaction, connection, PRODUCT_BATCHES, plan.batches(), start,
                "COPY product_batches (id, product_id, batch_number, quantity, manufacturing_date, expiry_date, "
                        + "status) FROM STDIN", rows -> {
                    for (int index = 0; index < plan.batches(); index++) {
                        long id = firstBatch + index;
                        History history = new History(historySeed, index, movements[index], now);
                        int quantity = history.finalQuantity();
                        LocalDate manufactured = today.minusDays(history.ageDays());
                        rows.add(id)
                                .add(firstProduct + history.product(plan.products()))
                                .add("B" + id)
                                .add(quantity)
                                .add(manufactured.toString())
                                .add(history.expiresInDays() == null ? null
                                        : today.plusDays(history.expiresInDays()).toString())
                                .add((quantity == 0 ? BatchStatus.DEPLETED : BatchStatus.ACTIVE).databaseValue())
                                .end();
                    }
                }));

        loads.add(copy(transaction, connection, PRODUCT_BATCH_TRACKS, plan.tracks(), System.nanoTime(),
                "COPY product_batch_tracks (product_batch_id, action, quantity_change, quantity_after, created_at) "
                        + "FROM STDIN", rows -> {
                    for (int index = 0; index < plan.batches(); index++) {
                        History history = new History(historySeed, index, movements[index], now);
                        history.write(rows, firstBatch + index);
                    }
                }));
        return new GenerationReport(loads);
    }

    /**
     * Copies one table's rows, into the table without its post-data when it is empty (see {@link PostData}), and
     * reports the time since {@code start}, which includes reserving the ids and re-creating the post-data.
     */
    private TableLoad copy(DSLContext transaction, Connection connection, Table<?> table, int count, long start,
            String statement, RowWriter writer) throws SQLException, IOException {
        PostData postData = deferPostData ? PostData.dropIfEmpty(transaction, connection, table) : PostData.NONE;
        try (Rows rows = new Rows(connection.unwrap(PGConnection.class).getCopyAPI(), statement)) {
            writer.write(rows);
        }
        postData.restore();
        return new TableLoad(table.getName(), count, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Writes one table's rows. */
    private interface RowWriter {
        void write(Rows rows) throws IOException;
    }

    /**
     * Reserves ids for {@code count} rows: the table is locked against other writers until the transaction ends,
     * so that nobody draws from the sequence between taking the first id and moving it past the block.
     */
    private static long reserve(DSLContext transaction, Table<?> table, int count) {
        transaction.execute("LOCK TABLE {0} IN SHARE ROW EXCLUSIVE MODE", table);
        String sequence = transaction.select(field("pg_get_serial_sequence({0}, {1})", String.class,
                        val(table.getName()), inline("id")))
                .fetchSingle().value1();
        long first = transaction.select(field("nextval({0}::regclass)", Long.class, val(sequence))).fetchSingle().value1();
        if (count > 1) {
            transaction.select(field("setval({0}::regclass, {1})", Long.class, val(sequence), val(first + count - 1)))
                    .fetchSingle();
        }
        return first;
    }

    /** Every batch has its receipt; the remaining ledger rows fall on batches at random. */
    private static int[] spreadMovements(SplittableRandom random, int batches, int tracks) {
        int[] movements = new int[batches];
        java.util.Arrays.fill(movements, 1);
        for (long extra = (long) tracks - batches; extra > 0; extra--) {
            movements[random.nextInt(batches)]++;
        }
        return movements;
    }

    /**
     * One batch's history, the same every time it is created with the same arguments: a receipt, then picks,
     * further receipts and small corrections that never take the quantity below zero.
     */
    private static final class History {

        private final long seed;
        private final int movements;
        private final Instant now;
        private final SplittableRandom random;
        private final int product;
        private final int ageDays;
        private final Integer expiresInDays;

        History(long historySeed, int index, int movements, Instant now) {
            this.seed = historySeed ^ (index * GOLDEN_GAMMA);
            this.movements = movements;
            this.now = now;
            this.random = new SplittableRandom(seed);
            this.product = random.nextInt(Integer.MAX_VALUE);
            this.ageDays = 1 + random.nextInt(365);
            // One batch in ten never expires; of the others, about one in nine is already expired (never before
            // it was made).
            this.expiresInDays = random.nextInt(10) == 0 ? null : random.nextInt(Math.max(-45, -ageDays), 365);
        }

        int product(int products) {
            return product % products;
        }

        int ageDays() {
            return ageDays;
        }

        Integer expiresInDays() {
            return expiresInDays;
        }

        int finalQuantity() {
            SplittableRandom steps = new SplittableRandom(seed + 1);
            int quantity = 0;
            for (int step = 0; step < movements; step++) {
                quantity += change(steps, step, quantity);
            }
            return quantity;
        }

        void write(Rows rows, long batchId) throws IOException {
            SplittableRandom steps = new SplittableRandom(seed + 1);
            int quantity = 0;
            Instant at = now.minus(Duration.ofDays(ageDays));
            long spacingSeconds = Math.max(60, Duration.ofDays(ageDays).toSeconds() / (movements + 1));
            for (int step = 0; step < movements; step++) {
                boolean receipt = step == 0 || quantity == 0;
                int change = change(steps, step, quantity);
                quantity += change;
                TrackAction action = receipt || change > 0 && step % 7 == 3 ? TrackAction.RECEIVED
                        : change < 0 && step % 5 == 4 ? TrackAction.ADJUSTED : TrackAction.PICKED;
                rows.add(batchId).add(action.databaseValue()).add(change).add(quantity).add(at.toString()).end();
                at = at.plusSeconds(spacingSeconds);
            }
        }

        /** A receipt when the batch is new or empty; otherwise mostly picks, some receipts and corrections. */
        private static int change(SplittableRandom steps, int step, int quantity) {
            int roll = steps.nextInt(100);
            int size = 1 + steps.nextInt(200);
            if (step == 0 || quantity == 0) {
                return size;
            }
            if (step % 7 == 3) {
                return size;
            }
            if (step % 5 == 4) {
                return -Math.min(quantity, 1 + roll % 3);
            }
            return -Math.min(quantity, 1 + size % Math.max(1, quantity / 2 + 1));
        }
    }

    /** Text-format {@code COPY} rows, buffered and streamed. */
    private static final class Rows implements AutoCloseable {

        private final CopyIn copyIn;
        private final StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 1024);
        private boolean firstColumn = true;

        Rows(CopyManager copy, String statement) throws SQLException {
            this.copyIn = copy.copyIn(statement);
        }

        Rows add(long value) {
            separate();
            buffer.append(value);
            return this;
        }

        /** Values generated here never contain tabs, newlines or backslashes, so they need no escaping. */
        Rows add(String value) {
            separate();
            buffer.append(value == null ? "\\N" : value);
            return this;
        }

        void end() throws IOException {
            buffer.append('\n');
            firstColumn = true;
            if (buffer.length() >= FLUSH_BYTES) {
                flush();
            }
        }

        private void separate() {
            if (!firstColumn) {
                buffer.append('\t');
            }
            firstColumn = false;
        }

        private void flush() throws IOException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copyIn.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IOException(e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() throws IOException {
            flush();
            try {
                copyIn.endCopy();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
