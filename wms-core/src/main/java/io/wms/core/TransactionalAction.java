package io.wms.core;

/**
 * Work that runs inside one transaction and returns nothing.
 */
@FunctionalInterface
public interface TransactionalAction {

    /**
     * Does the work with repositories and services bound to the transaction.
     *
     * @param transaction the operations of the running transaction; valid only until this method returns
     */
    void execute(WmsOperations transaction);
}
