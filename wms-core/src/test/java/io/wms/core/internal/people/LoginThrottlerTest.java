package io.wms.core.internal.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import io.wms.core.auth.LoginThrottle;
import org.junit.jupiter.api.Test;

class LoginThrottlerTest {

    @Test
    void theFailureCountsNeverOutgrowTheirBound() {
        LoginThrottle small = new LoginThrottle(true, 5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), 3);
        LoginThrottler throttler = new LoginThrottler(small, Clock.systemUTC());

        for (int guess = 0; guess < 100; guess++) {
            throttler.admit("user" + guess + "@example.com", "source-" + guess);
        }

        assertThat(throttler.trackedKeys()).isEqualTo(3);
    }
}
