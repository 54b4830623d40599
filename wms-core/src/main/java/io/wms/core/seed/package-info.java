/**
 * Seeding: the built-in roles, the first admin from configuration, the quickstart's demo data, and a synthetic
 * data generator for load tests.
 */
package io.wms.core.seed;
