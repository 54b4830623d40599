package io.wms.core;

/**
 * Work that runs inside one transaction and returns a result.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface TransactionalWork<T> {

    /**
     * Does the work with repositories and services bound to the transaction.
     *
     * @param transaction the operations of the running transaction; valid only until this method returns
     * @return the result, handed back to the caller after the commit
     */
    T execute(WmsOperations transaction);
}
