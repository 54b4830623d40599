/**
 * A host of wms on the module path, for {@code ModulePathTest}: it requires wms-core alone and reaches the
 * migrations, the model and the libraries through it.
 */
module io.wms.modulepath {
    requires io.wms.core;
}
