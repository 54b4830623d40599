/**
 * The values and exceptions every wms module speaks in: the model records and enums, and the one exception tree
 * rooted at {@link io.wms.core.error.WmsException}.
 */
module io.wms.api {
    exports io.wms.core.error;
    exports io.wms.core.model;
}
