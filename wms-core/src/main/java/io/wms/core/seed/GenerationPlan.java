package io.wms.core.seed;

/**
 * How much synthetic data to generate, and from which seed. The same plan on an empty database always
 * generates the same rows (ids aside, which the database assigns).
 *
 * @param seed       the seed of the random numbers
 * @param categories how many categories; at least 1
 * @param brands     how many brands; at least 1
 * @param products   how many products; at least 1
 * @param batches    how many batches; not negative
 * @param tracks     how many ledger rows; at least one per batch (its receipt), so not fewer than
 *                   {@code batches}, and 0 when there are no batches
 */
public record GenerationPlan(long seed, int categories, int brands, int products, int batches, int tracks) {

    /**
     * Returns a plan with one category per 100 products and one brand per 50 (at least one of each).
     *
     * @param seed     the seed of the random numbers
     * @param products how many products
     * @param batches  how many batches
     * @param tracks   how many ledger rows
     * @return the plan; never {@code null}
     */
    public static GenerationPlan of(long seed, int products, int batches, int tracks) {
        return new GenerationPlan(seed, Math.max(1, products / 100), Math.max(1, products / 50), products, batches,
                tracks);
    }
}
