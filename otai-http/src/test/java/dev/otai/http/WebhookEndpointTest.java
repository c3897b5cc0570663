package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebhookEndpointTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                runners:
                  - id: on_create
                    on:
                      - id: zammad
                        use: base:WebhookTrigger
                        params: { secret: "s3cret" }
                    run:
                      id: note
                      use: base:ExpressionPipe
                      params: { expression: "{{ event.ticket_id }}:{{ event.body.n | default('') }}" }
                  - id: manual
                    on: [{ id: rebuild, use: base:ManualTrigger }]
                    run: { id: rebuild_run, use: base:ExpressionPipe, params: { expression: "{{ trigger }}" } }
            """;

    private final List<EngineEvent.RunFinished> finished = new CopyOnWriteArrayList<>();
    private final EngineMetrics metrics = new EngineMetrics();
    private final HttpClient client = HttpClient.newHttpClient();
    private Engine engine;
    private EngineHttpServer server;
    private Thread orchestrator;

    @BeforeEach
    void start() {
        var registry = PluginRegistry.discover(getClass().getClassLoader());
        var templates = new TemplateEngine();
        ConfigCheck.Result result = ConfigCheck.text(CONFIG, "config.yml", Map.of(), registry, templates);
        assertThat(result.problems()).isEmpty();
        EngineListener listener = event -> {
            metrics.on(event);
            if (event instanceof EngineEvent.RunFinished f) {
                finished.add(f);
            }
        };
        engine = Engine.start(result.blueprint().orElseThrow(), templates, InstantSource.system(), new Lifecycle(), listener);
        assertThat(engine.eventTriggerIds()).containsExactly("zammad", "rebuild");
        orchestrator = Thread.ofVirtual().start(engine::run);
        server = EngineHttpServer.start(new HttpSettings("127.0.0.1", 0, 4096), 0, engine.gateway(), metrics);
        Awaitility.await().until(() -> engine.eventTriggerIds().stream().allMatch(engine.gateway()::takesEvents));
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.lifecycle().requestStop();
        orchestrator.join(Duration.ofSeconds(10));
        server.close();
        engine.close();
    }

    private HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha1(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec("s3cret".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return "sha1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signed_zammad_webhook_runs_with_the_ticket_id_and_a_repeated_delivery_is_acknowledged_but_not_run_again()
            throws Exception {
        String body = "{\"ticket\":{\"id\":81,\"title\":\"Webhook-Test\"},\"article\":null}";
        var response = post("/hooks/zammad", body, Map.of("X-Hub-Signature", sha1(body), "X-Zammad-Delivery", "d-1"));

        assertThat(response.statusCode()).isEqualTo(202);
        Awaitility.await().until(() -> finished.size() == 1);
        assertThat(finished.getFirst().result().data()).containsEntry("value", "81:");
        assertThat(post("/hooks/zammad", body, Map.of("X-Hub-Signature", sha1(body), "X-Zammad-Delivery", "d-1")).statusCode())
                .isEqualTo(200);

        // the runner takes events in order: had the repeat been queued, it would run before the next delivery
        String next = "{\"ticket\":{\"id\":82,\"title\":\"Next\"},\"article\":null}";
        assertThat(post("/hooks/zammad", next, Map.of("X-Hub-Signature", sha1(next), "X-Zammad-Delivery", "d-2")).statusCode())
                .isEqualTo(202);
        Awaitility.await().until(() -> finished.size() >= 2);
        assertThat(orchestratorIdle()).isTrue();
        assertThat(finished).extracting(f -> f.result().data().get("value")).containsExactly("81:", "82:");
    }

    private boolean orchestratorIdle() throws InterruptedException {
        return engine.gateway().orchestrator().orElseThrow().awaitIdle(Duration.ofSeconds(10));
    }

    @Test
    void requests_without_the_secret_or_with_a_wrong_signature_are_401() throws Exception {
        assertThat(post("/hooks/zammad", "{}", Map.of()).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/zammad", "{}", Map.of("X-Hub-Signature", sha1("{\"other\":1}"))).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/zammad", "{}", Map.of("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
        assertThat(post("/hooks/zammad", "{\"TicketID\":\"5\"}", Map.of("Authorization", "Bearer s3cret")).statusCode()).isEqualTo(202);
        String basic = Base64.getEncoder().encodeToString("otobo:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/hooks/zammad", "{\"Event\":\"TicketCreate\",\"TicketID\":\"6\"}", Map.of("Authorization", "Basic " + basic))
                .statusCode()).isEqualTo(202);
        Awaitility.await().until(() -> finished.size() == 2);
        assertThat(finished).extracting(f -> f.result().data().get("value")).containsExactlyInAnyOrder("5:", "6:");
    }

    @Test
    void unknown_ids_oversized_and_malformed_bodies_are_refused() throws Exception {
        assertThat(post("/hooks/nope", "{}", Map.of()).statusCode()).isEqualTo(404);
        assertThat(post("/hooks/rebuild", "{not json", Map.of()).statusCode()).isEqualTo(400);
        assertThat(post("/hooks/rebuild", "{\"pad\":\"" + "x".repeat(5000) + "\"}", Map.of()).statusCode()).isEqualTo(413);
        assertThat(post("/hooks/rebuild", "", Map.of()).statusCode()).isEqualTo(202);
        Awaitility.await().until(() -> finished.size() == 1);
        assertThat(finished.getFirst().result().data()).containsEntry("value", "rebuild");
        assertThat(metrics.registry().scrape()).contains("otai_webhook_events_total{status=\"404\",trigger=\"unknown\"} 1.0")
                .doesNotContain("nope");
    }

    @Test
    void a_burst_of_500_events_is_queued_and_none_is_lost() throws Exception {
        try (var executor = Executors.newFixedThreadPool(16)) {
            var statuses = new ConcurrentHashMap<Integer, Integer>();
            IntStream.range(0, 500).forEach(n -> executor.submit(() -> {
                String body = "{\"TicketID\":\"" + n + "\",\"n\":" + n + "}";
                statuses.put(n, post("/hooks/zammad", body, Map.of("X-Otai-Token", "s3cret")).statusCode());
                return null;
            }));
            executor.shutdown();
            assertThat(executor.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Set.copyOf(statuses.values())).containsExactly(202);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> finished.size() == 500);
        Set<Object> values = finished.stream().map(f -> f.result().data().get("value")).collect(Collectors.toSet());
        assertThat(values).hasSize(500).contains("0:0", "499:499");
    }

    @Test
    void health_reports_each_runner_and_metrics_are_scraped() throws Exception {
        post("/hooks/rebuild", "{}", Map.of());
        Awaitility.await().until(() -> finished.size() == 1);
        var health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"id\":\"on_create\"").contains("\"id\":\"manual\"").contains("\"last_outcome\":\"succeeded\"");
        var scrape = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.body()).contains("otai_runs_total{outcome=\"succeeded\",runner=\"manual\"} 1.0")
                .contains("otai_trigger_fires_total{trigger=\"rebuild\"} 1.0").contains("otai_run_duration_seconds_bucket");
    }
}
