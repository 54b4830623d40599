package io.wms.core.internal;

import static io.wms.jooq.Tables.PRODUCT_BATCHES;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.val;

import java.time.LocalDate;
import java.util.List;

import io.wms.core.model.BatchStatus;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;

/**
 * The one rule that says whether a batch is expired, used by the allocator, the validators, the expiry sweep, the
 * lists and the reports alike, so that they can never disagree about a batch that expires today.
 *
 * <p>The rule: a batch is usable <em>through the end of its expiry date</em> in the warehouse's time zone. On its
 * expiry date it can still be picked; from the next day on it is expired. A batch without an expiry date never
 * expires. "Today" is the date of the configured {@link java.time.Clock} in the configured zone.
 */
public final class ExpiryPolicy {

    private final WmsSettings settings;

    /**
     * Creates the policy for a set of settings.
     *
     * @param settings the clock and the warehouse zone
     */
    /** First-expired, first-out: the order in which batches are shown and picked everywhere. */
    public static final List<SortField<?>> FIRST_EXPIRED_FIRST =
            List.of(PRODUCT_BATCHES.EXPIRY_DATE.asc().nullsLast(), PRODUCT_BATCHES.ID.asc());

    public ExpiryPolicy(WmsSettings settings) {
        this.settings = settings;
    }

    /**
     * Returns today's date in the warehouse.
     *
     * @return the date of the clock in the warehouse zone
     */
    public LocalDate today() {
        return LocalDate.now(settings.clock().withZone(settings.warehouseZone()));
    }

    /**
     * Tells whether a batch with this expiry date is expired today.
     *
     * @param expiryDate the batch's expiry date; {@code null} for none
     * @return {@code true} if the date is before today
     */
    public boolean isExpired(LocalDate expiryDate) {
        return expiryDate != null && expiryDate.isBefore(today());
    }

    /**
     * Returns the SQL condition "the batch is expired today" on {@code product_batches}.
     *
     * @return the condition; batches without expiry date never match
     */
    public Condition expired() {
        return PRODUCT_BATCHES.EXPIRY_DATE.lt(today());
    }

    /**
     * Returns the SQL condition "the batch holds stock that can be picked today": active and not expired. Every
     * question about usable stock (reports, low stock, {@code hasActiveBatches}) asks this one.
     *
     * @return the condition on {@code product_batches}
     */
    public Condition usableStock() {
        return usableStockOn(val(today()));
    }

    /**
     * Returns the condition of {@link #usableStock()} on a given day, for a statement built once with today as its
     * parameter.
     *
     * @param today the day, as a value or a statement's parameter
     * @return the condition on {@code product_batches}, with no other value bound
     */
    public static Condition usableStockOn(Field<LocalDate> today) {
        return PRODUCT_BATCHES.STATUS.eq(inline(BatchStatus.ACTIVE, PRODUCT_BATCHES.STATUS)).and(usableFrom(today));
    }

    /**
     * Returns the SQL condition "the batch holds expired stock awaiting disposal or return": units left, and either
     * marked expired by the sweep or still active past its expiry date (the sweep's work still to do), so that the
     * answer does not change when the sweep runs.
     *
     * @return the condition on {@code product_batches}
     */
    public Condition holdsExpiredStock() {
        return holdsExpiredStockOn(val(today()));
    }

    /**
     * Returns the condition of {@link #holdsExpiredStock()} on a given day, for a statement built once with today as
     * its parameter.
     *
     * @param today the day, as a value or a statement's parameter
     * @return the condition on {@code product_batches}, with no other value bound
     */
    public static Condition holdsExpiredStockOn(Field<LocalDate> today) {
        return PRODUCT_BATCHES.QUANTITY.gt(inline(0))
                .and(PRODUCT_BATCHES.STATUS.eq(inline(BatchStatus.EXPIRED, PRODUCT_BATCHES.STATUS))
                        .or(PRODUCT_BATCHES.STATUS.eq(inline(BatchStatus.ACTIVE, PRODUCT_BATCHES.STATUS))
                                .and(PRODUCT_BATCHES.EXPIRY_DATE.lt(today))));
    }

    /**
     * Returns the SQL condition "the batch is usable for at least this many days, counting today".
     *
     * @param minimumDays the days of shelf life required; 0 means only "not expired"
     * @return the condition; batches without expiry date always match
     */
    public Condition usableFor(int minimumDays) {
        return usableFrom(val(firstUsableDay(minimumDays)));
    }

    /**
     * Returns the SQL condition "the batch expires on the given day or later, or never".
     *
     * @param day the day, as a value or a statement's parameter
     * @return the condition
     */
    public static Condition usableFrom(Field<LocalDate> day) {
        return PRODUCT_BATCHES.EXPIRY_DATE.isNull().or(PRODUCT_BATCHES.EXPIRY_DATE.ge(day));
    }

    /**
     * Returns the earliest expiry date that still offers a shelf life of at least this many days.
     *
     * @param minimumDays the days of shelf life required, counting today; 0 means today
     * @return the day
     */
    public LocalDate firstUsableDay(int minimumDays) {
        return today().plusDays(minimumDays);
    }

    /**
     * Returns the SQL condition "the batch expires within this many days from today, and is not yet expired".
     *
     * @param days the window in days; 0 means "expires today"
     * @return the condition
     */
    public Condition expiresWithin(int days) {
        LocalDate today = today();
        return PRODUCT_BATCHES.EXPIRY_DATE.between(today, today.plusDays(days));
    }
}
