/**
 * The exceptions of the wms API, each a subtype of {@link io.wms.core.error.WmsException} named for the outcome a caller
 * acts on. Every one of them leaves the data as it was before the failing call.
 */
package io.wms.core.error;
