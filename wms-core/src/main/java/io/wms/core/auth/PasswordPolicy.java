package io.wms.core.auth;

import io.wms.core.error.ConfigurationException;

/**
 * How passwords are checked and hashed: the bcrypt cost and the shortest password accepted.
 *
 * <p>The rule for long passwords: bcrypt reads at most {@value #MAX_BYTES} bytes, so a password longer than
 * {@value #MAX_BYTES} bytes in UTF-8 is refused with a {@link io.wms.core.error.ValidationException} (rule
 * {@code "max_bytes"}); it is never silently truncated, because two passwords sharing their first 72 bytes would
 * otherwise be the same password. A character outside ASCII counts for two to four bytes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cost          the bcrypt cost (log2 of the rounds), from {@value #MIN_COST} to {@value #MAX_COST}; new
 *                      hashes use it, and a stored hash of a lower cost is upgraded on the next successful login
 * @param minimumLength the fewest characters (code points) a new password needs; at least 1
 */
public record PasswordPolicy(int cost, int minimumLength) {

    /** The bcrypt cost unless configured: 12, about a quarter of a second per hash on a current server core. */
    public static final int DEFAULT_COST = 12;

    /** The lowest accepted cost: below 10 a stolen hash is too cheap to attack. */
    public static final int MIN_COST = 10;

    /**
     * The highest accepted cost: 16, about four seconds per hash on a current server core. Each step doubles the work,
     * and bcrypt's own ceiling of 31 would take days per login; a cost above 16 would turn every login, and every
     * failed guess, into a denial of service on the server's own CPU.
     */
    public static final int MAX_COST = 16;

    /** The shortest password accepted unless configured. */
    public static final int DEFAULT_MINIMUM_LENGTH = 8;

    /** The shortest password the GO-WMS seed accepted ({@code validate:"min=6"}), for hosts that must keep it. */
    public static final int SEED_MINIMUM_LENGTH = 6;

    /** The most UTF-8 bytes of a password bcrypt reads; longer passwords are refused. */
    public static final int MAX_BYTES = 72;

    /**
     * Creates the policy, checking both settings.
     *
     * @throws ConfigurationException naming {@code passwordPolicy.cost} or {@code passwordPolicy.minimumLength}
     *                                when it is out of range
     */
    public PasswordPolicy {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new ConfigurationException("passwordPolicy.cost",
                    "must be from " + MIN_COST + " to " + MAX_COST + ", got " + cost);
        }
        if (minimumLength < 1) {
            throw new ConfigurationException("passwordPolicy.minimumLength", "must be at least 1, got " + minimumLength);
        }
    }

    /**
     * Returns the default policy: cost {@value #DEFAULT_COST}, at least {@value #DEFAULT_MINIMUM_LENGTH} characters.
     *
     * @return the policy; never {@code null}
     */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy(DEFAULT_COST, DEFAULT_MINIMUM_LENGTH);
    }

    /**
     * Returns a copy with another cost.
     *
     * @param newCost the bcrypt cost
     * @return the new policy; never {@code null}
     * @throws ConfigurationException if the cost is out of range
     */
    public PasswordPolicy withCost(int newCost) {
        return new PasswordPolicy(newCost, minimumLength);
    }

    /**
     * Returns a copy with another minimum length.
     *
     * @param newMinimumLength the fewest characters
     * @return the new policy; never {@code null}
     * @throws ConfigurationException if the length is below 1
     */
    public PasswordPolicy withMinimumLength(int newMinimumLength) {
        return new PasswordPolicy(cost, newMinimumLength);
    }
}
