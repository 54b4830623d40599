package io.wms.core.internal.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.wms.core.auth.LoginThrottle;
import io.wms.core.error.LoginThrottledException;

/**
 * Counts failed logins per e-mail and per source, by a {@link LoginThrottle} policy, in a map of bounded size.
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
     * Refuses a login while its e-mail or its source is locked.
     *
     * @throws LoginThrottledException with the longer of the two locks left
     */
    synchronized void refuseWhileLocked(String email, String source) {
        if (!policy.enabled()) {
            return;
        }
        Instant now = clock.instant();
        Duration left = longer(lockLeft(emailKey(email), now), source == null ? Duration.ZERO
                : lockLeft(sourceKey(source), now));
        if (!left.isNegative() && !left.isZero()) {
            throw new LoginThrottledException(left);
        }
    }

    synchronized void failed(String email, String source) {
        if (!policy.enabled()) {
            return;
        }
        Instant now = clock.instant();
        count(emailKey(email), policy.freeAttemptsPerEmail(), now);
        if (source != null) {
            count(sourceKey(source), policy.freeAttemptsPerSource(), now);
        }
    }

    synchronized void succeeded(String email) {
        failures.remove(emailKey(email));
    }

    synchronized int trackedKeys() {
        return failures.size();
    }

    private Duration lockLeft(String key, Instant now) {
        Failures current = failures.get(key);
        return current == null || current.lockedUntil() == null ? Duration.ZERO
                : Duration.between(now, current.lockedUntil());
    }

    private void count(String key, int freeAttempts, Instant now) {
        Failures before = failures.get(key);
        int count = before == null || isForgotten(before, now) ? 1 : before.count() + 1;
        Instant lockedUntil = count < freeAttempts ? before == null ? null : before.lockedUntil()
                : now.plus(lock(count - freeAttempts));
        failures.put(key, new Failures(count, now, lockedUntil));
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

    private static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    private static String sourceKey(String source) {
        return "source:" + source;
    }
}
