package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.orchestration.TriggerGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /reload} from clients that do not hold the reload token, or reach a server open to other hosts. */
class HostileReloadRequestTest {

    private static final String TOKEN = "r3load-t0ken";

    private final AtomicInteger reloads = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ConfigControl.Reload answer = new ConfigControl.Reload("applied", "config reloaded", List.of(), List.of());
    private EngineHttpServer server;

    /** Counts reloads and answers {@link #answer}; shows a fixed loaded config. */
    private final ConfigControl config = new ConfigControl() {
        @Override
        public Optional<Loaded> loaded() {
            return Optional.of(new Loaded("ab".repeat(32), Instant.parse("2026-01-05T09:00:00Z")));
        }

        @Override
        public Reload reload(String cause) {
            reloads.incrementAndGet();
            return answer;
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        client.close();
    }

    private void start(HttpSettings settings) {
        server = EngineHttpServer.start(settings, 0, new TriggerGateway(), new EngineMetrics(), config, List.of());
    }

    private HttpResponse<String> reload(String header, String value) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/reload"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void without_the_reload_token_or_with_a_wrong_one_nothing_is_reloaded_and_the_answer_is_401() throws Exception {
        start(HttpSettings.defaults().withReloadToken(TOKEN));

        HttpResponse<String> missing = reload(null, null);
        HttpResponse<String> wrong = reload("X-Otai-Token", TOKEN + "x");
        HttpResponse<String> wrongBearer = reload("Authorization", "Bearer " + TOKEN.substring(1));
        HttpResponse<String> basic = reload("Authorization", "Basic " + TOKEN);

        assertThat(List.of(missing, wrong, wrongBearer, basic)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        assertThat(json(missing).get("error").asText()).startsWith("missing token");
        assertThat(json(wrong).get("error").asText()).isEqualTo("wrong reload token");
        assertThat(List.of(missing, wrong, wrongBearer, basic)).allSatisfy(r -> assertThat(r.body()).doesNotContain(TOKEN));
        assertThat(reloads).hasValue(0);
    }

    @Test
    void the_reload_token_in_x_otai_token_or_as_a_bearer_token_reloads() throws Exception {
        start(HttpSettings.defaults().withReloadToken(TOKEN));

        HttpResponse<String> header = reload("X-Otai-Token", TOKEN);
        HttpResponse<String> bearer = reload("Authorization", "Bearer " + TOKEN);

        assertThat(header.statusCode()).isEqualTo(200);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(json(header).get("outcome").asText()).isEqualTo("applied");
        assertThat(reloads).hasValue(2);
    }

    @Test
    void a_server_reachable_from_other_hosts_takes_no_reload_without_a_configured_token() throws Exception {
        start(new HttpSettings("0.0.0.0", 0, 4096, List.of("*")));

        HttpResponse<String> response = reload("X-Otai-Token", "anything");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").asText()).contains("infrastructure.http.reload_token").contains("SIGHUP");
        assertThat(reloads).hasValue(0);
    }

    @Test
    void a_loopback_server_without_a_token_reloads_and_a_rejected_config_answers_422_with_its_errors() throws Exception {
        start(HttpSettings.defaults());
        answer = new ConfigControl.Reload("rejected", "config reload rejected: 1 problem in config.yml",
                List.of("config.yml:3:9: orchestrator: unknown key"), List.of());

        HttpResponse<String> response = reload(null, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("errors").get(0).asText()).isEqualTo("config.yml:3:9: orchestrator: unknown key");
        assertThat(reloads).hasValue(1);
    }

    @Test
    void health_shows_the_loaded_configs_hash_and_load_time() throws Exception {
        start(HttpSettings.defaults());

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json(response).get("config").get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(json(response).get("config").get("loaded_at").asText()).isEqualTo("2026-01-05T09:00:00Z");
    }
}
