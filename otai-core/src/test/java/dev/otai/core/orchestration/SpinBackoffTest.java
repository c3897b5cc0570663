package dev.otai.core.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpinBackoffTest {

    @Test
    void the_rest_doubles_after_each_spinning_run_from_one_minute_and_stops_at_thirty() {
        assertThat(SpinBackoff.restAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SpinBackoff.restAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SpinBackoff.restAfter(5)).isEqualTo(Duration.ofMinutes(16));
        assertThat(SpinBackoff.restAfter(6)).isEqualTo(Duration.ofMinutes(30));
        assertThat(SpinBackoff.restAfter(1_000)).isEqualTo(Duration.ofMinutes(30));
    }
}
