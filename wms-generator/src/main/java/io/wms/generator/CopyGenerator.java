package io.wms.generator;

import static io.wms.jooq.Tables.BATCH_LOCATIONS;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.LOCATIONS;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.WAREHOUSES;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import io.wms.core.Wms;
import io.wms.core.WmsOperations;
import io.wms.core.auth.Actor;
import io.wms.core.auth.Permission;
import io.wms.core.error.DatabaseException;
import io.wms.core.error.InternalException;
import io.wms.core.error.NotFoundException;
import io.wms.core.error.RetryableException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
import io.wms.core.error.Violation.Rule;
import io.wms.core.error.WmsException;
import io.wms.core.model.BatchStatus;
import io.wms.core.model.TrackAction;
import io.wms.jooq.Public;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Generates synthetic warehouse data with PostgreSQL binary {@code COPY}, streaming rows in small buffers so that
 * memory stays flat at any size.
 *
 * <p>A table that is empty when its turn comes, and that the connected role owns (with every table its foreign keys
 * refer to), is loaded as pg_restore loads it: its secondary indexes and foreign keys are dropped, the rows copied
 * in, and the indexes and foreign keys re-created from the definitions the catalog held
 * ({@link DeferredIndexesAndKeys}), all in the generator's one transaction, so that a failure anywhere leaves the
 * schema and the data as they were.
 * Building an index once over all rows and checking a foreign key with one join costs a fraction of maintaining them
 * row by row. The price is stronger locks until the transaction ends: such a table, and the tables its foreign keys
 * refer to ({@code users} among them), cannot even be read by other sessions while the generator runs. Any other
 * table (a table with rows, or a role that does not own it, such as the application role) gets the plain
 * {@code COPY} into the table as it is; the rows written are the same either way.
 *
 * <p>Rows that later rows refer to (categories, brands, products, batches) get ids from a block reserved on the
 * table's identity sequence while the table is locked against other writers, so that no id has to be read back.
 * Each batch's history comes from a random generator seeded by the plan's seed and the batch's position, so the
 * batch row (which needs the final quantity) and its ledger rows (written later, by another {@code COPY}) are
 * generated alike without keeping the histories in memory.
 *
 * <p>wms is reached only through its public API: the transaction is the generator's own, on a connection it takes
 * from the data source, and runs as a host transaction of a {@link Wms} on the same data source, which checks the
 * actor against the live users and translates every failure of the work as wms translates its own. The permission
 * checks are explicit here, since the generator is no operation of wms's.
 */
final class CopyGenerator implements SyntheticDataGenerator {

