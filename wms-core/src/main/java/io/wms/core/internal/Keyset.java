package io.wms.core.internal;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import io.wms.core.error.TooManyRowsException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.repository.InputLimits;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.PageRequest;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * A listing read by keyset in ascending order of a key (a text, a day or a number) and then the id (or of the id
 * alone), and its bounded read-everything form. One instance per listing, built once; thread-safe.
 *
 * <p>The row-value comparison {@code (key, id) > (?, ?)} lets an index on {@code (key, id)} start right at the
 * cursor, so a page costs the same however deep it is.
 *
 * @param <T> the row type
 */
public final class Keyset<T> {

    private final String kind;
    private final Field<Object> key;
    private final Field<Long> id;
    /** The key of a row as its cursor holds it; {@code ""} for a row without a key (see {@link #nullKeysLast}). */
    private final Function<T, String> keyOf;
    /** The key a cursor holds, as the value bound to the statement; throws if it is not one. */
    private final Function<String, Object> keyFrom;
    private final ToLongFunction<T> idOf;
    private final boolean nullKeysLast;

    @SuppressWarnings("unchecked")
    private Keyset(String kind, Field<?> key, Field<Long> id, Function<T, String> keyOf,
                   Function<String, Object> keyFrom, ToLongFunction<T> idOf, boolean nullKeysLast) {
        this.kind = kind;
        this.key = (Field<Object>) key;
        this.id = id;
        this.keyOf = keyOf;
        this.keyFrom = keyFrom;
        this.idOf = idOf;
        this.nullKeysLast = nullKeysLast;
    }

    /**
     * Describes a listing ordered by a text key, then the id.
     *
     * @param kind  the listing, written into its cursors so that a cursor of another listing is refused
     * @param key   the key column or expression
     * @param id    the id column
     * @param keyOf the key of a row, exactly as {@code key} holds it
     * @param idOf  the id of a row
     * @param <T>   the row type
     * @return the listing
     */
    public static <T> Keyset<T> byKeyThenId(String kind, Field<String> key, Field<Long> id, Function<T, String> keyOf,
                                            ToLongFunction<T> idOf) {
        return new Keyset<>(kind, key, id, keyOf, text -> text, idOf, false);
    }

    /**
     * Describes a listing ordered by a day, then the id. A cursor's day outside {@link InputLimits#MIN_DATE} to
     * {@link InputLimits#MAX_DATE} is refused as one of another listing.
     *
     * @param kind  the listing, written into its cursors
     * @param key   the day's column
     * @param id    the id column
     * @param keyOf the day of a row; never {@code null} unless the listing is made {@link #nullKeysLast}
     * @param idOf  the id of a row
     * @param <T>   the row type
     * @return the listing
     */
    public static <T> Keyset<T> byDayThenId(String kind, Field<LocalDate> key, Field<Long> id,
                                            Function<T, LocalDate> keyOf, ToLongFunction<T> idOf) {
        return new Keyset<>(kind, key, id, row -> textOf(keyOf.apply(row)), Keyset::day, idOf, false);
    }

    /**
     * Describes a listing ordered by a whole number, then the id.
     *
     * @param kind  the listing, written into its cursors
     * @param key   the number's column
     * @param id    the id column
     * @param keyOf the number of a row
     * @param idOf  the id of a row
     * @param <T>   the row type
     * @return the listing
     */
    public static <T> Keyset<T> byNumberThenId(String kind, Field<Integer> key, Field<Long> id,
                                               ToIntFunction<T> keyOf, ToLongFunction<T> idOf) {
        return new Keyset<>(kind, key, id, row -> Integer.toString(keyOf.applyAsInt(row)), Integer::valueOf, idOf,
                false);
    }

    /**
     * Describes a listing ordered by id alone.
     *
     * @param kind the listing, written into its cursors
     * @param id   the id column
     * @param idOf the id of a row
     * @param <T>  the row type
     * @return the listing
     */
    public static <T> Keyset<T> byId(String kind, Field<Long> id, ToLongFunction<T> idOf) {
        return new Keyset<>(kind, null, id, row -> "", text -> text, idOf, false);
    }

    /**
     * Returns the same listing for a key column that may be {@code null}, ordered with the rows without a key last
     * (as first-expired, first-out puts the batches without an expiry date). Only for keys other than text, whose
     * cursors can tell no key ({@code ""}) from every value.
     *
     * @return the listing
     */
    public Keyset<T> nullKeysLast() {
        return new Keyset<>(kind, key, id, keyOf, keyFrom, idOf, true);
    }

    /**
     * Returns the listing's order, for the statement's {@code ORDER BY}.
     *
     * @return the key (when there is one, rows without it last where the listing has them), then the id, ascending
     */
    public List<SortField<?>> order() {
        if (key == null) {
            return List.of(id.asc());
        }
        return List.of(nullKeysLast ? key.asc().nullsLast() : key.asc(), id.asc());
    }

