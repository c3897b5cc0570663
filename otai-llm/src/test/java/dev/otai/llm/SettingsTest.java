package dev.otai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The small parts: URLs, labels, waits, and settings that never print the key. */
class SettingsTest {

    @Test
    void chat_completions_path_is_added_once_and_api_version_is_appended() {
        assertThat(Endpoints.chatCompletions("https://api.openai.com/v1/", ""))
                .isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
        assertThat(Endpoints.chatCompletions("http://localhost:11434/v1/chat/completions", ""))
                .isEqualTo(URI.create("http://localhost:11434/v1/chat/completions"));
        assertThat(Endpoints.chatCompletions("https://r.openai.azure.com/openai/deployments/d", "2024-10-21"))
                .isEqualTo(URI.create("https://r.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21"));
    }

    @Test
    void base_url_with_user_and_password_is_refused_and_the_expectation_points_to_api_key() {
        var baseUrl = LlmPlugin.PARAMS.stream().filter(p -> p.name().equals("base_url")).findFirst().orElseThrow();

        assertThat(baseUrl.constraint().test("https://user:sk-live-123@api.openai.com/v1")).isFalse();
        assertThat(baseUrl.constraint().test("https://api.openai.com/v1")).isTrue();
        assertThat(baseUrl.constraint().test("ftp://api.openai.com/v1")).isFalse();
        assertThat(baseUrl.expectation()).startsWith("an http(s) URL with a host and without user:password@ in it")
                .contains("api_key");
    }

    @Test
    void labels_are_matched_trimmed_and_ignoring_case_and_keep_their_configured_spelling() {
        LabelSet labels = LabelSet.parse(List.of("Billing", "IT"));

        assertThat(labels.match("  billing\n")).contains("Billing");
        assertThat(labels.match("it")).contains("IT");
        assertThat(labels.match("Bill")).isEmpty();
        assertThat(LabelSet.parse(Map.of("IT", "hardware")).descriptions()).containsEntry("IT", "hardware");
    }

    @Test
    void labels_must_be_a_non_empty_unique_set() {
        assertThat(LabelSet.acceptable(List.of())).isFalse();
        assertThat(LabelSet.acceptable(List.of("IT", " it"))).isFalse();
        assertThat(LabelSet.acceptable("IT")).isFalse();
        assertThatThrownBy(() -> LabelSet.parse(List.of("IT", "it")))
                .hasMessage("labels has \"it\" twice; expected " + LabelSet.EXPECTED);
    }

    @Test
    void backoff_doubles_up_to_its_cap_and_a_server_wait_is_capped() {
        RetryPolicy policy = RetryPolicy.withRetries(10);

        assertThat(policy.delay(1, Optional.empty(), () -> 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delay(3, Optional.empty(), () -> 0.999)).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2000));
        assertThat(policy.delay(9, Optional.empty(), () -> 1.0)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(policy.delay(1, Optional.of(Duration.ofHours(1)), () -> 0.0)).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        InstantSource now = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "1.5")), now)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:07 GMT")), now))
                .contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.of(headers(Map.of("Retry-After", "soon")), now)).isEmpty();
    }

    @Test
    void settings_and_service_never_print_the_key() {
        LlmSettings settings = TestSettings.of(URI.create("https://api.openai.com/v1"));

        assertThat(settings.toString()).doesNotContain(TestSettings.KEY).contains("ApiKey[***]");
        try (var service = new LlmClassificationService(settings)) {
            assertThat(service.toString()).doesNotContain(TestSettings.KEY);
        }
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (k, v) -> true);
    }
}
