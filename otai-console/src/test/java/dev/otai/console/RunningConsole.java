package dev.otai.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.console.actions.BlueprintDryRunner;
import dev.otai.core.EngineFixture;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.http.ConfigControl;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * The quickstart's shape, in this process, for console tests: a local ticket system in a real H2 store seeded with
 * the given tickets (all in Incoming), a keyword classifier, a first pass at startup that moves each ticket to its
 * label's queue with a note, an interval runner that a manual trigger also fires, the real run history and
 * ledger, and the console on the real HTTP server on loopback. Started and stopped by the test.
 */
final class RunningConsole implements AutoCloseable {

    static final String TOKEN = "console-test-token-0123456789";
    static final String TRIGGER_TOKEN = "trigger-secret-9876543210";
    static final String NOTE_SECRET = "note-secret-5555-abcdef";

    private static final String CONFIG = """
            otai:
              infrastructure:
                console:
                  token: "{{ get_env('OTAI_CONSOLE_TOKEN') }}"
                storage:
                  data_dir: %s
              services:
                tickets:
                  use: local:LocalTicketSystem
                  params: { seed: %s, seed_queue: Incoming }
                classifier:
                  use: testkit:StubClassifier
                  params:
                    labels: %s
                    keywords: %s
              orchestrator:
                runners:
                  - id: first_pass
                    run: &route
                      id: route_incoming
                      use: base:CompositePipe
                      steps:
                        - id: fetch
                          use: base:FetchTicketsPipe
                          injects: { ticket_system: tickets }
                          params:
                            ticket_search_criteria: { queue: { name: Incoming }, limit: 1000 }
                        - id: each_ticket
                          use: base:ForEachPipe
                          params:
                            items: "{{ get_pipe_result('fetch', 'fetched_tickets') }}"
                            item_name: ticket
                            steps:
                              - id: classify
                                use: base:ClassificationPipe
                                injects: { classification_service: classifier }
                                params:
                                  text: "{{ ticket.subject }}. {{ ticket.body }}"
                                  threshold: 0.9
                                  fallback_label: Unclassified
                              - id: move
                                use: base:UpdateTicketPipe
                                injects: { ticket_system: tickets }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  updated_ticket:
                                    queue: { name: "{{ get_pipe_result('classify', 'label') }}" }
                              - id: note
                                use: base:AddNotePipe
                                injects: { ticket_system: tickets }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  note:
                                    subject: "Routed by otai"
                                    body: "Queue {{ get_pipe_result('classify', 'label') }} for {{ ticket.subject }} (ref {{ get_env('NOTE_SECRET') }})"
                  - id: every_minute
                    on:
                      - id: minute
                        use: base:IntervalTrigger
                        params: { minutes: 1 }
                      - id: route_now
                        use: base:ManualTrigger
                        params: { token: "{{ get_env('TRIGGER_TOKEN') }}" }
                    run: *route
            """;

    final Store store;
    final Engine engine;
    final EngineHttpServer server;
    final List<EngineEvent.RunFinished> finished = new CopyOnWriteArrayList<>();
    private final EngineRecording recording;
    private final Thread orchestrator;

    /**
     * @param tickets  JSON lines, one ticket each ({@code id}, {@code subject}, {@code body})
     * @param labels   the classifier's labels (a YAML flow list)
     * @param keywords keyword to label (a YAML flow mapping)
     */
    RunningConsole(Path dir, String tickets, String labels, String keywords) throws Exception {
        Path seed = dir.resolve("tickets.jsonl");
        Files.writeString(seed, tickets);
        Path data = dir.resolve("data");
        String yaml = CONFIG.formatted(quoted(data), quoted(seed), labels, keywords);
        Map<String, String> env = Map.of("OTAI_CONSOLE_TOKEN", TOKEN, "TRIGGER_TOKEN", TRIGGER_TOKEN, "NOTE_SECRET", NOTE_SECRET);
        Blueprint blueprint = EngineFixture.valid(yaml, env);
        var redactor = new Redactor();
        redactor.register(TOKEN);
        store = Store.openEmbedded(data, InstantSource.system());
        recording = EngineRecording.start(store, blueprint.config().storage(), false, redactor);
        engine = Engine.start(blueprint, EngineFixture.TEMPLATES, InstantSource.system(), new Lifecycle(),
                recording.listener(event -> {
                    if (event instanceof EngineEvent.RunFinished f) {
                        finished.add(f);
                    }
                }), recording.facilities(Facilities.builder()));
        orchestrator = Thread.ofVirtual().start(engine::run);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> finished.stream().anyMatch(f -> f.runnerId().equals("first_pass")));
        var dryRuns = new BlueprintDryRunner(blueprint, EngineFixture.TEMPLATES, Facilities::builder, store,
                blueprint.config().storage(), redactor);
        var console = new Console(blueprint.config().console(), new ConsoleSources(store, engine, dryRuns, InstantSource.system()),
                redactor);
        server = EngineHttpServer.start(new HttpSettings("127.0.0.1", 0, 64 * 1024), 0, engine.gateway(), new EngineMetrics(),
                ConfigControl.NONE, List.of(console));
    }

    /** The sample of the quickstart: a few tickets whose subjects say where they belong. */
    static RunningConsole quickstartLike(Path dir) throws Exception {
        String tickets = """
                {"id": "T-0001", "subject": "Invoice INV-3040 is wrong", "body": "The invoice shows 349.00 EUR."}
                {"id": "T-0002", "subject": "VPN keeps dropping", "body": "The VPN disconnects every few minutes."}
                {"id": "T-0003", "subject": "Parcel arrived damaged", "body": "The box was crushed."}
                {"id": "T-0004", "subject": "Quick question", "body": "Who do I ask about this?"}
                """;
        return new RunningConsole(dir, tickets, "[Billing, IT, Shipping, Sales]",
                "{invoice: Billing, vpn: IT, parcel: Shipping}");
    }

    URI uri(String path) {
        return URI.create(base() + path);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String quoted(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() throws Exception {
        engine.lifecycle().requestStop();
        assertThat(orchestrator.join(Duration.ofSeconds(30))).as("the orchestrator stopped").isTrue();
        server.close();
        engine.close();
        recording.close();
        store.close();
    }
}
