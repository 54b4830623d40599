package io.wms.core.auth;

import static io.wms.core.testing.WmsExtension.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.wms.core.error.AuthenticationException;
import io.wms.core.error.ConfigurationException;
import io.wms.core.error.LoginThrottledException;
import io.wms.core.error.ValidationException;
import io.wms.core.error.Violation;
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
    void variantsOfOneAddressInCaseWidthAndCompositionShareOneThrottle() {
        fail("ANN@example.com", 1);
        fail("\uFF41\uFF4E\uFF4E@example.com", 1);
        fail("\uFF21\uFF2E\uFF2E@\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com", 1);
        fail("  Ann@Example.COM ", 1);
        fail("ann@example.com", 1);

        assertThatThrownBy(() -> auth().authenticate("ann@example.com", PASSWORD))
                .as("five failures spread over variants of ann's address lock it")
                .isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> auth().authenticate("\uFF41\uFF4E\uFF4E@example.com", PASSWORD))
                .as("the full-width variant is locked too")
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void wrongGuessesArrivingAtOnceGetNoMorePasswordChecksThanTheFreeAttempts() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int run = 0; run < 4; run++) {
                String fresh = "fresh" + run + "@example.com";
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<Throwable>> guesses = new ArrayList<>();
                for (int thread = 0; thread < threads; thread++) {
                    guesses.add(pool.submit(() -> {
                        start.await();
                        return catchThrowable(() -> auth().authenticate(fresh, "wrong horse"));
                    }));
                }
                int checked = 0;
                int throttled = 0;
                for (Future<Throwable> guess : guesses) {
                    Throwable outcome = guess.get(60, TimeUnit.SECONDS);
                    assertThat(outcome).as("every wrong guess fails").isInstanceOf(AuthenticationException.class);
                    if (outcome instanceof LoginThrottledException) {
                        throttled++;
                    } else {
                        checked++;
                    }
                }
                assertThat(checked).as("guesses whose password was checked in run " + run)
                        .isEqualTo(LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);
                assertThat(throttled).as("guesses refused unchecked in run " + run)
                        .isEqualTo(threads - LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHugeEmailIsRefusedNamingTheFieldAndCountsAgainstNothing() {
        String huge = "a".repeat(2_000_000) + "@example.com";
        for (int attempt = 0; attempt < 2 * LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_SOURCE; attempt++) {
            assertThatThrownBy(() -> auth().authenticate(huge, "wrong horse", "203.0.113.7"))
                    .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                            .extracting(Violation::field, Violation::rule)
                            .containsExactly(tuple("email", "max_length")));
        }

        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD, "203.0.113.7"))
                .as("the refused attempts left no count against their source")
                .doesNotThrowAnyException();
    }

    @Test
    void aHugeSourceKeyIsRefusedNamingTheFieldAndCountsAgainstNothing() {
        String huge = "s".repeat(LoginThrottle.MAX_SOURCE_KEY_LENGTH + 1);
        for (int attempt = 0; attempt < 2 * LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_EMAIL; attempt++) {
            assertThatThrownBy(() -> auth().authenticate("ann@example.com", "wrong horse", huge))
                    .isInstanceOfSatisfying(ValidationException.class, failure -> assertThat(failure.violations())
                            .extracting(Violation::field, Violation::rule)
                            .containsExactly(tuple("sourceKey", "max_length")));
        }

        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD))
                .as("the refused attempts left no count against ann's address")
                .doesNotThrowAnyException();
    }

    @Test
    void aSourceKeyOfTheLongestLengthIsAccepted() {
        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD,
                "s".repeat(LoginThrottle.MAX_SOURCE_KEY_LENGTH))).doesNotThrowAnyException();
    }

    @Test
    void aSuccessfulLoginDoesNotCountAgainstItsSource() {
        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD, "203.0.113.7"))
                .doesNotThrowAnyException();
        for (int guess = 0; guess < LoginThrottle.DEFAULT_FREE_ATTEMPTS_PER_SOURCE - 1; guess++) {
            failFrom("203.0.113.7", "user" + guess + "@example.com");
        }

        assertThatCode(() -> auth().authenticate("ann@example.com", PASSWORD, "203.0.113.7"))
                .as("only the failures count, and there are fewer than the free attempts")
                .doesNotThrowAnyException();
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
