package io.wms.core.auth;

import java.time.Duration;

import io.wms.core.error.ConfigurationException;

/**
 * How failed logins slow down whoever guesses passwords: each {@link io.wms.core.Wms} counts failed logins per
 * e-mail and per source (a key the host passes, such as the client's address), in memory. After a number of free
 * failures, the e-mail or the source is locked for a while: {@link #firstLock()}, doubling with each further failure,
 * up to {@link #longestLock()}. A login while locked is refused at once with a
 * {@link io.wms.core.error.LoginThrottledException}, without checking the password, so that it costs the server
 * no hashing either; it is the same for e-mails with and without an account. A successful login clears its
 * e-mail's failures (never its source's, or one valid account would reset a guesser's count). Failures are forgotten
 * once no failure has come for {@link #longestLock()} after the last lock ran out.
 *
 * <p>An e-mail is counted in the canonical form its user is looked up by, so that variants in case, width or
 * composition ({@code ADMIN@example.com}, {@code ａｄｍｉｎ@example.com}) share one count. An attempt counts as a failure
 * from the moment it is let through, before its password is checked, until it succeeds: logins that arrive at once
 * get through no more than the free attempts left, however many there are.
 *
 * <p>The counts live in the memory of one instance, at most {@link #maxTrackedKeys()} e-mails and sources, the
 * least recently seen forgotten first; several instances behind a load balancer each count their own. A host that
 * needs one count across instances turns this off and throttles in front of wms.
 *
 * <p>Immutable and thread-safe.
 *
 * @param enabled               {@code false} to never throttle
 * @param freeAttemptsPerEmail  failures of one e-mail before it is locked; at least 1
 * @param freeAttemptsPerSource failures from one source, over any e-mails, before it is locked; at least 1
 * @param firstLock             the first lock; positive
 * @param longestLock           the longest lock, and how long failures are remembered; at least {@code firstLock}
 * @param maxTrackedKeys        the most e-mails and sources remembered at once; at least 1
 */
public record LoginThrottle(boolean enabled, int freeAttemptsPerEmail, int freeAttemptsPerSource, Duration firstLock,
                            Duration longestLock, int maxTrackedKeys) {

    /** Failures of one e-mail before it is locked, unless configured: {@value}. */
    public static final int DEFAULT_FREE_ATTEMPTS_PER_EMAIL = 5;

    /** Failures from one source before it is locked, unless configured: {@value}, as an office shares an address. */
    public static final int DEFAULT_FREE_ATTEMPTS_PER_SOURCE = 20;

    /** The first lock unless configured: one second. */
    public static final Duration DEFAULT_FIRST_LOCK = Duration.ofSeconds(1);

    /** The longest lock unless configured: fifteen minutes, reached after ten locks in a row. */
    public static final Duration DEFAULT_LONGEST_LOCK = Duration.ofMinutes(15);

    /** The most e-mails and sources remembered unless configured: {@value}, a few megabytes at most. */
    public static final int DEFAULT_MAX_TRACKED_KEYS = 10_000;

    /**
     * The longest source key a login accepts, in characters (code points): {@value}, room for any address with a
     * port or a host name, and small enough that {@link #DEFAULT_MAX_TRACKED_KEYS} of them stay a few megabytes.
     */
    public static final int MAX_SOURCE_KEY_LENGTH = 255;

    /**
     * Creates the policy, checking it.
     *
     * @throws ConfigurationException naming the {@code loginThrottle.} setting that is out of range
     */
    public LoginThrottle {
        if (freeAttemptsPerEmail < 1) {
            throw new ConfigurationException("loginThrottle.freeAttemptsPerEmail",
                    "must be at least 1, got " + freeAttemptsPerEmail);
        }
        if (freeAttemptsPerSource < 1) {
            throw new ConfigurationException("loginThrottle.freeAttemptsPerSource",
                    "must be at least 1, got " + freeAttemptsPerSource);
        }
        if (firstLock == null || firstLock.isNegative() || firstLock.isZero()) {
            throw new ConfigurationException("loginThrottle.firstLock", "must be positive, got " + firstLock);
        }
        if (longestLock == null || longestLock.compareTo(firstLock) < 0) {
            throw new ConfigurationException("loginThrottle.longestLock",
                    "must be at least the first lock (" + firstLock + "), got " + longestLock);
        }
        if (maxTrackedKeys < 1) {
            throw new ConfigurationException("loginThrottle.maxTrackedKeys", "must be at least 1, got " + maxTrackedKeys);
        }
    }

    /**
     * Returns the default policy: on; 5 free failures per e-mail and 20 per source; locks from one second, doubling,
     * up to fifteen minutes; 10,000 e-mails and sources remembered.
     *
     * @return the policy; never {@code null}
     */
    public static LoginThrottle defaults() {
        return new LoginThrottle(true, DEFAULT_FREE_ATTEMPTS_PER_EMAIL, DEFAULT_FREE_ATTEMPTS_PER_SOURCE,
                DEFAULT_FIRST_LOCK, DEFAULT_LONGEST_LOCK, DEFAULT_MAX_TRACKED_KEYS);
    }

    /**
     * Returns the default policy turned off, for a host that throttles logins in front of wms.
     *
     * @return the policy; never {@code null}
     */
    public static LoginThrottle off() {
        return new LoginThrottle(false, DEFAULT_FREE_ATTEMPTS_PER_EMAIL, DEFAULT_FREE_ATTEMPTS_PER_SOURCE,
                DEFAULT_FIRST_LOCK, DEFAULT_LONGEST_LOCK, DEFAULT_MAX_TRACKED_KEYS);
    }
}
