package dev.otai.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import dev.otai.core.orchestration.RunnerOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtaiDemoConfigTest {

    private static final String DEMO = EngineFixture.resource("configs/valid/otai-demo.yml");
    private static final Map<String, String> ENV = Map.of("OTAI_DEMO_PASSWORD", "1234");

    @Test
    void otai_demo_config_validates() {
        var result = EngineFixture.check(DEMO, ENV);
        assertThat(result.problems()).isEmpty();
        assertThat(result.blueprint().orElseThrow().summary().runners()).isEqualTo(1);
    }

    @Test
    void one_run_routes_a_ticket_end_to_end() {
        try (Engine engine = EngineFixture.start(DEMO, ENV, new FakeClock())) {
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("otobo_znuny");
            tickets.add("7", "Printer on floor 3 broken", "The printer jams, urgent please", "OpenTicketAI::Incoming");

            List<RunnerOutcome> outcomes = engine.runOnce();

            assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.result().succeeded()).isTrue());
            Ticket routed = tickets.ticket("7");
            assertThat(routed.queue().name()).isEqualTo("OpenTicketAI::IT");
            List<Note> written = routed.notes().subList(1, routed.notes().size());
            assertThat(written).extracting(Note::subject).containsExactly("Queue classification", "Priority classification");
            assertThat(written).allSatisfy(note -> assertThat(note.visibleToCustomer()).isFalse());
            assertThat(written.getFirst().body()).matches("Queue OpenTicketAI::IT with confidence \\d{2}(\\.\\d{1,2})?%");
            assertThat(tickets.calls()).containsExactly("find", "update 7", "addNote 7", "update 7", "addNote 7");
        }
    }

    @Test
    void empty_queue_stops_the_run_at_the_guard_step_and_changes_nothing() {
        try (Engine engine = EngineFixture.start(DEMO, ENV, new FakeClock())) {
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("otobo_znuny");

            var outcome = engine.runOnce().getFirst();

            assertThat(outcome.result().failed()).isTrue();
            assertThat(outcome.result().message()).contains("step 'fail_no_tickets' failed").contains("fail()");
            assertThat(tickets.calls()).containsExactly("find");
        }
    }

    @Test
    void low_confidence_falls_back_to_the_threshold_default() {
        try (Engine engine = EngineFixture.start(DEMO, ENV, new FakeClock())) {
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("otobo_znuny");
            tickets.add("9", "Invoice question", "Invoice 42 wrong", "OpenTicketAI::Incoming");

            engine.runOnce();

            Ticket routed = tickets.ticket("9");
            assertThat(routed.queue().name()).isEqualTo("OpenTicketAI::Billing");
            // the stub's confidence is below 0.95 for this text, so the priority falls back
            assertThat(routed.priority().name()).isEqualTo("3 normal");
        }
    }

    @Test
    void numeric_password_from_env_reaches_the_service_as_text() {
        try (Engine engine = EngineFixture.start(DEMO, ENV, new FakeClock())) {
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("otobo_znuny");
            assertThat(tickets.password()).isEqualTo("1234").isInstanceOf(String.class);
        }
    }
}
