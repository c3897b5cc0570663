package dev.otai.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Lifecycle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * A config running in a real engine behind the real HTTP server on loopback, for tests: posts JSON, collects
 * finished runs, and stops everything on close.
 */
final class RunningEngine implements AutoCloseable {

    final Probes probes = new Probes();
    final EngineMetrics metrics = new EngineMetrics();
    final List<EngineEvent.RunFinished> finished = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final Engine engine;
    final EngineHttpServer server;
    private final Thread orchestrator;

    RunningEngine(String yaml, InstantSource clock, HttpSettings http) {
        engine = Engine.start(EngineFixture.valid(yaml, Map.of()), EngineFixture.TEMPLATES, clock, new Lifecycle(), event -> {
            metrics.on(event);
            if (event instanceof EngineEvent.RunFinished f) {
                finished.add(f);
            }
        }, Facilities.builder().add(Probes.class, probes));
        orchestrator = Thread.ofVirtual().start(engine::run);
        server = EngineHttpServer.start(http, 0, engine.gateway(), metrics);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.eventTriggerIds().stream().allMatch(engine.gateway()::takesEvents));
    }

    RunningEngine(String yaml, InstantSource clock) {
        this(yaml, clock, new HttpSettings("127.0.0.1", 0, 64 * 1024));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder jsonPost(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = jsonPost(path, body);
        headers.forEach(request::header);
        return send(request);
    }

    String scrape() throws Exception {
        return client.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The {@code value} of every finished run, in finishing order. */
    List<Object> values() {
        return finished.stream().map(f -> f.result().data().get("value")).toList();
    }

    /** Asks the engine to stop, as SIGTERM does; the orchestrator drains and ends on its own thread. */
    void requestStop() {
        engine.lifecycle().requestStop();
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return orchestrator.join(timeout);
    }

    @Override
    public void close() throws InterruptedException {
        engine.lifecycle().requestStop();
        probes.gates.values().forEach(gate -> gate.release(100_000));
        assertThat(orchestrator.join(Duration.ofSeconds(20))).as("the orchestrator stopped").isTrue();
        server.close();
        client.close();
        engine.close();
    }
}
