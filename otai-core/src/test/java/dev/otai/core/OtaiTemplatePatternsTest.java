package dev.otai.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.Note;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.InMemoryTicketSystem;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Template patterns OTAI users write, which Jinja2 renders and otai once refused as syntax errors at load time:
 * comparisons and arithmetic on pipe results and params inside {% if %} blocks, slices, negative indexes and
 * string methods on results, % formatting and 'and' yielding an operand. They validate and route a ticket.
 */
class OtaiTemplatePatternsTest {

    private static final String CONFIG = EngineFixture.resource("configs/valid/otai-template-patterns.yml");
    private static final Map<String, String> ENV = Map.of("OTAI_DEMO_PASSWORD", "1234");

    @Test
    void the_patterns_validate() {
        assertThat(EngineFixture.check(CONFIG, ENV).problems()).isEmpty();
    }

    @Test
    void the_patterns_route_a_ticket_with_jinja2s_values() {
        try (Engine engine = EngineFixture.start(CONFIG, ENV, new FakeClock())) {
            var tickets = (InMemoryTicketSystem) engine.assembly().services().get("otobo_znuny");
            tickets.add("7", "Printer on floor 3 broken", "The printer jams", "OpenTicketAI::Incoming");

            assertThat(engine.runOnce()).singleElement().satisfies(o -> assertThat(o.result().succeeded()).isTrue());

            assertThat(tickets.ticket("7").queue().name()).isEqualTo("OpenTicketAI::IT");
            Note note = tickets.ticket("7").notes().getLast();
            assertThat(note.subject()).isEqualTo("PRINTER / broken");
            assertThat(note.body()).matches("OpenTicketAI::IT at \\d{2}% \\(classified\\)");
        }
    }
}
