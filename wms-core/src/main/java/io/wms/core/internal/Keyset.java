package io.wms.core.internal;

import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.val;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import io.wms.core.error.TooManyRowsException;
import io.wms.core.error.Violation.Rule;
import io.wms.core.repository.KeysetPage;
import io.wms.core.repository.PageRequest;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * A listing read by keyset in ascending order of a text key and then the id (or of the id alone), and its bounded
 * read-everything form. One instance per listing, built once; thread-safe.
 *
 * <p>The row-value comparison {@code (key, id) > (?, ?)} lets an index on {@code (key, id)} start right at the
 * cursor, so a page costs the same however deep it is.
 *
 * @param <T> the row type
 */
public final class Keyset<T> {

    private final String kind;
    private final Field<String> key;
    private final Field<Long> id;
    private final Function<T, String> keyOf;
    private final ToLongFunction<T> idOf;

    private Keyset(String kind, Field<String> key, Field<Long> id, Function<T, String> keyOf, ToLongFunction<T> idOf) {
        this.kind = kind;
        this.key = key;
        this.id = id;
        this.keyOf = keyOf;
        this.idOf = idOf;
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
        return new Keyset<>(kind, key, id, keyOf, idOf);
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
        return new Keyset<>(kind, null, id, row -> "", idOf);
    }

    /**
     * Returns the listing's order, for the statement's {@code ORDER BY}.
     *
     * @return the key (when there is one), then the id, ascending
     */
    public List<SortField<?>> order() {
        return key == null ? List.of(id.asc()) : List.of(key.asc(), id.asc());
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
            Optional<KeysetCursor> decoded = KeysetCursor.decode(cursor, kind);
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
    public Condition after(Field<String> afterKey, Field<Long> afterId) {
        return key == null ? id.gt(afterId) : row(key, id).gt(afterKey, afterId);
    }

    private Condition after(Position position) {
        return after(val(position.key()), val(position.id()));
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
