package io.wms.core.internal.catalog;

import static io.wms.core.internal.PgCatalog.rowNumber;
import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.select;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.wms.core.internal.ExpiryPolicy;
import io.wms.core.internal.RecordColumns;
import io.wms.core.internal.RenderedStatement;
import io.wms.core.internal.Transactions;
import io.wms.core.model.BatchWithHistory;
import io.wms.core.model.Brand;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductDetails;
import io.wms.core.model.TrackEntry;
import io.wms.core.repository.ProductRepository;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
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
 * it runs in that transaction, at the caller's isolation level. It is rendered once and runs on plain JDBC, each row
 * read by position into the API's records ({@link RenderedStatement#list}).
 */
final class FullTrackingQuery {

    /** Which part a row belongs to; the parts come in this order. */
    private static final Field<Integer> PART = DSL.field(DSL.name("part"), SQLDataType.INTEGER);
    private static final int PRODUCT_PART = 0;
    private static final int BATCH_PART = 1;
    private static final int LEDGER_PART = 2;
    /** A row's place within its part, numbered by the server in the order the part is read in. */
    private static final Field<Integer> ORDINAL = DSL.field(DSL.name("ordinal"), SQLDataType.INTEGER);

    /** JDBC positions of each record's first column: the part and the ordinal come first. */
    private static final int PRODUCT = 3;
    private static final int CATEGORY = PRODUCT + RecordColumns.PRODUCT.width();
    private static final int BRAND = CATEGORY + RecordColumns.CATEGORY.width();
    private static final int BATCH = BRAND + RecordColumns.BRAND.width();
    private static final int LEDGER_ROW = BATCH + RecordColumns.BATCH.width();
    private static final int ACTING_USER = LEDGER_ROW + RecordColumns.LEDGER_ROW.width();

    private static final Param<Long> PRODUCT_ID = DSL.param("productId", SQLDataType.BIGINT);

    /** A row of the result, read into the API record of its part. */
    private sealed interface Part {
    }

    private record ProductRow(Product product, Category category, Brand brand) implements Part {
    }

    private record BatchRow(ProductBatch batch) implements Part {
    }

    private record LedgerRow(TrackEntry entry) implements Part {
    }

    private final Transactions transactions;
    private final RenderedStatement statement;

    /**
     * Renders the statement once: its shape never changes, and rendering it again on every read would cost a tenth
     * of the read.
     *
     * @param transactions where the reads run
     */
    FullTrackingQuery(Transactions transactions) {
        this.transactions = transactions;
        DSLContext dsl = transactions.dsl();
        Condition liveBatches = PRODUCT_BATCHES.PRODUCT_ID.eq(PRODUCT_ID).and(PRODUCT_BATCHES.DELETED_AT.isNull());
        // One row more than is returned per batch tells whether it has older rows.
        Table<?> newest = lateral(select(PRODUCT_BATCH_TRACKS.fields())
                .from(PRODUCT_BATCH_TRACKS)
                .where(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID.eq(PRODUCT_BATCHES.ID))
                .orderBy(PRODUCT_BATCH_TRACKS.CREATED_AT.desc(), PRODUCT_BATCH_TRACKS.ID.desc())
                .limit(inline(ProductRepository.MAX_HISTORY_PER_BATCH + 1))
                .asTable(PRODUCT_BATCH_TRACKS.getName()));
        List<Field<?>> productColumns = concat(RecordColumns.PRODUCT.columns(), RecordColumns.CATEGORY.columns(),
                RecordColumns.BRAND.columns());
        List<Field<?>> batchColumns = RecordColumns.BATCH.columns();
        List<Field<?>> ledgerColumns = concat(RecordColumns.LEDGER_ROW.columnsOf(newest),
                RecordColumns.USER.columns());
        SelectConditionStep<Record> product = dsl.select(inline(PRODUCT_PART).as(PART), inline(0).as(ORDINAL))
                .select(productColumns).select(nulls(batchColumns)).select(nulls(ledgerColumns))
                .from(PRODUCTS)
                .leftJoin(CATEGORIES).on(CATEGORIES.ID.eq(PRODUCTS.CATEGORY_ID))
                .leftJoin(BRANDS).on(BRANDS.ID.eq(PRODUCTS.BRAND_ID))
                .where(PRODUCTS.ID.eq(PRODUCT_ID).and(PRODUCTS.DELETED_AT.isNull()));
        Select<Record> batches = dsl.select(inline(BATCH_PART), rowNumber().over(orderBy(ExpiryPolicy.FIRST_EXPIRED_FIRST)))
                .select(nulls(productColumns)).select(batchColumns).select(nulls(ledgerColumns))
                .from(PRODUCT_BATCHES)
                .where(liveBatches);
        Select<Record> history = dsl.select(inline(LEDGER_PART), rowNumber().over(orderBy(
                        newest.field(PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID),
                        newest.field(PRODUCT_BATCH_TRACKS.CREATED_AT).desc(),
                        newest.field(PRODUCT_BATCH_TRACKS.ID).desc())))
                .select(nulls(productColumns)).select(nulls(batchColumns)).select(ledgerColumns)
                .from(PRODUCT_BATCHES)
                .crossJoin(newest)
                .leftJoin(USERS).on(USERS.ID.eq(newest.field(PRODUCT_BATCH_TRACKS.USER_ID)))
                .where(liveBatches);
        this.statement = new RenderedStatement(dsl, product.unionAll(batches).unionAll(history).orderBy(PART, ORDINAL),
                PRODUCT_ID);
    }

