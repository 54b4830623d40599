package io.wms.core.auth;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.wms.core.error.AuthenticationException;
import io.wms.core.error.ConfigurationException;
import io.wms.core.error.LoginThrottledException;
import io.wms.core.repository.NewUser;
import io.wms.core.testing.WmsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginThrottleTest {

    private static final String PASSWORD = "correct horse";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-10T09:00:00Z"));

    @RegisterExtension
    final WmsExtension extension = WmsExtension.create(builder -> builder.passwordPolicy(new PasswordPolicy(10, 8))
            .clock(clock));

    @BeforeEach
    void ann() {
        extension.wms().users().create(ADMIN, new NewUser("ann@example.com", PASSWORD));
    }

    private AuthService auth() {
        return extension.wms().auth();
    }

    private void fail(String email, int times) {
        for (int attempt = 0; attempt < times; attempt++) {
            assertThatThrownBy(() -> auth().authenticate(email, "wrong horse"))
                    .isExactlyInstanceOf(AuthenticationException.class);
        }
    }

    private void failFrom(String source, String email) {
        assertThatThrownBy(() -> auth().authenticate(email, "wrong horse", source))
                .isExactlyInstanceOf(AuthenticationException.class);
    }

    private static Duration retryAfter(Throwable failure) {
        return ((LoginThrottledException) failure).retryAfter();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedForASecond() {
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        failure -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void eachFurtherFailureDoublesTheLock() {
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);
        clock.advance(Duration.ofSeconds(1));
        fail("ann@example.com", 1);

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .satisfies(failure -> assertThat(retryAfter(failure)).isEqualTo(Duration.ofSeconds(2)));
        clock.advance(Duration.ofSeconds(2));
        fail("ann@example.com", 1);
        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .satisfies(failure -> assertThat(retryAfter(failure)).isEqualTo(Duration.ofSeconds(4)));
    }

    @Test
    void theLockNeverExceedsFifteenMinutes() {
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);
        for (int lock = 0; lock < 12; lock++) {
            clock.advance(LoginThrottle.DEFAULT_LONGEST_LOCK);
            fail("ann@example.com", 1);
        }

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .satisfies(failure -> assertThat(retryAfter(failure)).isEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    void afterTheLockTheRightPasswordLogsInAndClearsTheFailures() {
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);
        clock.advance(Duration.ofSeconds(1));

        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD)).doesNotThrowAnyException();
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL - 1);
        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD)).doesNotThrowAnyException();
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        fail("nobody@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);

        Throwable unknown = org.assertj.core.api.Assertions.catchThrowable(
                () -> auth().authenticate("nobody@example.com", PASSWORD));
        Throwable known = org.assertj.core.api.Assertions.catchThrowable(
                () -> auth().authenticate("ann@example.com", PASSWORD));
        assertThat(unknown).isInstanceOf(LoginThrottledException.class).hasMessage(known.getMessage());
        assertThat(retryAfter(unknown)).isEqualTo(retryAfter(known));
    }

    @Test
    void oneSourceGuessingAcrossManyEmailsIsLocked() {
        for (int guess = 0; guess < LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_SOURCE; guess++) {
            failFrom("203.0.113.7", "user" + guess + "@example.com");
        }

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD, "203.0.113.7"))
                .isInstanceOf(LoginThrottledException.class);
        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD, "198.51.100.1"))
                .doesNotThrowAnyException();
    }

    @Test
    void failuresAreForgottenAfterAQuietLongestLock() {
        fail("ann@example.com", LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL - 1);
        clock.advance(LoginThrottle.DEFAULT_LONGEST_LOCK.plusSeconds(1));

        fail("ann@example.com", 1);
        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD)).doesNotThrowAnyException();
    }

    @Test
    void aHostThatThrottlesItselfTurnsItOff() {
        extension.wms().close();
        try (var unthrottled = io.wms.core.Wms.builder().dataSource(extension.pool())
                .passwordPolicy(new PasswordPolicy(10, 8)).clock(clock).loginThrottle(LoginThrottle.off()).build()) {
            for (int attempt = 0; attempt < 2 * LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL; attempt++) {
                assertThatThrownBy(() -> unthrottled.auth().authenticate("ann@example.com", "wrong horse"))
                        .isExactlyInstanceOf(AuthenticationException.class);
            }
            assertThatCode(() -> unthrottled.auth().authenticate("ann@example.com", PASSWORD))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aThrottleWithoutAFreeAttemptIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new LoginThrottle(true, 0, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), 10))
                .isInstanceOfSatisfying(ConfigurationException.class, failure -> assertThat(failure.setting())
                        .isEqualTo("loginThrottle.freeAttemptsPerEmail"));
    }

    /** A clock the test moves forward by hand. */
    private static final class TestClock extends Clock {

        private final AtomicReference<Instant> now;

        TestClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
