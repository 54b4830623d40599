package io.wms.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @Test
    void readsSeconds() {
        assertThat(GoDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void readsMinutes() {
        assertThat(GoDuration.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void readsHours() {
        assertThat(GoDuration.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void addsUpSeveralUnits() {
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void readsMilliseconds() {
        assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readsMicrosecondsInEitherSpelling() {
        assertThat(GoDuration.parse("5us")).isEqualTo(Duration.ofNanos(5_000));
        assertThat(GoDuration.parse("5\u00b5s")).isEqualTo(Duration.ofNanos(5_000));
    }

    @Test
    void readsNanoseconds() {
        assertThat(GoDuration.parse("7ns")).isEqualTo(Duration.ofNanos(7));
    }

    @Test
    void readsDecimalFractions() {
        assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse(".5s")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void readsALoneZeroWithoutUnit() {
        assertThat(GoDuration.parse("0")).isZero();
    }

    @Test
    void acceptsALeadingPlusAsGoDoes() {
        assertThat(GoDuration.parse("+2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void dropsFractionsOfANanosecondAsGoDoes() {
        assertThat(GoDuration.parse("1.9ns")).isEqualTo(Duration.ofNanos(1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsNothing(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got nothing");
    }

    @Test
    void rejectsNegativeDurations() {
        assertThatThrownBy(() -> GoDuration.parse("-5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a duration: '-5s': negative durations are not allowed");
    }

    @Test
    void rejectsANumberWithoutUnit() {
        assertThatThrownBy(() -> GoDuration.parse("30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a duration: '30': '30' has no unit (use ns, us, ms, s, m or h)");
    }

    @Test
    void rejectsAnUnknownUnit() {
        assertThatThrownBy(() -> GoDuration.parse("2d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a duration: '2d': unknown unit 'd' (use ns, us, ms, s, m or h)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h", "1h 30m", " 1h", "1..5h", "1.5.5h", "+", "ms5", "1H", "."})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a duration: '" + text + "'");
    }

    @Test
    void rejectsMoreThanGoCanCount() {
        assertThatThrownBy(() -> GoDuration.parse("2562048h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void acceptsTheLongestDurationGoCanCount() {
        assertThat(GoDuration.parse("2562047h")).isEqualTo(Duration.ofHours(2_562_047));
    }
}
