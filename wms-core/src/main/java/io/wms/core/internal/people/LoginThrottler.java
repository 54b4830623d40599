package io.wms.core.internal.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wms.core.auth.LoginThrottle;
import io.wms.core.error.LoginThrottledException;

/**
 * Counts failed logins per e-mail and per source, by a {@link LoginThrottle} policy, in a map of bounded size.
 *
 * <p>An attempt is counted as a failure in the same step that admits it, before its password is hashed: the check
 * and the count are one, so that logins arriving together cannot all read "not locked" before any of them failed,
 * and no more attempts reach the hashing than the policy lets through. A login that then succeeds gives its count
 * back ({@link #succeeded}).
 *
 * <p>Thread-safe: every method holds the instance's lock; a login's hashing, which takes far longer, runs outside it.
 */
final class LoginThrottler {

    private final LoginThrottle policy;
    private final Clock clock;
    private final Map<String, Failures> failures;

    /** The failures of one e-mail or source: how many in a row, the last one, and until when it is locked. */
    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    /**
     * A login let through, with what it counted against its source: the source's failures just before it and the
     * ones it left, so that a success can undo exactly its own count.
     */
    static final class Admission {

        private static final Admission UNCOUNTED = new Admission(null, null, null, null);

        private final String emailKey;
        private final String sourceKey;
        private final Failures sourceBefore;
        private final Failures sourceCounted;

        private Admission(String emailKey, String sourceKey, Failures sourceBefore, Failures sourceCounted) {
            this.emailKey = emailKey;
            this.sourceKey = sourceKey;
            this.sourceBefore = sourceBefore;
            this.sourceCounted = sourceCounted;
        }
    }

    LoginThrottler(LoginThrottle policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        // Access order: under a flood of keys the least recently seen are forgotten first.
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > policy.maxTrackedKeys();
            }
        };
    }

    /**
     * Lets a login through unless its e-mail or its source is locked, counting it as a failure of both at once.
     *
     * @param canonicalEmail the e-mail in the canonical form its user is looked up by ({@link UserEmails#canonical})
     * @param source         where the attempt comes from; {@code null} when the host did not say
     * @return the admitted attempt, for {@link #succeeded} should its password be right
     * @throws LoginThrottledException with the longer of the two locks left; nothing is counted then
     */
    synchronized Admission admit(String canonicalEmail, String source) {
        if (!policy.enabled()) {
            return Admission.UNCOUNTED;
        }
        Instant now = clock.instant();
        String emailKey = emailKey(canonicalEmail);
        String sourceKey = source == null ? null : sourceKey(source);
        Duration left = longer(lockLeft(emailKey, now), sourceKey == null ? Duration.ZERO : lockLeft(sourceKey, now));
        if (!left.isNegative() && !left.isZero()) {
            throw new LoginThrottledException(left);
        }
        count(emailKey, policy.freeAttemptsPerEmail(), now);
        if (sourceKey == null) {
            return new Admission(emailKey, null, null, null);
        }
        Failures sourceBefore = failures.get(sourceKey);
        return new Admission(emailKey, sourceKey, sourceBefore, count(sourceKey, policy.freeAttemptsPerSource(), now));
    }

    /**
     * Records that an admitted login's password was right: its e-mail's failures are cleared, and its count against
     * the source is given back, never the source's other failures (or one valid account would reset a guesser's
     * count).
     *
     * @param admission what {@link #admit} returned for the login
     */
    synchronized void succeeded(Admission admission) {
        if (admission == Admission.UNCOUNTED) {
            return;
        }
        failures.remove(admission.emailKey);
        if (admission.sourceKey != null) {
            giveBack(admission);
        }
    }

    synchronized int trackedKeys() {
        return failures.size();
    }

    private void giveBack(Admission admission) {
        Failures current = failures.get(admission.sourceKey);
        if (current == null) {
            return;
        }
        if (current == admission.sourceCounted) {
            if (admission.sourceBefore == null || isForgotten(admission.sourceBefore, clock.instant())) {
                failures.remove(admission.sourceKey);
            } else {
                failures.put(admission.sourceKey, admission.sourceBefore);
            }
        } else if (current.count() <= 1) {
            failures.remove(admission.sourceKey);
        } else {
            // Others were counted since: their lock stands, only this attempt's count goes.
            failures.put(admission.sourceKey, new Failures(current.count() - 1, current.last(), current.lockedUntil()));
        }
    }

    private Duration lockLeft(String key, Instant now) {
        Failures current = failures.get(key);
        return current == null || current.lockedUntil() == null ? Duration.ZERO
                : Duration.between(now, current.lockedUntil());
    }

    private Failures count(String key, int freeAttempts, Instant now) {
        Failures before = failures.get(key);
        int count = before == null || isForgotten(before, now) ? 1 : before.count() + 1;
        Instant lockedUntil = count < freeAttempts ? before == null ? null : before.lockedUntil()
                : now.plus(lock(count - freeAttempts));
        Failures counted = new Failures(count, now, lockedUntil);
        failures.put(key, counted);
        return counted;
    }

    /** Failures are forgotten once a whole longest lock has passed since the last one and since its lock ran out. */
    private boolean isForgotten(Failures failures, Instant now) {
        Instant quietSince = failures.lockedUntil() == null || failures.lockedUntil().isBefore(failures.last())
                ? failures.last() : failures.lockedUntil();
        return now.isAfter(quietSince.plus(policy.longestLock()));
    }

    /** The first lock, doubled for each further failure, at most the longest lock. */
    private Duration lock(int furtherFailures) {
        Duration lock = policy.firstLock();
        for (int doubling = 0; doubling < furtherFailures && lock.compareTo(policy.longestLock()) < 0; doubling++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(policy.longestLock()) > 0 ? policy.longestLock() : lock;
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

    private static String emailKey(String canonicalEmail) {
        return "email:" + canonicalEmail;
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }
}
