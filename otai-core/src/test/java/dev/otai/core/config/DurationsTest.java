package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "PT0.5S, 500", "PT5M, 300000", "PT1H30M, 5400000", "P1D, 86400000", "pt10s, 10000",
            "0:01:00, 60000", "00:00:05, 5000", "1:00:00.25, 3600250", "'1 day, 0:00:00', 86400000",
            "5, 5000", "0.25, 250", "'  30 ', 30000"})
    void accepts_iso_clock_and_seconds(String text, long millis) {
        assertThat(Durations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5s", "5m", "five", "", "1:2", "PT"})
    void rejects_anything_else(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"7, 7000", "1.5, 1500"})
    void yaml_numbers_are_seconds(double seconds, long millis) {
        assertThat(Durations.parse(seconds)).contains(Duration.ofMillis(millis));
    }
}
