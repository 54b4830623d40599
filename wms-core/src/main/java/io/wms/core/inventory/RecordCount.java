package io.wms.core.inventory;

/**
 * The units a counter found of one batch at one location. Recording a line again replaces the earlier figure.
 *
 * @param countId         the open count
 * @param batchId         the batch counted; a batch in scope without a line gets one
 * @param locationId      where it was counted; in the count's scope
 * @param countedQuantity the units found; not negative
 */
public record RecordCount(long countId, long batchId, long locationId, int countedQuantity) {
}
