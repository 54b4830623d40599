package io.wms.core.inventory;

/**
 * A batch whose quantity its ledger does not prove.
 *
 * @param batchId             the batch
 * @param quantity            its recorded quantity
 * @param ledgerSum           the sum of its ledger rows' quantity changes
 * @param latestQuantityAfter the quantity after its latest quantity-moving ledger row; {@code null} if it has none
 */
public record LedgerDiscrepancy(long batchId, int quantity, long ledgerSum, Integer latestQuantityAfter) {
}
