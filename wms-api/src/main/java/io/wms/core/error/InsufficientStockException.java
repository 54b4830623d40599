package io.wms.core.error;

/**
 * Thrown when an operation would take more stock than is usable: a pick larger than the usable stock of a product
 * or a batch, or a correction that would make a batch's quantity negative.
 *
 * <p>Nothing was moved: stock operations are all or nothing.
 */
public class InsufficientStockException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long requested;
    private final long available;

    /**
     * Creates the exception with the standard message, for example "product 7 has 12 usable units, 20 requested".
     *
     * @param source    where the stock was looked for, for example {@code "product 7"} or {@code "batch 3"}; never
     *                  {@code null}
     * @param requested the units asked for
     * @param available the units that could have been taken
     */
    public InsufficientStockException(String source, long requested, long available) {
        super(source + " has " + available + " usable units, " + requested + " requested");
        this.source = source;
        this.requested = requested;
        this.available = available;
    }

    /**
     * Returns where the stock was looked for.
     *
     * @return for example {@code "product 7"}; never {@code null}
     */
    public String source() {
        return source;
    }

    /**
     * Returns the units asked for.
     *
     * @return the requested quantity
     */
    public long requested() {
        return requested;
    }

    /**
     * Returns the units that could have been taken when the operation was refused.
     *
     * @return the available quantity, never negative
     */
    public long available() {
        return available;
    }
}
