package io.wms.core.internal;

import static io.wms.jooq.Tables.BRANDS;
import static io.wms.jooq.Tables.CATEGORIES;
import static io.wms.jooq.Tables.PRODUCTS;
import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static io.wms.jooq.Tables.PRODUCT_BATCH_TRACKS;
import static io.wms.jooq.Tables.USERS;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.wms.core.model.Brand;
import io.wms.core.model.Category;
import io.wms.core.model.Product;
import io.wms.core.model.ProductBatch;
import io.wms.core.model.ProductBatchTrack;
import io.wms.core.model.User;
import io.wms.jooq.converters.BatchStatusConverter;
import io.wms.jooq.converters.TrackActionConverter;
import org.jooq.Field;
import org.jooq.Table;

/**
 * The columns an API record is read from, in the order of its components, and how to read them from a plain JDBC row
 * by position: what a hot statement selects and reads, with no generic record in between. Select
 * {@link #columns()} (from {@link #columnsOf(Table)} when the table is an alias) and read with
 * {@link #read(ResultSet, int)} at the position of its first column.
 *
 * @param <T> the API record
 */
public final class RecordColumns<T> {

    /** How a row's columns become the record, from a first column on. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet row, int first) throws SQLException;
    }

    private static final BatchStatusConverter BATCH_STATUS = new BatchStatusConverter();
    private static final TrackActionConverter LEDGER_ACTION = new TrackActionConverter();

    /** A product; see {@link Product}'s components. */
    public static final RecordColumns<Product> PRODUCT = new RecordColumns<>(List.of(PRODUCTS.ID, PRODUCTS.NAME,
            PRODUCTS.DESCRIPTION, PRODUCTS.CATEGORY_ID, PRODUCTS.BRAND_ID, PRODUCTS.CREATED_AT, PRODUCTS.UPDATED_AT,
            PRODUCTS.DELETED_AT, PRODUCTS.CREATED_BY, PRODUCTS.UPDATED_BY, PRODUCTS.VERSION),
            (row, at) -> new Product(row.getLong(at), row.getString(at + 1), row.getString(at + 2),
                    nullableLong(row, at + 3), nullableLong(row, at + 4), instant(row, at + 5), instant(row, at + 6),
                    instant(row, at + 7), nullableLong(row, at + 8), nullableLong(row, at + 9), row.getLong(at + 10)));

    /** A category; see {@link Category}'s components. */
    public static final RecordColumns<Category> CATEGORY = new RecordColumns<>(List.of(CATEGORIES.ID, CATEGORIES.NAME,
            CATEGORIES.DESCRIPTION, CATEGORIES.CREATED_AT, CATEGORIES.UPDATED_AT, CATEGORIES.DELETED_AT,
            CATEGORIES.CREATED_BY, CATEGORIES.UPDATED_BY, CATEGORIES.VERSION),
            (row, at) -> new Category(row.getLong(at), row.getString(at + 1), row.getString(at + 2),
                    instant(row, at + 3), instant(row, at + 4), instant(row, at + 5), nullableLong(row, at + 6),
                    nullableLong(row, at + 7), row.getLong(at + 8)));

    /** A brand; see {@link Brand}'s components. */
    public static final RecordColumns<Brand> BRAND = new RecordColumns<>(List.of(BRANDS.ID, BRANDS.NAME,
            BRANDS.DESCRIPTION, BRANDS.CREATED_AT, BRANDS.UPDATED_AT, BRANDS.DELETED_AT, BRANDS.CREATED_BY,
            BRANDS.UPDATED_BY, BRANDS.VERSION),
            (row, at) -> new Brand(row.getLong(at), row.getString(at + 1), row.getString(at + 2),
                    instant(row, at + 3), instant(row, at + 4), instant(row, at + 5), nullableLong(row, at + 6),
                    nullableLong(row, at + 7), row.getLong(at + 8)));

