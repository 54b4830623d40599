package io.wms.core.inventory;

/**
 * A batch whose quantity its ledger does not prove.
 *
 * @param batchId             the batch
 * @param quantity            its recorded quantity
 * @param ledgerSum           the sum of its ledger rows' quantity changes
 * @param latestQuantityAfter the quantity after its latest quantity-moving ledger row; {@code null} if it has none
 * @param firstWrongRowId     the first ledger row, in ledger order, whose quantity after is not the running total of
 *                            the batch's changes up to and including it; {@code null} if every row's is
 */
public record LedgerDiscrepancy(long batchId, int quantity, long ledgerSum, Integer latestQuantityAfter,
                                Long firstWrongRowId) {

    /**
     * Creates the record for a batch whose every ledger row is its running total, but whose quantity is not.
     *
     * @param batchId             the batch
     * @param quantity            its recorded quantity
     * @param ledgerSum           the sum of its ledger rows' quantity changes
     * @param latestQuantityAfter the quantity after its latest quantity-moving row; {@code null} if it has none
     */
    public LedgerDiscrepancy(long batchId, int quantity, long ledgerSum, Integer latestQuantityAfter) {
        this(batchId, quantity, ledgerSum, latestQuantityAfter, null);
    }
}
