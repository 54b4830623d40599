package io.wms.core.internal;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.TrackEntry;
import io.wms.core.model.User;
import io.wms.jooq.tables.records.BrandsRecord;
import io.wms.jooq.tables.records.CategoriesRecord;
import io.wms.jooq.tables.records.ProductBatchTracksRecord;
import io.wms.jooq.tables.records.ProductBatchesRecord;
import io.wms.jooq.tables.records.ProductsRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Results;
import org.jooq.impl.DataSourceConnectionProvider;

/**
 * A product with its category, brand, live batches and their ledger rows with the acting users, as three selects
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
    private static final String ONE_SNAPSHOT = "set transaction isolation level repeatable read, read only";

    private static final Field<?>[] ACTING_USER = {USERS.ID, USERS.EMAIL, USERS.CREATED_AT, USERS.UPDATED_AT,
            USERS.DELETED_AT, USERS.VERSION};
    private static final int CATEGORY = PRODUCTS.fields().length;
    private static final int BRAND = CATEGORY + CATEGORIES.fields().length;

    private FullTrackingQuery() {
    }

    /**
     * Reads a live product's full tracking.
     *
     * @param dsl       the context to read with
     * @param productId the product
     * @return the product's details, or empty if there is no live product with that id
     */
    static Optional<ProductDetails> read(DSLContext dsl, long productId) {
        if (dsl.configuration().connectionProvider() instanceof DataSourceConnectionProvider) {
            return dsl.transactionResult(transaction -> read(transaction.dsl(), productId, ONE_SNAPSHOT + ";\n"));
        }
        return read(dsl, productId, "");
    }

    private static Optional<ProductDetails> read(DSLContext dsl, long productId, String prefix) {
        Condition liveBatches = PRODUCT_BATCHES.PRODUCT_ID.eq(productId).and(PRODUCT_BATCHES.DELETED_AT.isNull());
        ResultQuery<?> product = dsl.select(PRODUCTS.fields()).select(CATEGORIES.fields()).select(BRANDS.fields())
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .where(PRODUCTS.ID.eq(productId).and(PRODUCTS.DELETED_AT.isNull()));
        ResultQuery<?> batches = dsl.selectFrom(PRODUCT_BATCHES)
                .where(liveBatches)
                .orderBy(JooqProductRepository.BATCH_ORDER);
        ResultQuery<?> history = dsl.select(PRODUCT_BATCH_TRACKS.fields())
                .select(ACTING_USER)
                .from(PRODUCT_BATCHES)
                .join(PRODUCT_BATCH_TRACKS).on(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .leftJoin(USERS).on(USERS.ID.eq(PRODUCT_BATCH_TRACKS.USER_ID))
                .where(liveBatches)
                .orderBy(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, PRODUCT_BATCH_TRACKS.CREATED_AT.desc(),
                        PRODUCT_BATCH_TRACKS.ID.desc());
        // Composed from the three jOOQ queries and their bind values: one JDBC statement, which pgjdbc sends at once.
        // Its result sets are read by position, in the order selected: matching columns by name costs more here than
        // the whole round trip.
        Results results = dsl.resultQuery(prefix + "{0};\n{1};\n{2}", product, batches, history).fetchMany();
        Result<Record> productRow = results.get(0);
        if (productRow.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<TrackEntry>> histories = new HashMap<>();
        for (Record row : results.get(2)) {
            // The ledger rows are most of the rows: built with the typed constructor, not the generic loading.
            Object[] values = row.intoArray();
            ProductBatchTrack track = Mappers.track(new ProductBatchTracksRecord((Long) values[0], (Long) values[1],
                    (Long) values[2], (String) values[3], (String) values[4], (Integer) values[5],
                    (Integer) values[6], instant(values[7])));
            User user = values[8] == null ? null : new User((Long) values[8], (String) values[9], instant(values[10]),
                    instant(values[11]), instant(values[12]), (Long) values[13]);
            histories.computeIfAbsent(track.productBatchId(), batch -> new ArrayList<>())
                    .add(new TrackEntry(track, user));
        }
        List<BatchWithHistory> tracked = new ArrayList<>();
        for (Record row : results.get(1)) {
            ProductBatch batch = Mappers.batch(part(new ProductBatchesRecord(), row.intoArray(), 0));
            tracked.add(new BatchWithHistory(batch, histories.getOrDefault(batch.id(), List.of())));
        }
        Object[] values = productRow.get(0).intoArray();
        return Optional.of(new ProductDetails(
                Mappers.product(part(new ProductsRecord(), values, 0)),
                values[CATEGORY] == null ? null : Mappers.category(part(new CategoriesRecord(), values, CATEGORY)),
                values[BRAND] == null ? null : Mappers.brand(part(new BrandsRecord(), values, BRAND)),
                tracked));
    }

    /** Loads a record from the row's values from {@code from} on, by position, converting each to the column's type. */
    private static <R extends Record> R part(R record, Object[] values, int from) {
        record.fromArray(Arrays.copyOfRange(values, from, from + record.size()));
        return record;
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((OffsetDateTime) timestamp).toInstant();
    }
}
