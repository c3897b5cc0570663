package dev.otai.store.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.template.TemplateEngine;
import dev.otai.store.StoreFixture;
import dev.otai.testkit.InMemoryTicketSystem;
import dev.otai.core.orchestration.RunnerOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(StoreFixture.Kind.class)
class RunHistoryTest {

    @Parameter
    StoreFixture.Kind kind;


    static final String PASSWORD = "hunter2-s3cret";
    static final String TOKEN = "tok-98765-abcdef";
    static final Map<String, String> ENV = Map.of("HELPDESK_PASSWORD", PASSWORD, "API_TOKEN", TOKEN);

    static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "testkit:InMemoryTicketSystem"
                  params:
                    password: "{{ get_env('HELPDESK_PASSWORD') }}"
                    tickets:
                      - { id: "7", title: "Printer broken", body: "jams", queue: "Incoming" }
              orchestrator:
                runners:
                  - id: route
                    run:
                      id: routing
                      use: "base:CompositePipe"
                      params:
                        steps:
                          - id: fetch
                            use: "base:FetchTicketsPipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_search_criteria: { queue: { name: "Incoming" }, limit: 5 }
                          - id: note
                            use: "base:AddNotePipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              note: "checked {{ get_env('API_TOKEN') | length }} chars"
                              api_token: "{{ get_env('API_TOKEN') }}"
                  - id: broken
                    run:
                      id: always_fails
                      use: "base:ExpressionPipe"
                      params:
                        expression: "{{ fail() }}"
                  - id: idle
                    run:
                      id: nothing_to_do
                      use: "base:UpdateTicketPipe"
                      injects: { ticket_system: desk }
                      params:
                        ticket_id: "7"
                        updated_ticket: {}
            """;

    @TempDir
    Path dir;

    private StoreFixture fixture;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(kind.place(dir));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void history_of_a_mixed_run_matches_what_happened() throws Exception {
        try (var running = fixture.start(CONFIG, ENV, false)) {
            running.engine().runOnce();
        }
        var queries = new RunQueries(fixture.store);

        List<RunQueries.Run> runs = queries.list(new RunQueries.Filter(null, false, null, 10));

        assertThat(runs).extracting(RunQueries.Run::runnerId, RunQueries.Run::outcome)
                .containsExactlyInAnyOrder(Tuple.tuple("route", "succeeded"),
                        Tuple.tuple("broken", "failed"),
                        Tuple.tuple("idle", "skipped"));
        assertThat(queries.list(new RunQueries.Filter(null, true, null, 10))).singleElement()
                .satisfies(run -> assertThat(run.message()).contains("fail()"));
        RunQueries.Run route = queries.list(new RunQueries.Filter("route", false, null, 10)).getFirst();
        var detail = queries.show(route.id()).orElseThrow();
        assertThat(detail.steps()).extracting(RunQueries.Step::pipeId).containsExactly("fetch", "note", "routing");
        assertThat(detail.steps().getFirst().data()).containsEntry("count", 1);
        assertThat(detail.steps().get(1).params()).containsEntry("ticket_id", "7").containsEntry("api_token", "***")
                .containsEntry("note", "***");
    }

    @Test
    void no_secret_reaches_the_store_files() throws Exception {
        try (var running = fixture.start(CONFIG, ENV, false)) {
            running.engine().runOnce();
            var desk = (InMemoryTicketSystem) running.engine().assembly().services().get("desk");
            assertThat(desk.ticket("7").notes().getLast().body()).isEqualTo("checked 16 chars");
        }
        fixture.close();

        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
            }
        }
        fixture = new StoreFixture(kind.place(dir));
    }

    @Test
    void runs_can_be_filtered_by_runner_and_time() throws Exception {
        try (var running = fixture.start(CONFIG, ENV, false)) {
            running.engine().runOnce();
            fixture.clock.advance(Duration.ofHours(2));
            running.engine().runOnce();
        }
        var queries = new RunQueries(fixture.store);

        assertThat(queries.list(new RunQueries.Filter("broken", false, null, 10))).hasSize(2);
        assertThat(queries.list(new RunQueries.Filter(null, false, fixture.clock.instant().minusSeconds(60), 10))).hasSize(3);
    }

    @Test
    void retention_drops_runs_past_the_age_and_count_limits() throws Exception {
        try (var running = fixture.start(CONFIG, ENV, false)) {
            running.engine().runOnce();
            fixture.clock.advance(Duration.ofDays(31));
            running.engine().runOnce();
        }
        var retention = new Retention(fixture.store, fixture.settings);

        Retention.Pruned pruned = retention.prune();

        assertThat(pruned.runs()).isEqualTo(3);
        assertThat(new RunQueries(fixture.store).list(new RunQueries.Filter(null, false, null, 10))).hasSize(3);
        var small = new Retention(fixture.store, new StorageSettings(fixture.settings.dataDirectory(),
                Duration.ofDays(30), 1, 1000, 100, fixture.settings.ledger()));
        small.prune();
        assertThat(new RunQueries(fixture.store).list(new RunQueries.Filter(null, false, null, 10))).hasSize(1);
    }

    @Test
    void engine_without_a_recording_runs_every_runner_with_the_same_outcomes_and_records_nothing() {
        try (Engine engine = Engine.start(StoreFixture.valid(CONFIG, ENV), new TemplateEngine(),
                fixture.clock, new Lifecycle(), EngineListener.NONE)) {
            assertThat(engine.runOnce()).extracting(RunnerOutcome::runnerId, o -> o.result().outcome())
                    .containsExactly(Tuple.tuple("route", "succeeded"),
                            Tuple.tuple("broken", "failed"),
                            Tuple.tuple("idle", "skipped"));
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            assertThat(desk.ticket("7").notes().getLast().body()).isEqualTo("checked 16 chars");
        }
        assertThat(new RunQueries(fixture.store).list(new RunQueries.Filter(null, false, null, 10))).isEmpty();
    }
}
