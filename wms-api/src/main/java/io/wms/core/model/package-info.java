/**
 * The warehouse's data as immutable records: users and roles, the catalog (categories, brands, products), and
 * stock (product batches and their ledger). Every type here is a plain value, safe to share between threads.
 */
package io.wms.core.model;
