package io.wms.core.inventory;

import static io.wms.core.model.BatchStatus.ACTIVE;
import static io.wms.core.model.BatchStatus.DEPLETED;
import static io.wms.core.model.BatchStatus.EXPIRED;
import static io.wms.core.model.BatchStatus.QUARANTINED;
import static io.wms.core.model.BatchStatus.RECALLED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.wms.core.error.IllegalTransitionException;
import io.wms.core.model.BatchStatus;

/**
 * The lifecycle of a batch as one transition table; every status change of the inventory service is checked here.
 *
 * <table>
 * <caption>Allowed transitions</caption>
 * <tr><th>from</th><th>to</th><th>by</th></tr>
 * <tr><td>active</td><td>quarantined, recalled, expired, depleted</td><td>quarantine, recall, expiry sweep, taking
 * the last unit</td></tr>
 * <tr><td>quarantined</td><td>active, recalled</td><td>release, recall</td></tr>
 * <tr><td>expired</td><td>recalled</td><td>recall</td></tr>
 * <tr><td>depleted</td><td>active, recalled</td><td>receiving (or finding) stock, recall</td></tr>
 * <tr><td>recalled</td><td>none</td><td>final: stock leaves it only by disposal or return</td></tr>
 * </table>
 *
 * <p>Thread-safe: the table is immutable.
 */
public final class BatchLifecycle {

    private static final Map<BatchStatus, Set<BatchStatus>> NEXT = new EnumMap<>(BatchStatus.class);

    static {
        NEXT.put(ACTIVE, EnumSet.of(QUARANTINED, RECALLED, EXPIRED, DEPLETED));
        NEXT.put(QUARANTINED, EnumSet.of(ACTIVE, RECALLED));
        NEXT.put(EXPIRED, EnumSet.of(RECALLED));
        NEXT.put(DEPLETED, EnumSet.of(ACTIVE, RECALLED));
        NEXT.put(RECALLED, EnumSet.noneOf(BatchStatus.class));
    }

    private BatchLifecycle() {
    }

    /**
     * Tells whether a batch may go from one status to another.
     *
     * @param from the current status; never {@code null}
     * @param to   the wanted status; never {@code null}
     * @return {@code true} if the table allows it; a status never "changes" into itself
     */
    public static boolean allows(BatchStatus from, BatchStatus to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Returns the statuses a batch may go to from a status.
     *
     * @param from the current status; never {@code null}
     * @return the allowed next statuses, possibly empty; an unmodifiable copy
     */
    public static Set<BatchStatus> next(BatchStatus from) {
        Set<BatchStatus> next = NEXT.get(from);
        return next.isEmpty() ? Set.of() : Set.copyOf(next);
    }

    /**
     * Refuses a transition the table does not allow.
     *
     * @param batchId the batch, for the message
     * @param from    the current status; never {@code null}
     * @param to      the wanted status; never {@code null}
     * @throws IllegalTransitionException if the table does not allow it
     */
    public static void check(long batchId, BatchStatus from, BatchStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException(batchId, from, to);
        }
    }
}
