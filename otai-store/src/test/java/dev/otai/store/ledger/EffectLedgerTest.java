package dev.otai.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.Engine;
import dev.otai.store.StoreFixture;
import dev.otai.store.tickets.LocalTicketSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
class EffectLedgerTest {

    @Parameter
    StoreFixture.Kind kind;


    static final String CONFIG = """
            open_ticket_ai:
              services:
                desk:
                  use: "local:LocalTicketSystem"
                  params: { seed: "%s" }
              orchestrator:
                runners:
                  - id: triage
                    run:
                      id: triage_pipeline
                      use: "base:CompositePipe"
                      params:
                        steps:
                          - id: fetch
                            use: "base:FetchTicketsPipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_search_criteria: { queue: { name: "Support" }, limit: 1 }
                          - id: prioritise
                            use: "base:UpdateTicketPipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              updated_ticket: { priority: { name: "4 high" } }
                          - id: explain
                            use: "base:AddNotePipe"
                            injects: { ticket_system: desk }
                            params:
                              ticket_id: "{{ get_pipe_result('fetch','fetched_tickets')[0]['id'] }}"
                              note: { subject: "Triage", body: "Priority raised to 4 high" }
            """;

    @TempDir
    Path dir;

    private StoreFixture fixture;
    private String config;

    @BeforeEach
    void open() throws Exception {
        fixture = new StoreFixture(kind.place(dir));
        Path seed = dir.resolve("tickets.jsonl");
        Files.writeString(seed, "{\"id\": \"42\", \"subject\": \"Cannot log in\", \"body\": \"since today\", \"queue\": \"Support\", \"priority\": \"3 normal\"}\n");
        config = CONFIG.formatted(seed.toString().replace("\\", "/"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Ticket ticket() {
        return new LocalTicketSystem(fixture.store).get("42").orElseThrow();
    }

    @Test
    void second_run_over_an_unchanged_ticket_writes_nothing() throws Exception {
        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
            fixture.clock.advance(Duration.ofMinutes(1));
            running.engine().runOnce();
        }

        assertThat(ticket().notes()).extracting(Note::body).containsExactly("Priority raised to 4 high");
        assertThat(new LocalTicketSystem(fixture.store).version("42")).isEqualTo(3);
    }

    @Test
    void a_ticket_changed_by_someone_else_is_processed_again() throws Exception {
        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
            new LocalTicketSystem(fixture.store).update("42", new TicketUpdate(null, null,
                    Entity.named("2 low"), null, null, null, null, null, null, null));
            running.engine().runOnce();
        }

        assertThat(ticket().priority().name()).isEqualTo("4 high");
        assertThat(ticket().notes()).hasSize(2);
    }

    @Test
    void dry_run_writes_nothing_and_plans_exactly_what_a_real_run_then_writes() throws Exception {
        List<Effect> planned;
        try (var running = fixture.start(config, Map.of(), true)) {
            running.engine().runOnce();
            planned = running.recording().plannedEffects();
        }
        assertThat(ticket().notes()).isEmpty();
        assertThat(ticket().priority().name()).isEqualTo("3 normal");

        try (var running = fixture.start(config, Map.of(), false)) {
            Engine engine = running.engine();
            engine.runOnce();
        }

        assertThat(planned).extracting(Effect::operation, Effect::detail).containsExactly(
                Tuple.tuple("update", Map.of("priority", "4 high")),
                Tuple.tuple("note", Map.of("subject", "Triage", "body", "Priority raised to 4 high",
                        "content_type", "text/plain", "visible_to_customer", false)));
        assertThat(ticket().priority().name()).isEqualTo("4 high");
        assertThat(ticket().notes()).extracting(Note::body).containsExactly("Priority raised to 4 high");
    }

    @Test
    void steps_listed_in_always_write_repeat_their_writes() throws Exception {
        var defaults = StorageSettings.defaults();
        var settings = new StorageSettings(dir.resolve("always"), defaults.maxAge(), defaults.maxRuns(), defaults.maxValueChars(),
                defaults.maxStepsPerRun(), new StorageSettings.LedgerSettings(true, 100, 100, Duration.ofHours(1), Set.of("explain")));
        fixture.close();
        fixture = new StoreFixture(kind.place(settings));
        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
            running.engine().runOnce();
        }

        assertThat(ticket().notes()).hasSize(2);
    }

    @Test
    void per_run_cap_fails_the_step_that_goes_over_it_and_sends_nothing_more() throws Exception {
        var defaults = StorageSettings.defaults();
        var settings = new StorageSettings(dir.resolve("capped"), defaults.maxAge(), defaults.maxRuns(), defaults.maxValueChars(),
                defaults.maxStepsPerRun(), new StorageSettings.LedgerSettings(true, 1, 100, Duration.ofHours(1), Set.of()));
        fixture.close();
        fixture = new StoreFixture(kind.place(settings));
        try (var running = fixture.start(config, Map.of(), false)) {
            var outcome = running.engine().runOnce().getFirst();

            assertThat(outcome.result().failed()).isTrue();
            assertThat(outcome.result().message()).contains("step 'explain'").contains("max_writes_per_run");
        }
        assertThat(ticket().priority().name()).isEqualTo("4 high");
        assertThat(ticket().notes()).isEmpty();
    }

    @Test
    void a_write_left_pending_by_a_crash_is_not_repeated_when_the_ticket_shows_it() throws Exception {
        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
        }
        // as if the engine died after the helpdesk took the note, before the ledger heard back
        fixture.store.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE effects SET status = 'pending', version_after = NULL, settled_at = NULL WHERE operation = 'note'"));

        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
        }

        assertThat(ticket().notes()).hasSize(1);
        assertThat(new LocalTicketSystem(fixture.store).version("42")).isEqualTo(3);
    }

    @Test
    void a_write_left_pending_that_never_reached_the_helpdesk_is_written_on_the_next_run() throws Exception {
        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
        }
        // as if the engine died after recording the note as pending, before the helpdesk got it
        fixture.store.inTransaction(c -> c.createStatement().executeUpdate(
                "UPDATE effects SET status = 'pending', version_after = NULL, settled_at = NULL WHERE operation = 'note'"));
        fixture.store.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM ticket_notes"));

        try (var running = fixture.start(config, Map.of(), false)) {
            running.engine().runOnce();
        }

        assertThat(ticket().notes()).extracting(Note::body).containsExactly("Priority raised to 4 high");
    }
}