    /** A batch; see {@link ProductBatch}'s components. */
    public static final RecordColumns<ProductBatch> BATCH = new RecordColumns<>(List.of(PRODUCT_BATCHES.ID,
            PRODUCT_BATCHES.PRODUCT_ID, PRODUCT_BATCHES.BATCH_NUMBER, PRODUCT_BATCHES.QUANTITY,
            PRODUCT_BATCHES.MANUFACTURING_DATE, PRODUCT_BATCHES.EXPIRY_DATE, PRODUCT_BATCHES.STATUS,
            PRODUCT_BATCHES.CREATED_AT, PRODUCT_BATCHES.UPDATED_AT, PRODUCT_BATCHES.DELETED_AT,
            PRODUCT_BATCHES.CREATED_BY, PRODUCT_BATCHES.UPDATED_BY, PRODUCT_BATCHES.VERSION),
            (row, at) -> new ProductBatch(row.getLong(at), row.getLong(at + 1), row.getString(at + 2),
                    row.getInt(at + 3), row.getObject(at + 4, LocalDate.class), row.getObject(at + 5, LocalDate.class),
                    BATCH_STATUS.from(row.getString(at + 6)), instant(row, at + 7), instant(row, at + 8),
                    instant(row, at + 9), nullableLong(row, at + 10), nullableLong(row, at + 11),
                    row.getLong(at + 12)));

    /** A ledger row; see {@link ProductBatchTrack}'s components. */
    public static final RecordColumns<ProductBatchTrack> LEDGER_ROW = new RecordColumns<>(List.of(
            PRODUCT_BATCH_TRACKS.ID, PRODUCT_BATCH_TRACKS.PRODUCT_BATCH_ID, PRODUCT_BATCH_TRACKS.USER_ID,
            PRODUCT_BATCH_TRACKS.ACTOR_NAME, PRODUCT_BATCH_TRACKS.ACTION, PRODUCT_BATCH_TRACKS.DESCRIPTION,
            PRODUCT_BATCH_TRACKS.QUANTITY_CHANGE, PRODUCT_BATCH_TRACKS.QUANTITY_AFTER,
            PRODUCT_BATCH_TRACKS.CREATED_AT, PRODUCT_BATCH_TRACKS.LOCATION_ID),
            (row, at) -> new ProductBatchTrack(row.getLong(at), row.getLong(at + 1), nullableLong(row, at + 2),
                    row.getString(at + 3), LEDGER_ACTION.from(row.getString(at + 4)), row.getString(at + 5),
                    nullableInteger(row, at + 6), nullableInteger(row, at + 7), instant(row, at + 8),
                    nullableLong(row, at + 9)));

    /** A user, never with the password hash; see {@link User}'s components. */
    public static final RecordColumns<User> USER = new RecordColumns<>(List.of(USERS.ID, USERS.EMAIL,
            USERS.CREATED_AT, USERS.UPDATED_AT, USERS.DELETED_AT, USERS.VERSION),
            (row, at) -> new User(row.getLong(at), row.getString(at + 1), instant(row, at + 2), instant(row, at + 3),
                    instant(row, at + 4), row.getLong(at + 5)));

    private final List<Field<?>> columns;
    private final Reader<T> reader;

    private RecordColumns(List<Field<?>> columns, Reader<T> reader) {
        this.columns = columns;
        this.reader = reader;
    }

    /**
     * Returns the columns to select, in the order {@link #read} reads them.
     *
     * @return the columns of the table itself
     */
    public List<Field<?>> columns() {
        return columns;
    }

    /**
     * Returns the same columns of an alias of the table, such as a lateral subquery's.
     *
     * @param alias the alias, which has every column of the table
     * @return its columns, in the order {@link #read} reads them
     */
    public List<Field<?>> columnsOf(Table<?> alias) {
        return columns.stream().<Field<?>>map(alias::field).toList();
    }

    /**
     * Returns how many columns the record takes.
     *
     * @return the count
     */
    public int width() {
        return columns.size();
    }

    /**
     * Reads the record from the current row.
     *
     * @param row   the result set, on a row
     * @param first the JDBC position (from 1) of the record's first column
     * @return the record
     * @throws SQLException as the driver throws it
     */
    public T read(ResultSet row, int first) throws SQLException {
        return reader.read(row, first);
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Integer nullableInteger(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime timestamp = row.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
