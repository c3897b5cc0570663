package dev.otai.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.Param;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import dev.otai.core.assembly.PipeFingerprint;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Runner;
import dev.otai.core.orchestration.RunnerOutcome;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.StoreFixture;
import dev.otai.testkit.InMemoryTicketSystem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runner without a for-each resumes step by step: an engine started over a journal that holds an unfinished
 * run (its fetch and its move recorded, its note not) replays the fetch and the move and makes only the note, on
 * the ticket the interrupted run had fetched, although a new fetch would now find another ticket.
 */
@ParameterizedClass
@EnumSource(StoreFixture.Kind.class)
class ResumeStepByStepTest {

    @Parameter
    StoreFixture.Kind kind;


    private static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "testkit:InMemoryTicketSystem"
                  params:
                    tickets:
                      - { id: "7", title: "Printer broken", body: "jams", queue: "Done" }
                      - { id: "8", title: "Mouse broken", body: "clicks", queue: "Incoming" }
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
                            params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 5 } }
                          - id: move
                            use: "base:UpdateTicketPipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              updated_ticket: { queue: { name: "Done" } }
                          - id: note
                            use: "base:AddNotePipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              note: "moved to Done"
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
    void an_interrupted_run_continues_at_its_first_unrecorded_step_with_what_the_earlier_steps_returned() throws Exception {
        try (var running = fixture.start(CONFIG, Map.of(), false)) {
            var desk = (InMemoryTicketSystem) running.engine().assembly().services().get("desk");
            Runner runner = running.engine().runners().all().getFirst();
            List<PipeNode> steps = runner.run().render(PipeContext.empty()).get(Param.pipes("steps"));
            interruptedAfterTheMove(runner, steps);

            List<RunnerOutcome> resumed = running.engine().resumeInterrupted();

            assertThat(resumed).singleElement().satisfies(o -> assertThat(o.result().succeeded()).as(o.result().message()).isTrue());
            assertThat(desk.ticket("7").notes()).extracting(n -> n.body()).containsExactly("jams", "moved to Done");
            assertThat(desk.ticket("8").notes()).extracting(n -> n.body()).containsExactly("clicks");
            assertThat(desk.ticket("8").queue().name()).isEqualTo("Incoming");
            assertThat(desk.calls()).as("calls the resumed run made").noneMatch(call -> call.startsWith("find"))
                    .noneMatch(call -> call.startsWith("update"));
            assertThat(running.engine().resumeInterrupted()).as("a second start finds nothing to resume").isEmpty();
        }
    }

    /** What a run killed between the move and the note left in the journal. */
    private void interruptedAfterTheMove(Runner runner, List<PipeNode> steps) {
        var journal = new StoreJournal(fixture.store, new Redactor());
        journal.configured(Map.of("route", PipeFingerprint.of(runner.run())));
        journal.on(new EngineEvent.RunStarted("route", "dead0001", "", Instant.EPOCH, Map.of()));
        var run = new RunInfo("route", "dead0001", "", false);
        journal.record(run, "", steps.get(0).path(), PipeResult.success("1 tickets found",
                Map.of("fetched_tickets", List.of(Map.of("id", "7", "title", "Printer broken")), "count", 1)));
        journal.record(run, "", steps.get(1).path(), PipeResult.success("ticket updated", Map.of()));
        fixture.store.flush();
    }
}
