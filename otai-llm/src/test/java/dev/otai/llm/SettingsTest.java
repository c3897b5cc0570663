package dev.otai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.support.retry.RetryPolicy;
import dev.otai.support.retry.RetryTiming;
import dev.otai.support.retry.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        var baseUrl = LlmPlugin.BASE_URL.spec();

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
        LlmSettings settings = TestSettings.of(URI.create("https://api.openai.com/v1"));

        assertThat(policy(settings, 0.0).backoff(1, Optional.empty())).isEqualTo(Duration.ofMillis(250));
        assertThat(policy(settings, 0.999).backoff(3, Optional.empty())).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2000));
        assertThat(policy(settings, 1.0).backoff(9, Optional.empty())).isEqualTo(LlmSettings.MAX_DELAY);
        assertThat(policy(settings, 0.0).backoff(1, Optional.of(Duration.ofHours(1)))).isEqualTo(LlmSettings.MAX_SERVER_WAIT);
        assertThat(policy(settings, 1.0).backoff(1, Optional.of(Duration.ofMillis(10)))).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void settings_and_service_never_print_the_key() {
        LlmSettings settings = TestSettings.of(URI.create("https://api.openai.com/v1"));

        assertThat(settings.toString()).doesNotContain(TestSettings.KEY).contains("ApiKey[***]");
        try (var service = new LlmClassificationService(settings)) {
            assertThat(service.toString()).doesNotContain(TestSettings.KEY);
        }
    }

    private static RetryPolicy policy(LlmSettings settings, double random) {
        return settings.retryPolicy(new RetryTiming(Sleeper.NONE, InstantSource.system(), () -> random));
    }
}
