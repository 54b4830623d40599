package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.Mappers;
import io.wms.core.internal.Transactions;
import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.TrackEntry;
import io.wms.core.model.User;
import io.wms.jooq.converters.TrackActionConverter;
import io.wms.core.repository.ProductRepository;
import io.wms.jooq.tables.records.BrandsRecord;
import io.wms.jooq.tables.records.CategoriesRecord;
import io.wms.jooq.tables.records.ProductBatchTracksRecord;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import io.wms.jooq.tables.records.ProductsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A product with its category, brand, live batches and their newest ledger rows
 * ({@link ProductRepository#MAX_HISTORY_PER_BATCH} per batch, read through the index on
 * {@code (product_batch_id, created_at)}) with the acting users, as one statement: a UNION ALL of three parts, the
 * product row, its batch rows and their ledger rows, each part filling its own columns and leaving the others' null.
 * A flat join would repeat every parent's columns on each of its children's rows, and nested MULTISET documents would
 * be encoded as JSON by the server and parsed again here (BENCHMARKS.md has the figures); a null costs four bytes.
 *
 * <p>Being one statement, it reads one snapshot without a transaction: on a connection of its own it is one round
 * trip, no BEGIN and no COMMIT, and a batch's quantity always agrees with its history. Inside a caller's transaction
 * it runs in that transaction, at the caller's isolation level.
 */
final class FullTrackingQuery {

    private static final TrackActionConverter LEDGER_ACTION = new TrackActionConverter();

    private static final Field<?>[] ACTING_USER = {USERS.ID, USERS.EMAIL, USERS.CREATED_AT, USERS.UPDATED_AT,
            USERS.DELETED_AT, USERS.VERSION};
    /** Which part a row belongs to; the parts come in this order. */
    private static final Field<Integer> PART = DSL.field(DSL.name("part"), SQLDataType.INTEGER);
    private static final int PRODUCT_PART = 0;
    private static final int BATCH_PART = 1;
    /** A row's place within its part, numbered by the server in the order the part is read in. */
    private static final Field<Integer> ORDINAL = DSL.field(DSL.name("ordinal"), SQLDataType.INTEGER);

    private static final Field<?>[] PRODUCT_COLUMNS = concat(PRODUCTS.fields(), CATEGORIES.fields(), BRANDS.fields());
    private static final int PRODUCT = 2;
    private static final int CATEGORY = PRODUCT + PRODUCTS.fields().length;
    private static final int BRAND = CATEGORY + CATEGORIES.fields().length;
    private static final int BATCH = PRODUCT + PRODUCT_COLUMNS.length;
    private static final int LEDGER = BATCH + PRODUCT_BATCHES.fields().length;
    private static final int ACTING = LEDGER + PRODUCT_BATCH_TRACKS.fields().length;

    private final Transactions transactions;
    private final DSLContext dsl;
    private final String statement;
    private final int bindings;

    /**
     * Renders the statement once for a context, with the product's id as a parameter: the statement's shape never
     * changes, and rendering it again on every read would cost a tenth of the read.
     *
     * @param transactions where the reads run
     */
    FullTrackingQuery(Transactions transactions) {
        this.transactions = transactions;
        DSLContext dsl = transactions.dsl();
        this.dsl = dsl;
        Param<Long> productId = DSL.param("productId", SQLDataType.BIGINT);
        Condition liveBatches = PRODUCT_BATCHES.PRODUCT_ID.eq(productId).and(PRODUCT_BATCHES.DELETED_AT.isNull());
        // One row more than is returned per batch tells whether it has older rows. The limit is inlined: every bind
        // value of the statement is the product's id.
        Table<?> newest = lateral(select(PRODUCT_BATCH_TRACKS.fields())
                .from(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .orderBy(PRODUCT_BATCH_TRACKS.CREATED_AT.desc(), PRODUCT_BATCH_TRACKS.ID.desc())
                .limit(inline(ProductRepository.MAX_HISTORY_PER_BATCH + 1))
                .asTable(PRODUCT_BATCH_TRACKS.getName()));
        Field<?>[] historyColumns = concat(newest.fields(), ACTING_USER);
        SelectConditionStep<Record> product = dsl.select(inline(PRODUCT_PART).as(PART), inline(0).as(ORDINAL))
                .select(PRODUCT_COLUMNS).select(nulls(PRODUCT_BATCHES.fields())).select(nulls(historyColumns))
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .where(PRODUCTS.ID.eq(productId).and(PRODUCTS.DELETED_AT.isNull()));
        Select<Record> batches = dsl.select(inline(BATCH_PART), rowNumber().over(orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST)))
                .select(nulls(PRODUCT_COLUMNS)).select(PRODUCT_BATCHES.fields()).select(nulls(historyColumns))
                .from(PRODUCT_BATCHES)
                .where(liveBatches);
        Select<Record> history = dsl.select(inline(BATCH_PART + 1), rowNumber().over(orderBy(
                        newest.field(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID),
                        newest.field(PRODUCT_BATCH_TRACKS.CREATED_AT).desc(),
                        newest.field(PRODUCT_BATCH_TRACKS.ID).desc())))
                .select(nulls(PRODUCT_COLUMNS)).select(nulls(PRODUCT_BATCHES.fields())).select(historyColumns)
                .from(PRODUCT_BATCHES)
                .crossJoin(newest)
                .leftJoin(USERS).on(USERS.ID.eq(newest.field(PRODUCT_BATCH_TRACKS.USER_ID)))
                .where(liveBatches);
        Query all = product.unionAll(batches).unionAll(history).orderBy(PART, ORDINAL);
        this.statement = dsl.render(all);
        this.bindings = dsl.extractBindValues(all).size();
    }

    /**
     * Reads a live product's full tracking.
     *
     * @param productId the product
     * @return the product's details, or empty if there is no live product with that id
     */
    Optional<ProductDetails> read(long productId) {
        return transactions.statement(() -> read(dsl, productId));
    }

    private Optional<ProductDetails> read(DSLContext sql, long productId) {
        Object[] values = new Object[bindings];
        Arrays.fill(values, productId);
        // Rows are read by position, in the order selected: matching columns by name costs more here than the whole
        // round trip.
        Result<Record> rows = sql.resultQuery(statement, values).fetch();
        if (rows.isEmpty() || (Integer) rows.get(0).get(0) != PRODUCT_PART) {
            return Optional.empty();
        }
        Object[] product = rows.get(0).intoArray();
        Map<Long, List<TrackEntry>> histories = new HashMap<>();
        List<ProductBatch> liveBatches = new ArrayList<>();
        for (Record row : rows.subList(1, rows.size())) {
            Object[] columns = row.intoArray();
            if ((Integer) columns[0] == BATCH_PART) {
                liveBatches.add(Mappers.batch(recordAt(new ProductBatchesRecord(), columns, BATCH)));
                continue;
            }
            // The ledger rows are most of the rows: built with the typed constructor, not the generic loading.
            ProductBatchTrack track = Mappers.track(new ProductBatchTracksRecord((Long) columns[LEDGER],
                    (Long) columns[LEDGER + 1], (Long) columns[LEDGER + 2], LEDGER_ACTION.from((String) columns[LEDGER + 3]),
                    (String) columns[LEDGER + 4], (Integer) columns[LEDGER + 5], (Integer) columns[LEDGER + 6],
                    instant(columns[LEDGER + 7]), (String) columns[LEDGER + 8]));
            User user = columns[ACTING] == null ? null : new User((Long) columns[ACTING], (String) columns[ACTING + 1],
                    instant(columns[ACTING + 2]), instant(columns[ACTING + 3]), instant(columns[ACTING + 4]),
                    (Long) columns[ACTING + 5]);
            histories.computeIfAbsent(track.productBatchId(), batch -> new ArrayList<>())
                    .add(new TrackEntry(track, user));
        }
        List<BatchWithHistory> tracked = new ArrayList<>(liveBatches.size());
        for (ProductBatch batch : liveBatches) {
            List<TrackEntry> history = histories.getOrDefault(batch.id(), List.of());
            boolean older = history.size() > ProductRepository.MAX_HISTORY_PER_BATCH;
            tracked.add(new BatchWithHistory(batch,
                    older ? history.subList(0, ProductRepository.MAX_HISTORY_PER_BATCH) : history, older));
        }
        return Optional.of(new ProductDetails(
                Mappers.product(recordAt(new ProductsRecord(), product, PRODUCT)),
                product[CATEGORY] == null ? null : Mappers.category(recordAt(new CategoriesRecord(), product, CATEGORY)),
                product[BRAND] == null ? null : Mappers.brand(recordAt(new BrandsRecord(), product, BRAND)),
                tracked));
    }

    private static Field<?>[] nulls(Field<?>[] columns) {
        return Arrays.stream(columns).map(DSL::castNull).toArray(Field<?>[]::new);
    }

    private static Field<?>[] concat(Field<?>[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(Field<?>[]::new);
    }

    /** Loads a record from the row's values from {@code from} on, by position, converting each to the column's type. */
    private static <R extends Record> R recordAt(R record, Object[] values, int from) {
        record.fromArray(Arrays.copyOfRange(values, from, from + record.size()));
        return record;
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((OffsetDateTime) timestamp).toInstant();
    }
}
