package io.wms.core.inventory;

import java.time.Instant;

/**
 * One batch at one location of a cycle count.
 *
 * @param batchId          the batch
 * @param locationId       the location
 * @param productId        the batch's product
 * @param batchNumber      the batch's number, which the counter reads on the goods
 * @param expectedQuantity the units the system held there when the line was snapshotted; {@code null} on a blind
 *                         count's sheet for a reader who may not see it
 * @param countedQuantity  the units counted; {@code null} until recorded
 * @param countedAt        when they were last recorded; {@code null} until recorded
 */
public record CountLine(long batchId, long locationId, long productId, String batchNumber, Integer expectedQuantity,
                        Integer countedQuantity, Instant countedAt) {
}
