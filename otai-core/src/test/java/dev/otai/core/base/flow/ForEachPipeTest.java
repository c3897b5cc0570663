package dev.otai.core.base.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.core.EngineFixture;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForEachPipeTest {

    private static String config(String forEachParams, String steps) {
        return """
                open_ticket_ai:
                  services:
                    desk: { use: "testkit:InMemoryTicketSystem" }
                  orchestrator:
                    use: "base:SimpleSequentialOrchestrator"
                    params:
                      steps:
                        - id: runner
                          use: "base:SimpleSequentialRunner"
                          params:
                            run:
                              id: flow
                              use: "base:CompositePipe"
                              params:
                                steps:
                                  - id: fetch
                                    use: "base:FetchTicketsPipe"
                                    injects: { ticket_system: desk }
                                    params:
                                      ticket_search_criteria: { queue: { name: Inbox }, limit: 100 }
                                  - id: each
                                    use: "base:ForEachPipe"
                                    params:
                                      items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                %s
                                      steps:
                %s
                """.formatted(forEachParams.indent(22).stripTrailing(), steps.indent(24).stripTrailing());
    }

    private static final String MOVE_STEPS = """
            - id: move
              use: "base:UpdateTicketPipe"
              injects: { ticket_system: desk }
              params:
                ticket_id: "{{ ticket.id }}"
                updated_ticket: { queue: { name: "Done" } }
            """;

    private static PipeResult runOnce(Engine engine) {
        return engine.runOnce().getFirst().result();
    }

    @Test
    void runs_the_steps_once_per_item_with_the_item_under_its_name() {
        try (Engine engine = EngineFixture.start(config("item_name: ticket\nparallelism: 4", MOVE_STEPS), Map.of(), new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            for (int i = 1; i <= 20; i++) {
                desk.add(Integer.toString(i), "t" + i, "body", "Inbox");
            }

            PipeResult result = runOnce(engine);

            assertThat(result.succeeded()).as(result.message()).isTrue();
            assertThat(desk.tickets()).allSatisfy(t -> assertThat(t.queue().name()).isEqualTo("Done"));
            assertThat(desk.calls().stream().filter(c -> c.startsWith("update"))).hasSize(20).doesNotHaveDuplicates();
            assertThat(result.data()).containsEntry("succeeded", 20).containsEntry("failed", 0).containsEntry("skipped", 0);
        }
    }

    @Test
    void one_failing_item_never_stops_the_others_and_is_reported_with_its_index() {
        String steps = """
                - id: guard
                  use: "base:ExpressionPipe"
                  params:
                    expression: "{{ fail() if item.subject == 'bad' else 'ok' }}"
                - id: move
                  use: "base:UpdateTicketPipe"
                  injects: { ticket_system: desk }
                  params:
                    ticket_id: "{{ item.id }}"
                    updated_ticket: { queue: { name: "Done" } }
                """;
        try (Engine engine = EngineFixture.start(config("parallelism: 2", steps), Map.of(), new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            desk.add("1", "good", "b", "Inbox").add("2", "bad", "b", "Inbox").add("3", "good", "b", "Inbox");

            PipeResult result = runOnce(engine);

            assertThat(result.succeeded()).isTrue();
            assertThat(result.data()).containsEntry("succeeded", 2).containsEntry("failed", 1);
            @SuppressWarnings("unchecked")
            var items = (List<Map<String, Object>>) result.data().get("items");
            assertThat(items.get(1)).containsEntry("index", 1).containsEntry("outcome", "failed");
            assertThat((String) items.get(1).get("message")).contains("step 'guard' failed");
            assertThat(desk.ticket("1").queue().name()).isEqualTo("Done");
            assertThat(desk.ticket("2").queue().name()).isEqualTo("Inbox");
            assertThat(desk.ticket("3").queue().name()).isEqualTo("Done");
        }
    }

    @Test
    void fails_only_when_every_item_failed() {
        String steps = """
                - id: guard
                  use: "base:ExpressionPipe"
                  params:
                    expression: "{{ fail() }}"
                """;
        try (Engine engine = EngineFixture.start(config("", steps), Map.of(), new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            desk.add("1", "a", "b", "Inbox").add("2", "c", "d", "Inbox");

            PipeResult result = runOnce(engine);

            assertThat(result.failed()).isTrue();
            assertThat(result.message()).contains("2 items: 0 succeeded, 2 failed").contains("item 0: step 'guard' failed");
        }
    }

    @Test
    void an_empty_list_succeeds_with_zero_counts() {
        try (Engine engine = EngineFixture.start(config("", MOVE_STEPS.replace("ticket.id", "item.id")), Map.of(), new FakeClock())) {
            PipeResult result = runOnce(engine);

            assertThat(result.succeeded()).isTrue();
            assertThat(result.data()).containsEntry("total", 0).containsEntry("succeeded", 0);
        }
    }

    @Test
    void a_template_naming_an_unknown_item_variable_fails_validation() {
        var check = EngineFixture.check(config("item_name: ticket", MOVE_STEPS.replace("ticket.id", "tiket.id")), Map.of());

        assertThat(check.valid()).isFalse();
        assertThat(check.errors()).anySatisfy(p -> assertThat(p.toString()).contains("tiket"));
    }

    @Test
    void the_item_index_is_visible_as_name_index() {
        String steps = """
                - id: note
                  use: "base:AddNotePipe"
                  injects: { ticket_system: desk }
                  params:
                    ticket_id: "{{ item.id }}"
                    note: "position {{ item_index }}"
                """;
        try (Engine engine = EngineFixture.start(config("", steps), Map.of(), new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            desk.add("1", "a", "b", "Inbox").add("2", "c", "d", "Inbox");

            runOnce(engine);

            assertThat(desk.ticket("2").notes().getLast().body()).isEqualTo("position 1");
        }
    }
}
