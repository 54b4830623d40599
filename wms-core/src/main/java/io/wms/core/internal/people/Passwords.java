package io.wms.core.internal.people;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.wms.core.auth.PasswordPolicy;
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
            validator.add(field, "required", "is required and must not be only spaces");
            return;
        }
        if (password.codePointCount(0, password.length()) < policy.minimumLength()) {
            validator.add(field, "min_length", "must be at least " + policy.minimumLength() + " characters");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PasswordPolicy.MAX_BYTES) {
            validator.add(field, "max_bytes", "must be at most " + PasswordPolicy.MAX_BYTES
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
        return verified && !tooLong;
    }

    void verifyAgainstDummy(String password) {
        byte[] dummy = DUMMY_HASHES.computeIfAbsent(policy.cost(), cost -> BCrypt.with(VERSION)
                .hash(cost, DUMMY_PASSWORD.getBytes(StandardCharsets.UTF_8)));
        verify(password, new String(dummy, StandardCharsets.US_ASCII));
    }

    boolean needsUpgrade(String storedHash) {
        return costOf(storedHash) < policy.cost();
    }

    static int costOf(String storedHash) {
        return Integer.parseInt(storedHash.substring(4, 6));
    }
}