    private static final int BUFFER_BYTES = 1 << 16;
    /** SQLSTATE class 08, connection exception: the server is unreachable or the connection broke. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final String[] WORDS = {"Organic", "Classic", "Premium", "Fresh", "Family", "Light", "Spicy",
            "Smoked", "Frozen", "Dried"};
    private static final String[] GOODS = {"apples", "coffee", "pasta", "tea", "honey", "cheese", "soap", "rice",
            "beans", "oil", "flour", "juice"};

    private final DataSource dataSource;
    private final String schema;
    private final Clock clock;
    private final ZoneId warehouseZone;
    private final Settings rendering;
    private final boolean deferPostData;

    /**
     * Creates a generator that, with {@code deferPostData} false, always copies into the tables as they are: the
     * plain path that a non-owner or a non-empty table gets, to compare the fast path against.
     */
    CopyGenerator(DataSource dataSource, String schema, Clock clock, ZoneId warehouseZone, boolean deferPostData) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.clock = clock;
        this.warehouseZone = warehouseZone;
        this.deferPostData = deferPostData;
        // The generated classes belong to the schema they were generated from; every statement names the wms schema,
        // as wms's own do, whatever the connection's search_path.
        this.rendering = new Settings().withExecuteLogging(false).withRenderSchema(true)
                .withRenderMapping(new RenderMapping().withSchemata(
                        new MappedSchema().withInput(Public.PUBLIC.getName()).withOutput(schema)));
    }

    @Override
    public GenerationReport generate(Actor actor, GenerationPlan plan) {
        refuseMissing(actor, plan);
        List<Permission> needs = permissionsFor(plan);
        // Dropping and re-creating the indexes and keys, and locking the tables against readers, stops the warehouse:
        // only whoever may purge data may do that. The claim is checked before anything is read, the user's current
        // roles inside the transaction.
        needs.forEach(actor::require);
        validate(plan);
        try (Wms wms = Wms.builder().dataSource(dataSource).schema(schema).clock(clock).warehouseZone(warehouseZone)
                .build()) {
            return DSL.using(dataSource, SQLDialect.POSTGRES, rendering).transactionResult(transaction -> {
                DSLContext dsl = transaction.dsl();
                return dsl.connectionResult(connection -> wms.inHostTransaction(connection, operations -> {
                    needs.forEach(liveActor(operations, actor)::require);
                    return loadUnchecked(dsl, connection, plan);
                }));
            });
        } catch (DataAccessException failure) {
            throw outsideTheWork(failure);
        } catch (WmsException refused) {
            throw refused;
        } catch (RuntimeException defect) {
            throw new InternalException("SyntheticDataGenerator.generate failed unexpectedly: " + defect, defect);
        }
    }

    /**
     * The work's own failures leave inHostTransaction translated: this one came from taking the connection, beginning
     * or committing, and is retryable where wms deems its own so, when the connection itself failed.
     */
    private static WmsException outsideTheWork(DataAccessException failure) {
        SQLException cause = failure.getCause(SQLException.class);
        String sqlState = cause == null ? null : cause.getSQLState();
        if (cause instanceof SQLTransientConnectionException || sqlState == null
                || sqlState.startsWith(CONNECTION_EXCEPTION_CLASS)) {
            return new RetryableException("The generator's connection failed: " + failure.getMessage(), sqlState,
                    failure);
        }
        return new DatabaseException("The generator's transaction failed (" + sqlState + "): " + failure.getMessage(),
                sqlState, failure);
    }

    private static void refuseMissing(Actor actor, GenerationPlan plan) {
        List<Violation> missing = new ArrayList<>(2);
        if (actor == null) {
            missing.add(new Violation("actor", Rule.REQUIRED, "is required"));
        }
        if (plan == null) {
            missing.add(new Violation("plan", Rule.REQUIRED, "is required"));
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("arguments of generate", missing);
        }
    }

    private static List<Permission> permissionsFor(GenerationPlan plan) {
        return plan.bins() > 0
                ? List.of(Permission.PURGE_DATA, Permission.MANAGE_CATALOG, Permission.RECEIVE_STOCK,
                        Permission.MANAGE_LOCATIONS)
                : List.of(Permission.PURGE_DATA, Permission.MANAGE_CATALOG, Permission.RECEIVE_STOCK);
    }

    /**
     * The actor as wms's own operations see it: a user acts with no more than their roles grant now, and with nothing
     * once deleted. Checked on the generator's connection, so that the roles cannot change before the load commits
     * unnoticed by it.
     */
    private static Actor liveActor(WmsOperations operations, Actor claimed) {
        if (claimed.isSystem()) {
            return claimed;
        }
        try {
            return operations.auth().actorFor(claimed.userId());
        } catch (NotFoundException deleted) {
            return Actor.ofUser(claimed.userId(), claimed.name(), Set.of());
        }
    }

    private static void validate(GenerationPlan plan) {
        List<Violation> violations = new ArrayList<>();
        figure(violations, "categories", plan.categories(), 1, GenerationPlan.MAX_CATEGORIES);
        figure(violations, "brands", plan.brands(), 1, GenerationPlan.MAX_BRANDS);
        figure(violations, "products", plan.products(), 1, GenerationPlan.MAX_PRODUCTS);
        figure(violations, "batches", plan.batches(), 0, GenerationPlan.MAX_BATCHES);
        figure(violations, "tracks", plan.tracks(), 0, GenerationPlan.MAX_TRACKS);
        figure(violations, "bins", plan.bins(), 0, GenerationPlan.MAX_BINS);
        if (plan.tracks() < plan.batches()) {
            violations.add(new Violation("tracks", Rule.MIN,
                    "must be at least batches (" + plan.batches() + "): every batch is received"));
        }
        if (plan.batches() == 0 && plan.tracks() > 0) {
            violations.add(new Violation("tracks", Rule.MAX, "must be 0 without batches"));
        }
        long mostTracks = (long) plan.batches() * GenerationPlan.MAX_TRACKS_PER_BATCH;
        if (plan.batches() > 0 && plan.tracks() > mostTracks) {
            violations.add(new Violation("tracks", Rule.MAX_PER_BATCH, "must be at most "
                    + GenerationPlan.MAX_TRACKS_PER_BATCH + " per batch (" + mostTracks + "), got " + plan.tracks()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException("generation plan", violations);
        }
    }

    /** One figure of the plan within its range: at least {@code least} (0 or 1), at most {@code most}. */
    private static void figure(List<Violation> violations, String field, int value, int least, int most) {
        if (value < least) {
            violations.add(least == 0 ? new Violation(field, Rule.NOT_NEGATIVE, "must not be negative, got " + value)
                    : new Violation(field, Rule.POSITIVE, "must be greater than 0, got " + value));
        } else if (value > most) {
            violations.add(new Violation(field, Rule.MAX, "must be at most " + most + ", got " + value));
        }
    }

    /** Loads inside the host transaction, whose translation finds the SQL failure under the unchecked wrapper. */
    private GenerationReport loadUnchecked(DSLContext transaction, Connection connection, GenerationPlan plan) {
        try {
            return load(transaction, connection, plan);
        } catch (SQLException | IOException failure) {
            throw new DataAccessException("Loading the generated rows failed: " + failure.getMessage(), failure);
        }
    }

    private GenerationReport load(DSLContext transaction, Connection connection, GenerationPlan plan)
            throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(plan.seed());
        LocalDate today = LocalDate.now(clock.withZone(warehouseZone));
        Instant now = clock.instant();
        List<TableLoad> loads = new ArrayList<>();

        long start = System.nanoTime();
        long firstCategory = reserve(transaction, CATEGORIES, plan.categories());
        loads.add(copy(transaction, connection, CATEGORIES, plan.categories(), start, rows -> {
            for (int index = 0; index < plan.categories(); index++) {
                rows.bigint(CATEGORIES.ID, firstCategory + index)
                        .text(CATEGORIES.NAME, "Category " + (firstCategory + index));
            }
        }, CATEGORIES.ID, CATEGORIES.NAME));

        start = System.nanoTime();
        long firstBrand = reserve(transaction, BRANDS, plan.brands());
        loads.add(copy(transaction, connection, BRANDS, plan.brands(), start, rows -> {
            for (int index = 0; index < plan.brands(); index++) {
                rows.bigint(BRANDS.ID, firstBrand + index).text(BRANDS.NAME, "Brand " + (firstBrand + index));
            }
        }, BRANDS.ID, BRANDS.NAME));

        start = System.nanoTime();
        long firstProduct = reserve(transaction, PRODUCTS, plan.products());
        loads.add(copy(transaction, connection, PRODUCTS, plan.products(), start, rows -> {
            for (int index = 0; index < plan.products(); index++) {
                rows.bigint(PRODUCTS.ID, firstProduct + index)
                        .text(PRODUCTS.NAME, WORDS[random.nextInt(WORDS.length)] + " "
                                + GOODS[random.nextInt(GOODS.length)] + " " + (firstProduct + index))
                        .bigint(PRODUCTS.CATEGORY_ID, firstCategory + random.nextInt(plan.categories()))
                        .bigint(PRODUCTS.BRAND_ID, firstBrand + random.nextInt(plan.brands()));
            }
        }, PRODUCTS.ID, PRODUCTS.NAME, PRODUCTS.CATEGORY_ID, PRODUCTS.BRAND_ID));

        int[] movements = spreadMovements(random, plan.batches(), plan.tracks());
        long historySeed = random.nextLong();

        start = System.nanoTime();
        long firstBatch = reserve(transaction, PRODUCT_BATCHES, plan.batches());
        PlacementTriggers triggers = deferPostData ? PlacementTriggers.suspendIfOwnedAndEmpty(transaction)
                : PlacementTriggers.KEPT;
        loads.add(copy(transaction, connection, PRODUCT_BATCHES, plan.batches(), start, rows -> {
            for (int index = 0; index < plan.batches(); index++) {
                long id = firstBatch + index;
                History history = new History(historySeed, index, movements[index], now);
                int quantity = history.finalQuantity();
                rows.bigint(PRODUCT_BATCHES.ID, id)
                        .bigint(PRODUCT_BATCHES.PRODUCT_ID, firstProduct + history.product(plan.products()))
                        .text(PRODUCT_BATCHES.BATCH_NUMBER, "B" + id)
                        .integer(PRODUCT_BATCHES.QUANTITY, quantity)
                        .date(PRODUCT_BATCHES.MANUFACTURING_DATE, today.minusDays(history.ageDays()))
                        .date(PRODUCT_BATCHES.EXPIRY_DATE,
                                history.expiresInDays() == null ? null : today.plusDays(history.expiresInDays()))
                        .text(PRODUCT_BATCHES.STATUS,
                                quantity == 0 ? BatchStatus.DEPLETED : BatchStatus.ACTIVE);
            }
        }, PRODUCT_BATCHES.ID, PRODUCT_BATCHES.PRODUCT_ID, PRODUCT_BATCHES.BATCH_NUMBER, PRODUCT_BATCHES.QUANTITY,
                PRODUCT_BATCHES.MANUFACTURING_DATE, PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.STATUS));

        // The ledger rows name where the units are, so that no row needs the trigger that names the default location
        // for writers that name none.
        Placement placement = place(transaction, connection, plan, firstBatch, triggers, loads);
        loads.add(copy(transaction, connection, PRODUCT_BATCH_TRACKS, plan.tracks(), System.nanoTime(), rows -> {
            for (int index = 0; index < plan.batches(); index++) {
                History history = new History(historySeed, index, movements[index], now);
                history.write(rows, firstBatch + index, placement.locationOf(index));
            }
        }, PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, PRODUCT_BATCH_TRACKS.ACTION, PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE,
                PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, PRODUCT_BATCH_TRACKS.CREATED_AT, PRODUCT_BATCH_TRACKS.LOCATION_ID));
        return new GenerationReport(loads);
    }

    /**
     * Creates the plan's bins in the default warehouse and puts each batch's units in its location: the batch at
     * position {@code index} in bin {@code index % bins}, or in the default location without bins. With the placement
     * triggers suspended, one statement writes every batch's location row (into the table without its post-data when
     * it is empty) and the triggers resume; otherwise the database has placed every batch in the default location row
     * by row, and with bins one statement moves each batch's units to its bin, which leaves each batch's quantity and
     * the sum over its locations as they were.
     */
    private Placement place(DSLContext transaction, Connection connection, GenerationPlan plan, long firstBatch,
            PlacementTriggers triggers, List<TableLoad> loads) throws SQLException, IOException {
        Record2<Long, Long> defaults = transaction.select(LOCATIONS.ID, LOCATIONS.WAREHOUSE_ID)
                .from(LOCATIONS)
                .join(WAREHOUSES).on(WAREHOUSES.ID.eq(LOCATIONS.WAREHOUSE_ID))
                .where(WAREHOUSES.IS_DEFAULT.isTrue().and(LOCATIONS.IS_DEFAULT.isTrue()))
                .fetchSingle();
        long defaultLocation = defaults.value1();
        if (plan.bins() == 0 && !triggers.suspended()) {
            return new Placement(defaultLocation, 0, 0);
        }
        long firstBin = 0;
        if (plan.bins() > 0) {
            firstBin = createBins(transaction, connection, plan.bins(), defaults.value2(), loads);
        }
        long start = System.nanoTime();
        long lastBatch = firstBatch + plan.batches() - 1;
        int placed;
        if (triggers.suspended()) {
            Field<Long> location = plan.bins() == 0 ? val(defaultLocation)
                    : PRODUCT_BATCHES.ID.minus(firstBatch).mod(plan.bins()).plus(firstBin);
            DeferredIndexesAndKeys postData = DeferredIndexesAndKeys.dropIfEmpty(transaction, connection,
                    BATCH_LOCATIONS);
            placed = transaction.insertInto(BATCH_LOCATIONS, BATCH_LOCATIONS.PRODUCT_BATCH_ID,
                            BATCH_LOCATIONS.LOCATION_ID, BATCH_LOCATIONS.QUANTITY)
                    .select(transaction.select(PRODUCT_BATCHES.ID, location, PRODUCT_BATCHES.QUANTITY)
                            .from(PRODUCT_BATCHES)
                            .where(PRODUCT_BATCHES.ID.between(firstBatch, lastBatch))
                            .and(PRODUCT_BATCHES.QUANTITY.gt(0)))
                    .execute();
            postData.restore();
            triggers.resume();
        } else {
            placed = transaction.update(BATCH_LOCATIONS)
                    .set(BATCH_LOCATIONS.LOCATION_ID, BATCH_LOCATIONS.PRODUCT_BATCH_ID.minus(firstBatch)
                            .mod(plan.bins()).plus(firstBin))
                    .where(BATCH_LOCATIONS.LOCATION_ID.eq(defaultLocation))
                    .and(BATCH_LOCATIONS.PRODUCT_BATCH_ID.between(firstBatch, lastBatch))
                    .execute();
        }
        loads.add(new TableLoad(BATCH_LOCATIONS.getName(), placed, Duration.ofNanos(System.nanoTime() - start)));
        return new Placement(defaultLocation, firstBin, plan.bins());
    }

    /** Copies the bins into the default warehouse: {@code BIN-000001} onwards, pick sequence = number. */
    private long createBins(DSLContext transaction, Connection connection, int bins, long warehouseId,
            List<TableLoad> loads) throws SQLException, IOException {
        long start = System.nanoTime();
        long firstBin = reserve(transaction, LOCATIONS, bins);
        loads.add(copy(transaction, connection, LOCATIONS, bins, start, rows -> {
            for (int index = 0; index < bins; index++) {
                rows.bigint(LOCATIONS.ID, firstBin + index)
                        .bigint(LOCATIONS.WAREHOUSE_ID, warehouseId)
                        .text(LOCATIONS.CODE, String.format(Locale.ROOT, "BIN-%06d", index + 1))
                        .integer(LOCATIONS.PICK_SEQUENCE, index + 1);
            }
        }, LOCATIONS.ID, LOCATIONS.WAREHOUSE_ID, LOCATIONS.CODE, LOCATIONS.PICK_SEQUENCE));
        return firstBin;
    }

    /** Where the batch at each position of the plan holds its units. */
    private record Placement(long defaultLocation, long firstBin, int bins) {

        long locationOf(int batchIndex) {
            return bins == 0 ? defaultLocation : firstBin + batchIndex % bins;
        }
    }

    /**
     * Copies one table's rows, into the table without its post-data when it is empty (see
     * {@link DeferredIndexesAndKeys}), and reports the time since {@code start}, which includes reserving the ids and
     * re-creating the post-data.
     */
    private TableLoad copy(DSLContext transaction, Connection connection, Table<?> table, int count, long start,
            RowWriter writer, Field<?>... columns) throws SQLException, IOException {
        DeferredIndexesAndKeys postData = deferPostData
                ? DeferredIndexesAndKeys.dropIfEmpty(transaction, connection, table) : DeferredIndexesAndKeys.NONE;
        try (Rows rows = new Rows(transaction, connection, table, columns)) {
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
        // The table's name as rendered, with its mapped schema: the connection's search_path may not reach it.
        String sequence = transaction.select(field("pg_catalog.pg_get_serial_sequence({0}, {1})", String.class,
                        val(transaction.render(table)), inline("id")))
                .fetchSingle().value1();
        long first = transaction.select(field("pg_catalog.nextval({0}::regclass)", Long.class, val(sequence)))
                .fetchSingle().value1();
        if (count > 1) {
            transaction.select(field("pg_catalog.setval({0}::regclass, {1})", Long.class, val(sequence), val(first + count - 1)))
                    .fetchSingle();
        }
        return first;
    }

    /** Every batch has its receipt; the remaining ledger rows fall on batches at random. */
    private static int[] spreadMovements(SplittableRandom random, int batches, int tracks) {
        int[] movements = new int[batches];
        Arrays.fill(movements, 1);
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

        void write(Rows rows, long batchId, long locationId) throws IOException {
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
                rows.bigint(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, batchId)
                        .text(PRODUCT_BATCH_TRACKS.ACTION, action)
                        .integer(PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, change)
                        .integer(PRODUCT_BATCH_TRACKS.QUANTITY_AFTER, quantity)
                        .timestamp(PRODUCT_BATCH_TRACKS.CREATED_AT, at)
                        .bigint(PRODUCT_BATCH_TRACKS.LOCATION_ID, locationId);
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

    /**
     * Binary-format {@code COPY} rows, buffered and streamed: no value is formatted as text by the generator or
     * parsed back by the server. The binary format takes each value in its column's exact type, so every value is
     * written against its jOOQ column: a migration that changes a column's type no longer compiles here, and a
     * value written in the wrong place fails on the first row.
     */
    private static final class Rows implements AutoCloseable {

        private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
        private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
        private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400;
        private static final int NULL = -1;

        private final CopyIn copyIn;
        private final Field<?>[] columns;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
        private int column;

        /** Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)}. */
        Rows(DSLContext transaction, Connection connection, Table<?> table, Field<?>... columns) throws SQLException {
            this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + transaction.render(table)
                    + " (" + Arrays.stream(columns).map(field -> transaction.render(name(field.getName())))
                    .collect(Collectors.joining(", ")) + ") FROM STDIN (FORMAT binary)");
            this.columns = columns;
            buffer.put(SIGNATURE).putInt(0).putInt(0);
        }

        Rows bigint(Field<Long> field, long value) throws IOException {
            start(field, Integer.BYTES + Long.BYTES);
            buffer.putInt(Long.BYTES).putLong(value);
            return end();
        }

        Rows integer(Field<Integer> field, int value) throws IOException {
            start(field, Integer.BYTES + Integer.BYTES);
            buffer.putInt(Integer.BYTES).putInt(value);
            return end();
        }

        /** A text column's value, in the form the column's jOOQ converter stores it (a status as its word). */
        <U> Rows text(Field<U> field, U value) throws IOException {
            if (!(field.getConverter().to(value) instanceof String stored)) {
                throw new IllegalStateException(field.getName() + " is not a text column");
            }
            byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
            start(field, Integer.BYTES);
            buffer.putInt(bytes.length);
            if (bytes.length > buffer.capacity()) {
                flush();
                write(bytes, bytes.length);
            } else {
                makeRoomFor(bytes.length);
                buffer.put(bytes);
            }
            return end();
        }

        /** A date, or SQL {@code NULL}. */
        Rows date(Field<LocalDate> field, LocalDate value) throws IOException {
            start(field, Integer.BYTES + Integer.BYTES);
            if (value == null) {
                buffer.putInt(NULL);
            } else {
                buffer.putInt(Integer.BYTES).putInt((int) (value.toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            return end();
        }

        /** Microseconds since 2000-01-01 UTC, rounded as the server rounds a text value. */
        Rows timestamp(Field<Instant> field, Instant value) throws IOException {
            start(field, Integer.BYTES + Long.BYTES);
            buffer.putInt(Long.BYTES).putLong((value.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000
                    + (value.getNano() + 500) / 1_000);
            return end();
        }

        /** Begins a value, and the row's column count before its first value. */
        private void start(Field<?> field, int bytes) throws IOException {
            if (field != columns[column]) {
                throw new IllegalStateException(field.getName() + " written where the COPY expects "
                        + columns[column].getName());
            }
            makeRoomFor(Short.BYTES + bytes);
            if (column == 0) {
                buffer.putShort((short) columns.length);
            }
        }

        private Rows end() {
            column = (column + 1) % columns.length;
            return this;
        }

        private void makeRoomFor(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        private void flush() throws IOException {
            write(buffer.array(), buffer.position());
            buffer.clear();
        }

        private void write(byte[] bytes, int length) throws IOException {
            try {
                copyIn.writeToCopy(bytes, 0, length);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            makeRoomFor(Short.BYTES);
            buffer.putShort((short) -1);
            flush();
            try {
                copyIn.endCopy();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }
}
