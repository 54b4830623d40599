package io.wms.core.internal.catalog;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.wms.core.model.Product;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;

/**
 * Describes one of the two product-group tables (categories, brands), which have the same columns, so that one
 * implementation serves both.
 *
 * @param entity       the row's name in messages, for example {@code "category"}
 * @param table        the table
 * @param id           its id column
 * @param name         its name column
 * @param description  its description column
 * @param deletedAt    its soft-delete column
 * @param createdBy    its creator column
 * @param updatedBy    its last-changer column
 * @param version      its version column
 * @param productLink  the products column that refers to this table
 * @param toRow        maps a record to the API type
 * @param withProducts combines a row with its products
 * @param <R>          the record type
 * @param <T>          the API row type
 * @param <W>          the API row-with-products type
 */
record ProductGroupTable<R extends Record, T, W>(
        String entity,
        Table<R> table,
        TableField<R, Long> id,
        TableField<R, String> name,
        TableField<R, String> description,
        TableField<R, Instant> deletedAt,
        TableField<R, Long> createdBy,
        TableField<R, Long> updatedBy,
        TableField<R, Long> version,
        TableField<?, Long> productLink,
        Function<R, T> toRow,
        BiFunction<T, List<Product>, W> withProducts) {
}
