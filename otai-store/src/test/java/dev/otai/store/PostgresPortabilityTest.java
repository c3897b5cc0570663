package dev.otai.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.redaction.Redactor;
import dev.otai.core.template.TemplateEngine;
import dev.otai.store.history.Retention;
import dev.otai.store.history.RunQueries;
import dev.otai.store.tickets.LocalTicketSystem;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.PostgresServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same schema and SQL on PostgreSQL, in a fresh database of the test PostgreSQL. */
class PostgresPortabilityTest {

    @Test
    void migrations_tickets_history_and_ledger_work_on_postgresql() throws Exception {
        var dataSource = PostgresServer.shared().freshDatabase().dataSource();
        var clock = new FakeClock();
        Store store = Store.open(dataSource, "postgresql", clock);
        var tickets = new LocalTicketSystem(store);
        var created = tickets.create(new NewTicket("Printer", "jams", Entity.named("Incoming"), null, null, null,
                List.of("hw"), Map.of("language", "en")));
        tickets.addNote(created.id(), Note.internal("n", "checked"));

        assertThat(tickets.find(new TicketQuery(Entity.named("Incoming"), List.of("new"), 5, 0, null, "-updated")))
                .singleElement().satisfies(t -> {
                    assertThat(t.tags()).containsExactly("hw");
                    assertThat(t.notes()).hasSize(1);
                });

        var settings = StorageSettings.defaults();
        EngineRecording recording = EngineRecording.start(store, settings, false, new Redactor());
        try (var engine = Engine.start(StoreFixture.valid("""
                open_ticket_ai:
                  services:
                    desk: { use: "local:LocalTicketSystem" }
                  orchestrator:
                    runners:
                      - id: note
                        run:
                          id: add
                          use: "base:AddNotePipe"
                          injects: { ticket_system: desk }
                          params: { ticket_id: "%s", note: "hello" }
                """.formatted(created.id()), Map.of()), new TemplateEngine(), clock,
                new Lifecycle(), recording.listener(EngineListener.NONE),
                recording.facilities(Facilities.builder()))) {
            engine.runOnce();
            engine.runOnce();
        }
        recording.close();

        assertThat(tickets.get(created.id()).orElseThrow().notes()).extracting(Note::body).containsExactly("checked", "hello");
        var runs = new RunQueries(store).list(new RunQueries.Filter("note", false, null, 10));
        assertThat(runs).hasSize(2).allSatisfy(run -> assertThat(run.outcome()).isEqualTo("succeeded"));
        assertThat(new RunQueries(store).show(runs.getFirst().id()).orElseThrow().steps()).hasSize(1);
        assertThat(new Retention(store, settings).prune().runs()).isZero();
        store.close();
    }
}
