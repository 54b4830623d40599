package io.wms.core.internal.catalog;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
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
import org.jooq.Queries;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Results;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A product with its category, brand, live batches and their newest ledger rows
 * ({@link ProductRepository#MAX_HISTORY_PER_BATCH} per batch, read through the index on
 * {@code (product_batch_id, created_at)}) with the acting users, as three selects
 * sent together in one round trip: the product row, its batch rows, their ledger rows. Each result set carries only
 * its own columns, where a flat join would repeat every parent's columns on each of its children's rows and nested
 * MULTISET documents would be encoded as JSON by the server and parsed again here (BENCHMARKS.md has the figures).
 *
 * <p>On a connection of its own the three selects run in one read-only, repeatable-read transaction, so that they see
 * one snapshot and a batch's quantity always agrees with its history; inside a caller's transaction they run in
 * that transaction, at the caller's isolation level.
 */
final class FullTrackingQuery {

    /**
     * Sent first in the batch, so that the transaction pgjdbc opens with it takes its snapshot at the first select.
     */
    private static final TrackActionConverter LEDGER_ACTION = new TrackActionConverter();
    private static final String ONE_SNAPSHOT = "set transaction isolation level repeatable read, read only";

    private static final Field<?>[] ACTING_USER = {USERS.ID, USERS.EMAIL, USERS.CREATED_AT, USERS.UPDATED_AT,
            USERS.DELETED_AT, USERS.VERSION};
    private static final int CATEGORY = PRODUCTS.fields().length;
    private static final int BRAND = CATEGORY + CATEGORIES.fields().length;

    private final Transactions transactions;
    private final DSLContext dsl;
    private final String statement;
    private final int bindings;

    /**
     * Renders the three selects once for a context, with the product's id as a parameter: the statement's shape never
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
        Query product = dsl.select(PRODUCTS.fields()).select(CATEGORIES.fields()).select(BRANDS.fields())
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .where(PRODUCTS.ID.eq(productId).and(PRODUCTS.DELETED_AT.isNull()));
        Query batches = dsl.selectFrom(PRODUCT_BATCHES)
                .where(liveBatches)
                .orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST);
        // One row more than is returned per batch tells whether it has older rows. The limit is inlined: every bind
        // value of the statement is the product's id.
        Table<?> newest = lateral(select(PRODUCT_BATCH_TRACKS.fields())
                .from(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .orderBy(PRODUCT_BATCH_TRACKS.CREATED_AT.desc(), PRODUCT_BATCH_TRACKS.ID.desc())
                .limit(inline(ProductRepository.MAX_HISTORY_PER_BATCH + 1))
                .asTable(PRODUCT_BATCH_TRACKS.getName()));
        Query history = dsl.select(newest.fields())
                .select(ACTING_USER)
                .from(PRODUCT_BATCHES)
                .crossJoin(newest)
                .leftJoin(USERS).on(USERS.ID.eq(newest.field(PRODUCT_BATCH_TRACKS.USER_ID)))
                .where(liveBatches)
                .orderBy(newest.field(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID),
                        newest.field(PRODUCT_BATCH_TRACKS.CREATED_AT).desc(),
                        newest.field(PRODUCT_BATCH_TRACKS.ID).desc());
        // One JDBC statement, which pgjdbc sends at once; every value in it is a bind parameter.
        Queries all = DSL.queries(product, batches, history);
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
        return transactions.snapshot(fresh -> read(dsl, fresh ? ONE_SNAPSHOT + ";\n" : "", productId));
    }

    private Optional<ProductDetails> read(DSLContext sql, String prefix, long productId) {
        Object[] values = new Object[bindings];
        Arrays.fill(values, productId);
        // Its result sets are read by position, in the order selected: matching columns by name costs more here than
        // the whole round trip.
        Results results = sql.resultQuery(prefix + statement, values).fetchMany();
        Result<Record> productRow = results.get(0);
        if (productRow.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<TrackEntry>> histories = new HashMap<>();
        for (Record row : results.get(2)) {
            // The ledger rows are most of the rows: built with the typed constructor, not the generic loading.
            Object[] ledger = row.intoArray();
            ProductBatchTrack track = Mappers.track(new ProductBatchTracksRecord((Long) ledger[0], (Long) ledger[1],
                    (Long) ledger[2], LEDGER_ACTION.from((String) ledger[3]), (String) ledger[4], (Integer) ledger[5],
                    (Integer) ledger[6], instant(ledger[7]), (String) ledger[8], (Long) ledger[9]));
            User user = ledger[10] == null ? null : new User((Long) ledger[10], (String) ledger[11],
                    instant(ledger[12]), instant(ledger[13]), instant(ledger[14]), (Long) ledger[15]);
            histories.computeIfAbsent(track.productBatchId(), batch -> new ArrayList<>())
                    .add(new TrackEntry(track, user));
        }
        List<BatchWithHistory> tracked = new ArrayList<>();
        for (Record row : results.get(1)) {
            ProductBatch batch = Mappers.batch(recordAt(new ProductBatchesRecord(), row.intoArray(), 0));
            List<TrackEntry> history = histories.getOrDefault(batch.id(), List.of());
            boolean older = history.size() > ProductRepository.MAX_HISTORY_PER_BATCH;
            tracked.add(new BatchWithHistory(batch,
                    older ? history.subList(0, ProductRepository.MAX_HISTORY_PER_BATCH) : history, older));
        }
        Object[] product = productRow.get(0).intoArray();
        return Optional.of(new ProductDetails(
                Mappers.product(recordAt(new ProductsRecord(), product, 0)),
                product[CATEGORY] == null ? null : Mappers.category(recordAt(new CategoriesRecord(), product, CATEGORY)),
                product[BRAND] == null ? null : Mappers.brand(recordAt(new BrandsRecord(), product, BRAND)),
                tracked));
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