    /**
     * Reads one page.
     *
     * @param subject what is listed, for validation messages
     * @param limit   the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor  where the page starts, from the previous page; {@code null} for the first page
     * @param rows    runs the listing's statement: given the condition that starts after the cursor and the number
     *                of rows to read, returns them in {@link #order()}
     * @return the page
     * @throws io.wms.core.error.ValidationException if the limit is out of range or the cursor is not one of this
     *                                               listing
     */
    public KeysetPage<T> page(String subject, int limit, String cursor,
                              BiFunction<Condition, Integer, List<T>> rows) {
        return pageAt(subject, limit, cursor,
                (position, rowsToRead) -> rows.apply(position == null ? noCondition() : after(position), rowsToRead));
    }

    /**
     * Where a page starts: after the row with this key and id, the last of the previous page.
     *
     * @param key the row's key; {@code ""} in a listing by id alone
     * @param id  the row's id
     */
    public record Position(String key, long id) {
    }

    /**
     * Reads one page by a statement built once with the cursor's values as parameters (see {@link #after(Field,
     * Field)}), as {@link #page} does.
     *
     * @param subject what is listed, for validation messages
     * @param limit   the rows per page, 1 to {@link PageRequest#MAX_LIMIT}
     * @param cursor  where the page starts, from the previous page; {@code null} for the first page
     * @param rows    runs the listing's statement: given where the page starts ({@code null} for the first page) and
     *                the number of rows to read, returns them in {@link #order()}
     * @return the page
     * @throws io.wms.core.error.ValidationException if the limit is out of range or the cursor is not one of this
     *                                               listing
     */
    public KeysetPage<T> pageAt(String subject, int limit, String cursor, BiFunction<Position, Integer, List<T>> rows) {
        Validator validator = Pages.checkLimit(Validator.of(subject), limit);
        Position position = null;
        if (cursor != null) {
            Optional<KeysetCursor> decoded = KeysetCursor.decode(cursor, kind).filter(this::holdsAKey);
            if (decoded.isEmpty()) {
                validator.add("cursor", Rule.CURSOR, "is not a cursor of this listing");
            } else {
                position = new Position(decoded.get().value(), decoded.get().id());
            }
        }
        validator.validate();
        List<T> read = rows.apply(position, limit + 1);
        if (read.size() <= limit) {
            return new KeysetPage<>(read, Optional.empty());
        }
        T last = read.get(limit - 1);
        return new KeysetPage<>(read.subList(0, limit),
                Optional.of(new KeysetCursor(kind, keyOf.apply(last), idOf.applyAsLong(last)).encode()));
    }

    /**
     * Returns the condition that starts a page after a position given as a statement's parameters.
     *
     * @param afterKey the key's parameter; unused in a listing by id alone
     * @param afterId  the id's parameter
     * @return the row-value comparison on the listing's columns
     */
    @SuppressWarnings("unchecked")
    public Condition after(Field<?> afterKey, Field<Long> afterId) {
        return key == null ? id.gt(afterId) : row(key, id).gt((Field<Object>) afterKey, afterId);
    }

    private Condition after(Position position) {
        if (key == null) {
            return id.gt(val(position.id()));
        }
        if (nullKeysLast && position.key().isEmpty()) {
            return key.isNull().and(id.gt(val(position.id())));
        }
        Condition afterValue = row(key, id).gt(val(keyFrom.apply(position.key()), key), val(position.id()));
        // A row without a key compares as unknown, never as greater: those rows come last, after every value.
        return nullKeysLast ? afterValue.or(key.isNull()) : afterValue;
    }

    private boolean holdsAKey(KeysetCursor cursor) {
        if (key == null || nullKeysLast && cursor.value().isEmpty()) {
            return true;
        }
        try {
            keyFrom.apply(cursor.value());
            return true;
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    private static String textOf(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** Only days wms could have written: a forged one beyond PostgreSQL's range would fail in the statement. */
    private static LocalDate day(String text) {
        LocalDate day = LocalDate.parse(text);
        if (day.isBefore(InputLimits.MIN_DATE) || day.isAfter(InputLimits.MAX_DATE)) {
            throw new IllegalArgumentException("day out of range: " + text);
        }
        return day;
    }

    /**
     * Reads the whole listing, if it holds at most {@link PageRequest#MAX_LISTED} rows.
     *
     * @param listing what is listed, plural, for the message
     * @param instead the paged method to use instead, for the message
     * @param rows    runs the listing's statement, reading at most the given number of rows
     * @param <T>     the row type
     * @return every row
     * @throws TooManyRowsException if there are more
     */
    public static <T> List<T> everything(String listing, String instead, Function<Integer, List<T>> rows) {
        List<T> read = rows.apply(PageRequest.MAX_LISTED + 1);
        if (read.size() > PageRequest.MAX_LISTED) {
            throw new TooManyRowsException(listing, PageRequest.MAX_LISTED, instead);
        }
        return read;
    }
}
