package io.wms.core;

import io.wms.core.error.WmsException;

/**
 * An operation that was refused or failed, its work undone, as an {@link OperationListener} hears of it.
 *
 * @param operation the operation
 * @param nanos     how long it ran, in nanoseconds
 * @param failure   what it threw
 */
public record OperationFailed(Operation operation, long nanos, WmsException failure) {
}
