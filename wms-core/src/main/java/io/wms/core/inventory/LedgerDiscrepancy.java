package io.wms.core.inventory;

/**
 * A batch whose quantity its ledger does not prove, or a batch's units at a location that the ledger rows naming the
 * location do not prove.
 *
 * @param batchId             the batch
 * @param quantity            its recorded quantity; for a location, its recorded units there
 * @param ledgerSum           the sum of its ledger rows' quantity changes (transfers left out); for a location, of
 *                            the rows naming it (transfers included)
 * @param latestQuantityAfter the quantity after its latest quantity-moving ledger row; {@code null} if it has none,
 *                            and for a location
 * @param firstWrongRowId     the first ledger row, in ledger order, whose quantity after is not the running total of
 *                            the batch's changes up to and including it; {@code null} if every row's is, and for a
 *                            location
 * @param locationId          the location whose units disagree; {@code null} when the batch's quantity does (its
 *                            locations are then not checked)
 */
public record LedgerDiscrepancy(long batchId, int quantity, long ledgerSum, Integer latestQuantityAfter,
                                Long firstWrongRowId, Long locationId) {

    /**
     * Creates the record for a batch whose quantity its ledger does not prove.
     *
     * @param batchId             the batch
     * @param quantity            its recorded quantity
     * @param ledgerSum           the sum of its ledger rows' quantity changes
     * @param latestQuantityAfter the quantity after its latest quantity-moving row; {@code null} if it has none
     * @param firstWrongRowId     the first ledger row whose quantity after is not the running total; {@code null} if
     *                            every row's is
     */
    public LedgerDiscrepancy(long batchId, int quantity, long ledgerSum, Integer latestQuantityAfter,
                             Long firstWrongRowId) {
        this(batchId, quantity, ledgerSum, latestQuantityAfter, firstWrongRowId, null);
    }

    /**
     * Creates the record for a batch whose every ledger row is its running total, but whose quantity is not.
     *
     * @param batchId             the batch
     * @param quantity            its recorded quantity
     * @param ledgerSum           the sum of its ledger rows' quantity changes
     * @param latestQuantityAfter the quantity after its latest quantity-moving row; {@code null} if it has none
     */
    public LedgerDiscrepancy(long batchId, int quantity, long ledgerSum, Integer latestQuantityAfter) {
        this(batchId, quantity, ledgerSum, latestQuantityAfter, null, null);
    }
}
