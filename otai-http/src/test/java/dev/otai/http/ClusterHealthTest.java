package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node of a cluster says in {@code /health} which runners it owns, and counts them and its lost leases in metrics. */
class ClusterHealthTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                runners:
                  - id: routing
                    on: [{ id: hourly, use: base:IntervalTrigger, params: { hours: 1 } }]
                    run: { id: a, use: base:ExpressionPipe, params: { expression: "a" } }
                  - id: tagging
                    on: [{ id: hourly }]
                    run: { id: b, use: base:ExpressionPipe, params: { expression: "b" } }
            """;

    private final Set<String> owned = ConcurrentHashMap.newKeySet();
    private final AtomicLong lost = new AtomicLong();
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
        RunnerOwnership ownership = new RunnerOwnership() {
            @Override
            public boolean owns(String runnerId) {
                return owned.contains(runnerId);
            }

            @Override
            public long epoch(String runnerId) {
                return owns(runnerId) ? 3 : 0;
            }
        };
        engine = Engine.start(result.blueprint().orElseThrow(), templates, InstantSource.system(), new Lifecycle(), metrics,
                Facilities.builder().add(RunnerOwnership.class, ownership));
        metrics.cluster(new ClusterView("node-7", () -> engine.runners().ids().stream().filter(owned::contains).toList(),
                lost::get));
        orchestrator = Thread.ofVirtual().start(engine::run);
        server = EngineHttpServer.start(new HttpSettings("127.0.0.1", 0, 4096), 0, engine.gateway(), metrics);
        Awaitility.await().until(() -> engine.gateway().orchestrator().isPresent());
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.lifecycle().requestStop();
        orchestrator.join(Duration.ofSeconds(10));
        server.close();
        engine.close();
    }

    @Test
    void health_names_the_node_and_the_runners_it_owns_and_metrics_count_them_and_the_leases_it_lost() throws Exception {
        owned.add("tagging");
        lost.set(2);

        JsonNode health = new ObjectMapper().readTree(get("/health").body());
        assertThat(health.get("node").asText()).isEqualTo("node-7");
        assertThat(health.get("owned_runners")).extracting(JsonNode::asText).containsExactly("tagging");
        assertThat(health.get("runners")).extracting(r -> r.get("id").asText() + "=" + r.get("owned").asBoolean())
                .containsExactly("routing=false", "tagging=true");
        assertThat(get("/metrics").body()).contains("otai_runners_owned{node=\"node-7\"} 1.0")
                .contains("otai_leases_lost_total{node=\"node-7\"} 2.0");

        owned.add("routing");
        assertThat(get("/metrics").body()).contains("otai_runners_owned{node=\"node-7\"} 2.0");
    }

    @Test
    void an_engine_alone_shows_no_node_and_no_ownership() throws Exception {
        var alone = new EngineMetrics();
        assertThat(alone.cluster()).isEmpty();
        try (var plain = EngineHttpServer.start(new HttpSettings("127.0.0.1", 0, 4096), 0, engine.gateway(), alone)) {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plain.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.has("node")).isFalse();
            assertThat(health.get("runners").get(0).has("owned")).isFalse();
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
