package io.wms.generator;

/**
 * How much synthetic data to generate, and from which seed. The same plan on an empty database, by a generator with
 * the same clock and zone, always generates the same rows (ids aside, which the database assigns).
 *
 * <p>Every figure has a maximum, so that no plan can exhaust the JVM's memory or hold the tables locked for hours:
 * {@link SyntheticDataGenerator#generate} refuses a plan beyond them with a
 * {@link io.wms.core.error.ValidationException} naming each figure out of range. The record itself accepts any
 * figures, so that the refusal names every one of them at once.
 *
 * @param seed       the seed of the random numbers
 * @param categories how many categories; 1 to {@link #MAX_CATEGORIES}
 * @param brands     how many brands; 1 to {@link #MAX_BRANDS}
 * @param products   how many products; 1 to {@link #MAX_PRODUCTS}
 * @param batches    how many batches; 0 to {@link #MAX_BATCHES}
 * @param tracks     how many ledger rows; at least one per batch (its receipt), so not fewer than
 *                   {@code batches}, at most {@link #MAX_TRACKS_PER_BATCH} per batch and {@link #MAX_TRACKS} in all,
 *                   and 0 when there are no batches
 * @param bins       how many bin locations to spread the batches over, in the default warehouse; 0 (the default)
 *                   keeps every batch in the default location, at most {@link #MAX_BINS}. Each batch lies in one bin,
 *                   its ledger rows name that bin, and the bins are top-level locations coded {@code BIN-000001}
 *                   onwards, whose pick sequence is their number
 */
public record GenerationPlan(long seed, int categories, int brands, int products, int batches, int tracks, int bins) {

    /** The most categories one plan may generate. */
    public static final int MAX_CATEGORIES = 100_000;

    /** The most brands one plan may generate. */
    public static final int MAX_BRANDS = 100_000;

    /** The most products one plan may generate. */
    public static final int MAX_PRODUCTS = 1_000_000;

    /** The most batches one plan may generate. */
    public static final int MAX_BATCHES = 10_000_000;

    /** The most ledger rows one plan may generate. */
    public static final int MAX_TRACKS = 100_000_000;

    /** The most ledger rows one plan may give a batch, on average. */
    public static final int MAX_TRACKS_PER_BATCH = 100;

    /** The most bin locations one plan may generate. */
    public static final int MAX_BINS = 1_000_000;

    /**
     * Creates a plan that keeps every batch in the default location (no bins).
     *
     * @param seed       the seed of the random numbers
     * @param categories how many categories
     * @param brands     how many brands
     * @param products   how many products
     * @param batches    how many batches
     * @param tracks     how many ledger rows
     */
    public GenerationPlan(long seed, int categories, int brands, int products, int batches, int tracks) {
        this(seed, categories, brands, products, batches, tracks, 0);
    }

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

    /**
     * Returns this plan with its batches spread over bin locations.
     *
     * @param binCount how many bins; 0 keeps every batch in the default location
     * @return the plan with that many bins; never {@code null}
     */
    public GenerationPlan withBins(int binCount) {
        return new GenerationPlan(seed, categories, brands, products, batches, tracks, binCount);
    }
}
