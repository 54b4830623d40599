package io.wms.core.auth;

/**
 * An action a user may be allowed to take. Roles grant permissions; every operation that changes data names the
 * permission it needs and refuses an actor without it.
 */
public enum Permission {
    /** Read categories, brands, products, batches and their history. */
    READ_CATALOG,
    /** Create, change and soft-delete categories, brands and products. */
    MANAGE_CATALOG,
    /** Receive stock into batches. */
    RECEIVE_STOCK,
    /** Pick (consume or ship) stock from batches, and transfer stock between locations. */
    PICK_STOCK,
    /** Correct a batch's quantity with a reason, dispose of or return stock. */
    ADJUST_STOCK,
    /** Quarantine, release, recall or expire batches. */
    CHANGE_BATCH_STATUS,
    /** Create, change and delete users, and grant or revoke their roles. */
    MANAGE_USERS,
    /** Delete rows for good (hard delete), ledger included. */
    PURGE_DATA,
    /** Read health, pool and database figures. */
    READ_MONITORING,
    /** Create warehouses and locations, move locations in their hierarchy, deactivate and reactivate them. */
    MANAGE_LOCATIONS,
    /** Start, read, record and cancel cycle counts; posting their differences needs {@link #ADJUST_STOCK}. */
    COUNT_STOCK,
    /** Reserve stock for orders, cancel reservations and release expired ones. */
    RESERVE_STOCK
}
