package dev.otai.support.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final InstantSource now = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date_against_the_injected_clock() {
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "3")), now)).contains(Duration.ofSeconds(3));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "1.5")), now)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:07 GMT")), now))
                .contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT")), now))
                .contains(Duration.ZERO);
    }

    @Test
    void openai_retry_after_ms_is_preferred_to_retry_after() {
        assertThat(RetryAfter.of(headers(Map.of("retry-after-ms", "250", "Retry-After", "1")), now))
                .contains(Duration.ofMillis(250));
    }

    @Test
    void an_absent_negative_or_unreadable_wait_is_empty() {
        assertThat(RetryAfter.of(headers(Map.of()), now)).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "soon")), now)).isEmpty();
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "-3")), now)).isEmpty();
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (k, v) -> true);
    }
}
