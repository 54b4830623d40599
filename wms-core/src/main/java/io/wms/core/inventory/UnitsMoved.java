package io.wms.core.inventory;

import io.wms.core.model.TrackAction;

/**
 * Units of stock one operation moved under one ledger action: what metrics count and what a listener sees of a
 * stock change without knowing its result type.
 *
 * @param action the ledger action
 * @param units  how many units, always positive: a correction that took units away counts them too
 */
public record UnitsMoved(TrackAction action, long units) {
}
