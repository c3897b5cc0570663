package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.testkit.http.RecordedRequest;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboTicket;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code otai run --once} with the store and the effect ledger on, as users run it, against a fake OTOBO server:
 * the helpdesk sees exactly the requests the pipeline asks for (the ledger keys its writes by the versions the
 * fetch and the write answers carry), a second run over the unchanged tickets sends no write at all, and a second
 * run against a helpdesk restored to its state before the first makes every write again, each with a WARN.
 */
class OtoboLedgerRoundTripsTest {

    private static final int TICKETS = 10;

    private static final String CONFIG = OtoboRouting.forEachIncoming("triage", OtoboRouting.LABELS, """
                              - id: raise
                                use: "base:UpdateTicketPipe"
                                injects: { ticket_system: otobo }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  updated_ticket: { priority: { name: "4 high" } }
                              - id: note
                                use: "base:AddNotePipe"
                                injects: { ticket_system: otobo }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  note: { subject: "Triage", body: "Raised to 4 high" }
            """);

    @TempDir
    Path dir;

    private final FakeOtobo fake = new FakeOtobo();

    @AfterEach
    void stopFake() {
        fake.close();
    }

    @Test
    void a_run_sends_only_the_pipelines_own_requests_and_a_second_run_over_unchanged_tickets_sends_no_write()
            throws Exception {
        seed(fake);
        Path config = writeConfig(fake);

        var first = new StringWriter();
        assertThat(otai(first, config)).as(first.toString()).isZero();
        assertThat(operations()).as("requests per operation, first run").containsExactlyInAnyOrderEntriesOf(Map.of(
                "ticket-search", 1L, "ticket-get", 1L, "ticket-update", 2L * TICKETS));
        assertThat(fake.tickets()).allSatisfy(this::raisedWithOneNote);

        fake.clearRequests();
        var second = new StringWriter();
        assertThat(otai(second, config)).as(second.toString()).isZero();
        assertThat(operations()).as("requests per operation, second run over the same tickets").containsExactlyInAnyOrderEntriesOf(
                Map.of("ticket-search", 1L, "ticket-get", 1L));
        assertThat(fake.tickets()).allSatisfy(this::raisedWithOneNote);
    }

    @Test
    void a_helpdesk_restored_to_its_state_before_the_run_gets_every_write_again_with_a_warning() throws Exception {
        seed(fake);
        Path config = writeConfig(fake);
        var first = new StringWriter();
        assertThat(otai(first, config)).as(first.toString()).isZero();

        var warnings = new ListAppender<ILoggingEvent>();
        warnings.start();
        var ledgerLog = (Logger) LoggerFactory.getLogger("dev.otai.store.ledger.LedgerTicketSystem");
        ledgerLog.addAppender(warnings);
        try (var restored = new FakeOtobo()) {
            seed(restored);
            writeConfig(restored);
            var again = new StringWriter();
            assertThat(otai(again, config)).as(again.toString()).isZero();
            assertThat(restored.tickets()).hasSize(TICKETS).allSatisfy(this::raisedWithOneNote);
        } finally {
            ledgerLog.detachAppender(warnings);
        }
        assertThat(warnings.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2 * TICKETS)
                .allMatch(m -> m.contains("recorded as applied, but the ticket"))
                .anyMatch(m -> m.contains(": update {\"priority\":\"4 high\"}"))
                .anyMatch(m -> m.contains(": note {\"subject\":\"Triage\""));
    }

    private void raisedWithOneNote(OtoboTicket ticket) {
        assertThat(ticket.priority()).as("priority of ticket %s", ticket.id()).isEqualTo("4 high");
        assertThat(ticket.addedArticles()).as("notes of ticket %s", ticket.id()).singleElement()
                .satisfies(note -> assertThat(note.body()).isEqualTo("Raised to 4 high"));
    }

    /** How many requests the fake saw per GenericInterface route. */
    private Map<String, Long> operations() {
        return fake.requests().stream().map(RecordedRequest::path).map(path -> path.substring(path.lastIndexOf('/') + 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static void seed(FakeOtobo otobo) {
        for (int i = 1; i <= TICKETS; i++) {
            otobo.addTicket("Ticket " + i, "Body of ticket " + i, "Incoming");
        }
    }

    private Path writeConfig(FakeOtobo otobo) throws IOException {
        return OtoboRouting.write(dir, otobo, CONFIG);
    }

    private static int otai(StringWriter out, Path config) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute("run", "--once", "--config", config.toString());
    }
}
