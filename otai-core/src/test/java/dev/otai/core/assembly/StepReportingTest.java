package dev.otai.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.RunInfo;
import dev.otai.core.EngineFixture;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.StepEvent;
import dev.otai.core.orchestration.StepListener;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepReportingTest {

    static final Map<String, String> ENV = Map.of("DESK_PASSWORD", "pw-7b1e-secret", "TOKEN", "tk-55aa-token");
    static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "testkit:InMemoryTicketSystem"
                  params:
                    password: "{{ get_env('DESK_PASSWORD') }}"
                    tickets: [{ id: "1", title: "t", body: "b", queue: "Q" }]
              orchestrator:
                runners:
                  - id: r
                    run:
                      id: steps
                      use: "base:CompositePipe"
                      params:
                        steps:
                          - id: echo
                            use: "base:ExpressionPipe"
                            params: { expression: "used pw-7b1e-secret and {{ get_env('TOKEN') }}" }
                          - id: note
                            use: "base:AddNotePipe"
                            injects: { ticket_system: desk }
                            params: { ticket_id: "1", note: "hello", api_key: "literal-key-1234" }
            """;

    private final List<StepEvent> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());

    private Engine start(ServiceDecorator decorator) {
        StepListener listener = new StepListener() {
            @Override
            public void started(RunInfo run, String pipeId, String use) {
                started.add(pipeId);
            }

            @Override
            public void finished(StepEvent step) {
                steps.add(step);
            }
        };
        return Engine.start(EngineFixture.valid(CONFIG, ENV), EngineFixture.TEMPLATES, new FakeClock(), new Lifecycle(),
                EngineListener.NONE, Facilities.builder().add(StepListener.class, listener).add(ServiceDecorator.class, decorator));
    }

    @Test
    void every_step_of_a_run_is_reported_with_secrets_removed() {
        try (Engine engine = start((id, service) -> service)) {
            engine.runOnce();
        }

        assertThat(started).containsExactly("steps", "echo", "note");
        assertThat(steps).extracting(StepEvent::pipeId).containsExactly("echo", "note", "steps");
        StepEvent echo = steps.getFirst();
        assertThat(echo.run().runnerId()).isEqualTo("r");
        assertThat(echo.params()).containsEntry("expression", "***");
        assertThat(echo.data().toString()).doesNotContain("pw-7b1e-secret").doesNotContain("tk-55aa-token").contains("***");
        assertThat(steps.get(1).params()).containsEntry("api_key", "***").containsEntry("note", "hello");
    }

    @Test
    void decorated_services_are_injected_and_the_originals_kept_for_closing() {
        var decorated = new ArrayList<String>();
        try (Engine engine = start((id, service) -> {
            decorated.add(id);
            return service;
        })) {
            engine.runOnce();
            assertThat(engine.assembly().services().get("desk")).isInstanceOf(InMemoryTicketSystem.class);
        }
        assertThat(decorated).containsExactly("desk");
    }

    @Test
    void run_once_reports_start_and_end_of_each_run() {
        var events = Collections.synchronizedList(new ArrayList<EngineEvent>());
        try (Engine engine = Engine.start(EngineFixture.valid(CONFIG, ENV), EngineFixture.TEMPLATES, new FakeClock(),
                new Lifecycle(), events::add)) {
            engine.runOnce();
        }

        assertThat(events).hasSize(2);
        assertThat(events.getFirst()).isInstanceOf(EngineEvent.RunStarted.class);
        assertThat(events.getLast()).isInstanceOfSatisfying(EngineEvent.RunFinished.class,
                finished -> assertThat(finished.result().succeeded()).isTrue());
    }
}
