/**
 * Synthetic warehouse data for load tests and benchmarks: {@link io.wms.generator.SyntheticDataGenerator}, the
 * {@link io.wms.generator.GenerationPlan} it follows and the {@link io.wms.generator.GenerationReport} it returns.
 */
package io.wms.generator;
