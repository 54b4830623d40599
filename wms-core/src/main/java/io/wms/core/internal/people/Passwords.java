package io.wms.core.internal.people;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.wms.core.auth.PasswordPolicy;
import io.wms.core.error.Violation.Rule;
import io.wms.core.internal.Validator;

/**
 * Checks, hashes and verifies passwords by the instance's {@link PasswordPolicy}, with bcrypt.
 *
 * <p>The library is told to refuse long passwords (its strict strategy) rather than truncate them; the policy's
 * {@code max_bytes} rule refuses them earlier, with a message, so the strict strategy is only a second guard.
 */
public final class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    /**
     * A login with an unknown e-mail is verified against this hash so that it takes as long as a wrong password;
     * one per cost, computed once per JVM, because computing it costs as much as a login.
     */
    private static final ConcurrentMap<Integer, byte[]> DUMMY_HASHES = new ConcurrentHashMap<>();

    private static final String DUMMY_PASSWORD = "no user has this password";

    private final PasswordPolicy policy;

    /** The bcrypt rounds (2 to the power of the cost) of every verification, so that tests compare work, not time. */
    private final LongAdder roundsSpent = new LongAdder();

    /**
     * Creates the checker for a policy.
     *
     * @param policy the cost and minimum length; never {@code null}
     */
    public Passwords(PasswordPolicy policy) {
        this.policy = policy;
    }

    PasswordPolicy policy() {
        return policy;
    }

    /**
     * Adds a violation to the validator for each rule of the policy the password breaks.
     *
     * @param validator collects the violations
     * @param field     the name the violations carry
     * @param password  the password; may be {@code null} (a {@code required} violation)
     */
    public void check(Validator validator, String field, String password) {
        if (password == null || password.isBlank()) {
            // A password of spaces only is as good as none: it is the first thing a guesser tries.
            validator.add(field, Rule.REQUIRED, "is required and must not be only spaces");
            return;
        }
        // A lone surrogate has no UTF-8 form: hashed, it would be '?', and two different passwords would match.
        validator.optionalText(field, password, Integer.MAX_VALUE);
        if (password.codePointCount(0, password.length()) < policy.minimumLength()) {
            validator.add(field, Rule.MIN_LENGTH, "must be at least " + policy.minimumLength() + " characters");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PasswordPolicy.MAX_BYTES) {
            validator.add(field, Rule.MAX_BYTES, "must be at most " + PasswordPolicy.MAX_BYTES
                    + " bytes in UTF-8 (characters outside ASCII count for 2 to 4), got " + bytes);
        }
    }

    /**
     * Hashes a password with bcrypt at the policy's cost.
     *
     * @param password a password that passed {@link #check}
     * @return the hash, as stored in {@code users.password}
     */
    public String hash(String password) {
        byte[] hash = BCrypt.with(VERSION, LongPasswordStrategies.strict(VERSION))
                .hash(policy.cost(), password.getBytes(StandardCharsets.UTF_8));
        return new String(hash, StandardCharsets.US_ASCII);
    }

    boolean verify(String password, String storedHash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        boolean tooLong = bytes.length > PasswordPolicy.MAX_BYTES;
        // A password that is too long was never stored; it still costs one verification, as every failure does.
        byte[] candidate = tooLong ? Arrays.copyOf(bytes, PasswordPolicy.MAX_BYTES) : bytes;
        boolean verified = BCrypt.verifyer(VERSION, LongPasswordStrategies.strict(VERSION))
                .verify(candidate, storedHash.getBytes(StandardCharsets.US_ASCII)).verified;
        roundsSpent.add(1L << costOf(storedHash));
        return verified && !tooLong;
    }

    /**
     * Verifies a password against a user's hash in the time a hash of the policy's cost takes, however cheap the
     * stored one is: an unknown e-mail is verified against a dummy of the policy's cost, and a user whose hash is
     * older and cheaper must not answer faster than that (OWASP's rule against finding accounts by timing). Each
     * missing cost step is paid with one dummy verification of that cost: 2^s + 2^s + 2^(s+1) + ... + 2^(p-1) = 2^p.
     */
    boolean verifyInPolicyTime(String password, String storedHash) {
        boolean verified = verify(password, storedHash);
        for (int cost = costOf(storedHash); cost < policy.cost(); cost++) {
            verifyAgainstDummy(password, cost);
        }
        return verified;
    }

    void verifyAgainstDummy(String password) {
        verifyAgainstDummy(password, policy.cost());
    }

    private void verifyAgainstDummy(String password, int cost) {
        byte[] dummy = DUMMY_HASHES.computeIfAbsent(cost, dummyCost -> BCrypt.with(VERSION)
                .hash(dummyCost, DUMMY_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        verify(password, new String(dummy, StandardCharsets.US_ASCII));
    }

    long roundsSpent() {
        return roundsSpent.sum();
    }

    boolean needsUpgrade(String storedHash) {
        return costOf(storedHash) < policy.cost();
    }

    static int costOf(String storedHash) {
        return Integer.parseInt(storedHash.substring(4, 6));
    }
}
