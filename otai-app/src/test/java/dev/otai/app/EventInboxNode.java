package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import dev.otai.testkit.PostgresServer;
import dev.otai.testkit.TcpRelay;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One engine of a cluster, in this JVM, for tests: its own store on the test PostgreSQL database, reached through a
 * {@link TcpRelay} the test can cut; the recording with clustered mode's event inbox; the runners it owns as the
 * test hands them out ({@link #ownership}); and the HTTP server on loopback. It notes which event numbers
 * ({@code event.body.n}) its runs ran to success.
 */
final class EventInboxNode implements AutoCloseable {

    static final String TOKEN = "t0ken";
    private static final PluginRegistry REGISTRY = PluginRegistry.discover(EventInboxNode.class.getClassLoader());
    private static final TemplateEngine TEMPLATES = new TemplateEngine();
    private static final Pattern HOST_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    /** The runners this node holds, with their epochs, as the test hands them out. */
    static final class Held implements RunnerOwnership {
        private final Map<String, Long> epochs = new ConcurrentHashMap<>();

        void take(String runnerId, long epoch) {
            epochs.put(runnerId, epoch);
        }

        void drop(String runnerId) {
            epochs.remove(runnerId);
        }

        @Override
        public boolean owns(String runnerId) {
            return epochs.containsKey(runnerId);
        }

        @Override
        public long epoch(String runnerId) {
            return epochs.getOrDefault(runnerId, 0L);
        }
    }

    final String name;
    final Held ownership = new Held();
    final TcpRelay link;
    final Store store;
    final EngineRecording recording;
    final Engine engine;
    final EngineHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Object> numberByRun = new ConcurrentHashMap<>();
    private final List<Object> succeeded = new CopyOnWriteArrayList<>();
    private final Thread orchestrator;
    private boolean dead;

    EventInboxNode(String name, String yaml, PostgresServer.Database database) throws IOException {
        this.name = name;
        var place = HOST_PORT.matcher(database.url());
        if (!place.find()) {
            throw new IllegalArgumentException("not a PostgreSQL url: " + database.url());
        }
        link = TcpRelay.to(place.group(1), Integer.parseInt(place.group(2)));
        String url = place.replaceFirst("//127.0.0.1:" + link.port() + "/");
        var server = new StorageSettings.Server(url, database.user(), database.password(), 4, name, Duration.ofSeconds(10));
        StorageSettings settings = StorageSettings.defaults().withServer(server);
        store = Store.openServer(server, InstantSource.system());
        recording = EngineRecording.start(store, settings, false, new Redactor(), ownership);
        engine = Engine.start(blueprint(yaml), TEMPLATES, InstantSource.system(), new Lifecycle(),
                recording.listener(this::heard), recording.facilities(Facilities.builder()));
        orchestrator = Thread.ofVirtual().name("orchestrator-" + name).start(engine::run);
        this.server = EngineHttpServer.start(new HttpSettings("127.0.0.1", 0, 64 * 1024), 0, engine.gateway(), new EngineMetrics());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> engine.eventTriggerIds().stream().allMatch(engine.gateway()::takesEvents));
    }

    private static Blueprint blueprint(String yaml) {
        ConfigCheck.Result result = ConfigCheck.text(yaml, "config.yml", Map.of(), REGISTRY, TEMPLATES);
        assertThat(result.valid()).as("config is valid: %s", result.problems()).isTrue();
        return result.blueprint().orElseThrow();
    }

    private void heard(EngineEvent event) {
        switch (event) {
            case EngineEvent.RunStarted started when started.event().get("body") instanceof Map<?, ?> body ->
                    numberByRun.put(started.runId(), body.get("n"));
            case EngineEvent.RunFinished finished when !finished.result().failed()
                    && numberByRun.containsKey(finished.runId()) -> succeeded.add(numberByRun.get(finished.runId()));
            default -> { }
        }
    }

    /** The event numbers this node's runs ran to success, in the order they ended. */
    List<Object> succeeded() {
        return List.copyOf(succeeded);
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Posts {@code body} to the manual trigger {@code hook} with its token. */
    HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url() + "/hooks/hook")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-Otai-Token", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks the engine to stop, as SIGTERM does; it stops on its own thread. */
    void requestStop() {
        engine.lifecycle().requestStop();
    }

    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return orchestrator.join(timeout);
    }

    /**
     * Dies at once, as a killed process: its store is closed first (what it had committed stays, nothing it does
     * afterwards reaches the database), then its engine is stopped and its runs are cancelled.
     */
    void die() throws InterruptedException {
        dead = true;
        store.close();
        link.cut();
        shutDown();
        try {
            recording.close();
        } catch (RuntimeException e) {
            // its store is gone: nothing more reaches the database, as intended
        }
    }

    private void shutDown() throws InterruptedException {
        requestStop();
        assertThat(orchestrator.join(Duration.ofSeconds(60))).as("node %s stopped", name).isTrue();
        server.close();
        engine.close();
        client.close();
    }

    @Override
    public void close() throws InterruptedException {
        if (dead) {
            link.close();
            return;
        }
        shutDown();
        recording.close();
        store.close();
        link.close();
    }
}
