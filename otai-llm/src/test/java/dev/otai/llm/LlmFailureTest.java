package dev.otai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.support.retry.RetryTiming;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Retries, timeouts and refusals: what is retried, how long it waits, and what the errors say. */
class LlmFailureTest {

    private static final ClassificationRequest TICKET = new ClassificationRequest("Printer broken", "", null);
    private static final String OK = "{\"label\": \"IT\", \"confidence\": 0.9}";

    private final FakeChatServer server = new FakeChatServer();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private LlmClassificationService service;

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(ChatTransport.class)).addAppender(logs);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(ChatTransport.class)).detachAppender(logs);
        if (service != null) {
            service.close();
        }
        server.close();
    }

    private LlmClassificationService service(URI baseUrl, Object... overrides) {
        service = new LlmClassificationService(TestSettings.of(baseUrl, overrides), new RetryTiming(waits::add,
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")), () -> 0.5));
        return service;
    }

    @Test
    void rate_limited_request_waits_as_retry_after_says_then_succeeds() throws Exception {
        server.thenStatus(429, "{\"error\": {\"message\": \"Rate limit reached\"}}", Map.of("Retry-After", "3"))
                .thenAnswer(OK);

        assertThat(service(server.baseUrl()).classify(TICKET).label()).isEqualTo("IT");

        assertThat(server.received()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("'llm_queue'", "attempt 1 of 3", "HTTP 429", "3000 ms");
            assertThat(event.getFormattedMessage()).doesNotContain(TestSettings.KEY);
        });
    }

    @Test
    void retry_after_ms_from_openai_is_preferred() throws Exception {
        server.thenStatus(429, "", Map.of("retry-after-ms", "250", "Retry-After", "1")).thenAnswer(OK);

        service(server.baseUrl()).classify(TICKET);

        assertThat(waits).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void server_errors_are_retried_with_exponential_backoff_and_jitter() throws Exception {
        server.thenStatus(503, "overloaded", Map.of()).thenStatus(502, "", Map.of()).thenAnswer(OK);

        assertThat(service(server.baseUrl()).classify(TICKET).label()).isEqualTo("IT");

        // base 500 ms doubling; half fixed, half scaled by the random value 0.5
        assertThat(waits).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
    }

    @Test
    void retries_give_up_after_max_retries_naming_the_last_status() {
        server.thenStatus(503, "{\"error\": {\"message\": \"The engine is currently overloaded\"}}", Map.of());

        assertThatThrownBy(() -> service(server.baseUrl(), "max_retries", 1L).classify(TICKET))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 503 after 2 attempts: \"The engine is currently overloaded\"")
                .hasMessageContaining("expected a 2xx answer");
        assertThat(server.received()).hasSize(2);
    }

    @Test
    void timeout_fails_with_a_clear_error_after_its_retries() {
        server.hang();

        assertThatThrownBy(() -> service(server.baseUrl(), "timeout", Duration.ofMillis(200), "max_retries", 1L)
                .classify(TICKET))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("LLM service 'llm_queue' (model 'gpt-4o-mini' at " + server.baseUrl())
                .hasMessageContaining("no answer within PT0.2S (timeout) after 2 attempts")
                .hasMessageContaining("raise timeout");
        assertThat(server.received()).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void unauthorized_fails_at_once_with_advice_and_without_the_key() {
        server.thenStatus(401, "{\"error\": {\"message\": \"Incorrect API key provided: " + TestSettings.KEY + "\"}}",
                Map.of());

        assertThatThrownBy(() -> service(server.baseUrl()).classify(TICKET))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("HTTP 401: \"Incorrect API key provided: ***\"")
                .hasMessageContaining("check api_key and auth_header")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(TestSettings.KEY));
        assertThat(server.received()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void unreachable_server_names_the_url_to_check() throws Exception {
        URI closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
        }

        assertThatThrownBy(() -> service(closed, "max_retries", 0L).classify(TICKET))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("could not reach the server")
                .hasMessageContaining("check base_url");
    }

    @Test
    void azure_style_sends_the_key_in_the_api_key_header_and_the_api_version() throws Exception {
        server.thenAnswer(OK);

        service(URI.create(server.baseUrl().toString().replace("/v1", "/openai/deployments/gpt4o")),
                "auth_header", "api-key", "api_version", "2024-10-21").classify(TICKET);

        FakeChatServer.Received request = server.received().getFirst();
        assertThat(request.path()).isEqualTo("/openai/deployments/gpt4o/chat/completions");
        assertThat(request.query()).isEqualTo("api-version=2024-10-21");
        assertThat(request.headers().getFirst("api-key")).isEqualTo(TestSettings.KEY);
        assertThat(request.headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void api_token_from_the_pipe_replaces_the_service_key() throws Exception {
        server.thenAnswer(OK);

        service(server.baseUrl()).classify(new ClassificationRequest("Printer broken", "", "sk-per-call"));

        assertThat(server.received().getFirst().headers().getFirst("Authorization")).isEqualTo("Bearer sk-per-call");
    }

    @Test
    void local_server_without_a_key_gets_no_authorization_header() throws Exception {
        server.thenAnswer(OK);

        service(server.baseUrl(), "api_key", null).classify(TICKET);

        assertThat(server.received().getFirst().headers().containsKey("Authorization")).isFalse();
    }
}
