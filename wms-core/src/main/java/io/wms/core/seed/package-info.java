/**
 * Seeding: the built-in roles, the first admin from configuration and the quickstart's demo data. The synthetic
 * data generator for load tests is the module {@code wms-generator}.
 */
package io.wms.core.seed;
