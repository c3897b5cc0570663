package dev.otai.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.core.EngineFixture;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keys and values inside mapping params are checked when a template renders them, with the same rules as
 * literal values at load time, and errors point at the template that produced the value.
 */
class NestedParamsTest {

    private static final String CONFIG = """
            otai:
              services:
                desk:
                  use: "testkit:InMemoryTicketSystem"
              orchestrator:
                runners:
                  - id: r
                    run:
                      id: flow
                      use: base:CompositePipe
                      steps:
                        - id: fetch
                          use: base:FetchTicketsPipe
                          injects: { ticket_system: desk }
                          params:
                            ticket_search_criteria: %s
                        - id: update
                          use: base:UpdateTicketPipe
                          injects: { ticket_system: desk }
                          params:
                            ticket_id: "{{ get_pipe_result('fetch', 'fetched_tickets')[0]['id'] }}"
                            updated_ticket:
                              subject: "Renamed"
                              priority: %s
            """;

    private record Run(PipeResult result, InMemoryTicketSystem desk, String yaml) {
    }

    private static Run run(String criteria, String priority) {
        String yaml = CONFIG.formatted(criteria, priority);
        try (Engine engine = EngineFixture.start(yaml, Map.of(), new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            desk.add("1", "First", "body", "Inbox");
            desk.add("2", "Second", "body", "Inbox");
            return new Run(engine.runOnce().getFirst().result(), desk, yaml);
        }
    }

    /** The file position of the first occurrence of {@code text} in the config, as errors print it. */
    private static String position(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int column = lines.get(i).indexOf(text);
            if (column >= 0) {
                return "(config.yml:" + (i + 1) + ":" + (column + 1) + ")";
            }
        }
        throw new AssertionError(text + " is not in the config");
    }

    @Test
    void aliases_and_text_numbers_inside_a_mapping_reach_the_pipe_converted() {
        Run run = run("{ queue: { name: Inbox }, limit: \"{{ '1' }}\" }", "high");

        assertThat(run.result().succeeded()).as(run.result().message()).isTrue();
        assertThat(run.result().data()).containsEntry("count", 1);
        assertThat(run.desk().ticket("1").title()).isEqualTo("Renamed");
        assertThat(run.desk().ticket("1").priority().name()).isEqualTo("high");
        assertThat(run.desk().ticket("2").title()).isEqualTo("Second");
    }

    @Test
    void a_rendered_list_where_a_priority_is_expected_fails_at_the_template_and_writes_nothing() {
        Run run = run("{ queue: { name: Inbox } }", "\"{{ ['high'] }}\"");

        assertThat(run.result().failed()).isTrue();
        assertThat(run.result().message())
                .contains("step 'update' failed")
                .contains("param 'updated_ticket.priority' was a list; expected an integer or a string or a mapping with keys id, name")
                .contains("at orchestrator.runners[0].run.steps[1].params.updated_ticket.priority "
                        + position(run.yaml(), "\"{{ ['high'] }}\""));
        assertThat(run.desk().ticket("1").title()).isEqualTo("First");
        assertThat(run.desk().ticket("1").priority().name()).isEqualTo("3 normal");
    }

    @Test
    void a_rendered_mapping_with_an_unknown_key_is_refused_with_a_did_you_mean_at_the_template() {
        Run run = run("\"{{ {'queue': 'Inbox', 'limt': 1} }}\"", "high");

        assertThat(run.result().failed()).isTrue();
        assertThat(run.result().message())
                .contains("step 'fetch' failed")
                .contains("param 'ticket_search_criteria' has unknown key 'limt'; did you mean 'limit'?")
                .contains("at orchestrator.runners[0].run.steps[0].params.ticket_search_criteria.limt "
                        + position(run.yaml(), "\"{{ {'queue'"));
        assertThat(run.desk().ticket("1").title()).isEqualTo("First");
    }
}
