package io.wms.core.error;

/**
 * Thrown when a listing that answers with every row in one list would hold more rows than it may: the caller reads
 * it page by page instead, with the listing's keyset form ({@code list(actor, limit, cursor)} and the like).
 *
 * <p>Nothing was changed. The bound keeps one call from loading an unbounded table into memory.
 */
public class TooManyRowsException extends WmsException {

    private static final long serialVersionUID = 1L;

    private final int maximum;

    /**
     * Creates the exception.
     *
     * @param listing what was listed, for example {@code "categories"}; never {@code null}
     * @param maximum the most rows the listing returns at once
     * @param instead the paged method to use instead, for the message; never {@code null}
     */
    public TooManyRowsException(String listing, int maximum, String instead) {
        super("There are more than " + maximum + " " + listing + " to return at once: read them page by page with "
                + instead);
        this.maximum = maximum;
    }

    /**
     * Returns the most rows the listing returns at once.
     *
     * @return the bound that was exceeded
     */
    public int maximum() {
        return maximum;
    }
}
