package io.wms.core.inventory;

import java.time.LocalDate;
import java.util.List;

/**
 * What an expiry sweep marked expired.
 *
 * @param today          the warehouse date the sweep judged by
 * @param expiredBatches the batches it moved from active to expired, by id ascending; unmodifiable
 */
public record ExpirySweep(LocalDate today, List<Long> expiredBatches) {

    /**
     * Creates the record, copying the list.
     */
    public ExpirySweep {
        expiredBatches = List.copyOf(expiredBatches);
    }
}