    /**
     * Reads a live product's full tracking.
     *
     * @param productId the product
     * @return the product's details, or empty if there is no live product with that id
     */
    Optional<ProductDetails> read(long productId) {
        List<Part> rows = statement.list(transactions, FullTrackingQuery::part, productId);
        if (rows.isEmpty() || !(rows.get(0) instanceof ProductRow product)) {
            return Optional.empty();
        }
        Map<Long, List<TrackEntry>> histories = new HashMap<>();
        List<ProductBatch> liveBatches = new ArrayList<>();
        for (Part row : rows) {
            if (row instanceof BatchRow batch) {
                liveBatches.add(batch.batch());
            } else if (row instanceof LedgerRow ledger) {
                histories.computeIfAbsent(ledger.entry().track().productBatchId(), batch -> new ArrayList<>())
                        .add(ledger.entry());
            }
        }
        List<BatchWithHistory> tracked = new ArrayList<>(liveBatches.size());
        for (ProductBatch batch : liveBatches) {
            List<TrackEntry> history = histories.getOrDefault(batch.id(), List.of());
            boolean older = history.size() > ProductRepository.MAX_HISTORY_PER_BATCH;
            tracked.add(new BatchWithHistory(batch,
                    older ? history.subList(0, ProductRepository.MAX_HISTORY_PER_BATCH) : history, older));
        }
        return Optional.of(new ProductDetails(product.product(), product.category(), product.brand(), tracked));
    }

    private static Part part(ResultSet row) throws SQLException {
        return switch (row.getInt(1)) {
            case PRODUCT_PART -> new ProductRow(RecordColumns.PRODUCT.read(row, PRODUCT),
                    present(row, CATEGORY) ? RecordColumns.CATEGORY.read(row, CATEGORY) : null,
                    present(row, BRAND) ? RecordColumns.BRAND.read(row, BRAND) : null);
            case BATCH_PART -> new BatchRow(RecordColumns.BATCH.read(row, BATCH));
            default -> new LedgerRow(new TrackEntry(RecordColumns.LEDGER_ROW.read(row, LEDGER_ROW),
                    present(row, ACTING_USER) ? RecordColumns.USER.read(row, ACTING_USER) : null));
        };
    }

    /** Says whether a left-joined record is there: its id, the first column, is never null when it is. */
    private static boolean present(ResultSet row, int first) throws SQLException {
        row.getLong(first);
        return !row.wasNull();
    }

    private static List<Field<?>> nulls(List<Field<?>> columns) {
        return columns.stream().<Field<?>>map(DSL::castNull).toList();
    }

    @SafeVarargs
    private static List<Field<?>> concat(List<Field<?>>... groups) {
        return Stream.of(groups).flatMap(List::stream).toList();
    }
}
