package dev.otai.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import dev.otai.core.orchestration.RunnerOutcome;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ticket text is data: whatever template syntax a customer writes into a subject or body reaches notes and
 * updates literally, runs nothing, and reveals no secret and no other ticket; a runaway config template fails
 * its own step only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileTicketTextTest {

    private static final String SECRET = "s3cr3t-Pa55w0rd";
    private static final Map<String, String> ENV = Map.of("SECRET_X", SECRET);
    private static final String IBAN = "DE89 3704 0044 0532 0130 00";

    private static final List<String> HOSTILE = List.of(
            "{{ get_env('SECRET_X') }}",
            "{{ get_pipe_result('fetch','fetched_tickets')|map(attribute='body')|join('|') }}",
            "{% include 'logback.xml' %}",
            "{% import 'logback.xml' as x %}{% from 'x' import y %}{% extends 'logback.xml' %}",
            "{{ ''.getClass() }} {{ ticket.getClass().forName('java.lang.Runtime') }}",
            "{{ __otai_scope__.env('SECRET_X') }} {{ __otai_scope__ }} {{ ____int3rpr3t3r____ }}",
            "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}",
            "{{ range(1000000000) }} {{ 'x'|center(2000000000) }}",
            "{% raw %}{{ get_env('SECRET_X') }}{% endraw %}",
            "{{ ticket.subject }} {{ ticket.body }} {{ get_parent_param('x') }} {{ fail() }}",
            "{# hidden #} {{ {% %} }} {%- if true -%} \\{{ '$1' }} ü€𝄞 \u0000 {{");

    private static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "testkit:InMemoryTicketSystem"
                  params: { password: "{{ get_env('SECRET_X') }}" }
              orchestrator:
                use: "base:SimpleSequentialOrchestrator"
                params:
                  steps:
                    - id: notes
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
                                  item_name: ticket
                                  steps:
                                    - id: note
                                      use: "base:AddNotePipe"
                                      injects: { ticket_system: desk }
                                      params:
                                        ticket_id: "{{ ticket.id }}"
                                        note:
                                          subject: "Re: {{ ticket.subject }}"
                                          body: "{{ ticket.subject }}. {{ ticket.body }}"
                                    - id: retitle
                                      use: "base:UpdateTicketPipe"
                                      injects: { ticket_system: desk }
                                      params:
                                        ticket_id: "{{ ticket.id }}"
                                        updated_ticket:
                                          title: "[seen] {{ ticket.subject }}"
                                          queue: { name: Done }
            %s
            """;

    private static final String BOMB_RUNNER = """
                    - id: bomb
                      use: "base:SimpleSequentialRunner"
                      params:
                        run:
                          id: count
                          use: "base:ExpressionPipe"
                          params:
                            expression: "n={% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}x{% endfor %}{% endfor %}{% endfor %}"
            """;

    @Test
    void template_syntax_in_ticket_text_reaches_notes_and_updates_literally() {
        try (Engine engine = EngineFixture.start(CONFIG.formatted(""), ENV, new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            desk.add("iban", "Payment", "My " + IBAN, "Other");
            for (int i = 0; i < HOSTILE.size(); i++) {
                desk.add("h" + i, HOSTILE.get(i), "body " + HOSTILE.get((i + 1) % HOSTILE.size()), "Inbox");
            }

            PipeResult result = engine.runOnce().getFirst().result();

            assertThat(result.succeeded()).as(result.message()).isTrue();
            assertThat(result.data()).containsEntry("succeeded", HOSTILE.size()).containsEntry("failed", 0);
            for (int i = 0; i < HOSTILE.size(); i++) {
                String subject = HOSTILE.get(i);
                String body = "body " + HOSTILE.get((i + 1) % HOSTILE.size());
                Ticket ticket = desk.ticket("h" + i);
                Note note = ticket.notes().getLast();
                assertThat(note.subject()).isEqualTo("Re: " + subject);
                assertThat(note.body()).isEqualTo(subject + ". " + body);
                assertThat(ticket.title()).isEqualTo("[seen] " + subject);
                assertThat(ticket.queue().name()).isEqualTo("Done");
            }
            assertThat(desk.tickets().toString()).doesNotContain(SECRET);
            assertThat(written(desk)).doesNotContain(IBAN).doesNotContain("<configuration")
                    .doesNotContain("class java").doesNotContain("RunScope").doesNotContain("JinjavaInterpreter");
            assertThat(desk.ticket("iban").notes()).hasSize(1);
        }
    }

    @Test
    void a_runaway_config_template_fails_its_step_with_the_limit_named_and_the_engine_keeps_working() {
        try (Engine engine = EngineFixture.start(CONFIG.formatted(BOMB_RUNNER), ENV, new FakeClock())) {
            var desk = (InMemoryTicketSystem) engine.assembly().services().get("desk");
            desk.add("1", "Printer", "jams", "Inbox");

            List<RunnerOutcome> first = engine.runOnce();
            desk.add("2", "Mouse", "broken", "Inbox");
            List<RunnerOutcome> second = engine.runOnce();

            for (List<RunnerOutcome> outcomes : List.of(first, second)) {
                assertThat(outcomes).extracting(RunnerOutcome::runnerId).containsExactly("notes", "bomb");
                assertThat(outcomes.get(0).result().succeeded()).as(outcomes.get(0).result().message()).isTrue();
                PipeResult bomb = outcomes.get(1).result();
                assertThat(bomb.failed()).isTrue();
                assertThat(bomb.message()).contains("param 'expression'")
                        .contains("more than 100000 loop iterations")
                        .contains("infrastructure.templates.max_loop_iterations");
            }
            assertThat(desk.ticket("1").notes().getLast().body()).isEqualTo("Printer. jams");
            assertThat(desk.ticket("2").notes().getLast().body()).isEqualTo("Mouse. broken");
        }
    }

    /** What the run wrote into the hostile tickets: the titles and the notes it added. */
    private static String written(InMemoryTicketSystem desk) {
        var out = new StringBuilder();
        for (int i = 0; i < HOSTILE.size(); i++) {
            Ticket ticket = desk.ticket("h" + i);
            out.append(ticket.title()).append('\n');
            ticket.notes().subList(1, ticket.notes().size()).forEach(n -> out.append(n.subject()).append(n.body()));
        }
        return out.toString();
    }
}
