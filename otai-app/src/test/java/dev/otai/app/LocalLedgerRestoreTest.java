package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.store.Store;
import dev.otai.store.tickets.LocalTicketSystem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code otai run --once} against the local ticket system with the store and the effect ledger on, as users run it
 * (note, then route): when the tickets lose writes the ledger keeps as applied (all of them, as a re-import or a
 * restore from a backup does; or only the last, as a crash that loses the latest commits does), the next run makes
 * exactly the lost writes again, each with a WARN, and the run after that writes nothing.
 */
class LocalLedgerRestoreTest {

    private static final int TICKETS = 6;

    private static final String CONFIG = """
            open_ticket_ai:
              infrastructure:
                storage: { data_dir: "DATA_DIR" }
              services:
                desk:
                  use: "local:LocalTicketSystem"
                  params: { seed: "SEED" }
              orchestrator:
                runners:
                  - id: router
                    run:
                      id: batch
                      use: "base:CompositePipe"
                      steps:
                        - id: fetch
                          use: "base:FetchTicketsPipe"
                          injects: { ticket_system: desk }
                          params: { ticket_search_criteria: { queue: { name: "Incoming" }, limit: 100 } }
                        - id: each
                          use: "base:ForEachPipe"
                          params:
                            items: "{{ get_pipe_result('fetch','fetched_tickets') }}"
                            item_name: ticket
                            parallelism: 2
                            steps:
                              - id: note
                                use: "base:AddNotePipe"
                                injects: { ticket_system: desk }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  note: { subject: "Triage", body: "Routed to IT" }
                              - id: route
                                use: "base:UpdateTicketPipe"
                                injects: { ticket_system: desk }
                                params:
                                  ticket_id: "{{ ticket.id }}"
                                  updated_ticket: { queue: { name: "IT" } }
            """;

    @TempDir
    Path dir;

    private Path seed;
    private Path config;
    private final ListAppender<ILoggingEvent> ledgerLogs = new ListAppender<>();
    private final Logger ledgerLog = (Logger) LoggerFactory.getLogger("dev.otai.store.ledger.LedgerTicketSystem");

    @BeforeEach
    void writeFiles() throws Exception {
        seed = dir.resolve("tickets.jsonl");
        Files.write(seed, IntStream.rangeClosed(1, TICKETS).mapToObj(i -> "{\"id\": \"" + i + "\", \"subject\": \"Ticket "
                + i + "\", \"body\": \"Body " + i + "\", \"queue\": \"Incoming\", \"priority\": \"3 normal\"}").toList());
        config = dir.resolve("config.yml");
        Files.writeString(config, CONFIG.replace("DATA_DIR", path(dir.resolve("otai-data"))).replace("SEED", path(seed)));
        ledgerLogs.start();
        ledgerLog.addAppender(ledgerLogs);
    }

    @AfterEach
    void detach() {
        ledgerLog.detachAppender(ledgerLogs);
    }

    @Test
    void tickets_restored_to_a_state_before_the_run_are_routed_again_once_with_a_warning_per_write() throws Exception {
        assertThat(otai("run", "--once", "--config", config.toString())).isZero();
        assertThat(tickets()).allSatisfy(this::routedWithOneNote);
        assertThat(warnings()).isEmpty();

        assertThat(otai("tickets", "import", "--data-dir", dir.resolve("otai-data").toString(), seed.toString())).isZero();
        assertThat(tickets()).extracting(t -> t.queue().name()).containsOnly("Incoming");

        assertThat(otai("run", "--once", "--config", config.toString())).isZero();
        assertThat(tickets()).hasSize(TICKETS).allSatisfy(this::routedWithOneNote);
        assertThat(warnings()).hasSize(2 * TICKETS)
                .allMatch(m -> m.contains("recorded as applied, but the ticket"))
                .anyMatch(m -> m.contains(": update {\"queue\":\"IT\"}"))
                .anyMatch(m -> m.contains(": note {\"subject\":\"Triage\""));

        assertThirdRunWritesNothing();
    }

    @Test
    void tickets_that_lost_only_their_last_write_get_that_write_again_once_with_a_warning() throws Exception {
        assertThat(otai("run", "--once", "--config", config.toString())).isZero();
        assertThat(tickets()).allSatisfy(this::routedWithOneNote);
        long before = versionSum();

        // as a crash that loses the latest commits leaves them: noted (version 2), not yet routed (version 3)
        try (Store store = Store.openEmbedded(dir.resolve("otai-data"), InstantSource.system())) {
            store.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE tickets SET queue = 'Incoming', version = version - 1"));
        }

        assertThat(otai("run", "--once", "--config", config.toString())).isZero();
        assertThat(tickets()).hasSize(TICKETS).allSatisfy(this::routedWithOneNote);
        assertThat(versionSum()).as("one write per ticket, the route").isEqualTo(before);
        assertThat(warnings()).hasSize(TICKETS)
                .allMatch(m -> m.contains(": update {\"queue\":\"IT\"}") && m.contains("recorded as applied, but the ticket"));

        assertThirdRunWritesNothing();
    }

    private void assertThirdRunWritesNothing() {
        ledgerLogs.list.clear();
        long before = versionSum();
        assertThat(otai("run", "--once", "--config", config.toString())).isZero();
        assertThat(tickets()).hasSize(TICKETS).allSatisfy(this::routedWithOneNote);
        assertThat(versionSum()).as("no write in the next run").isEqualTo(before);
        assertThat(warnings()).as("the next run finds nothing to do").isEmpty();
    }

    private long versionSum() {
        try (Store store = Store.openEmbedded(dir.resolve("otai-data"), InstantSource.system())) {
            var tickets = new LocalTicketSystem(store);
            return IntStream.rangeClosed(1, TICKETS).mapToLong(i -> tickets.version(String.valueOf(i))).sum();
        }
    }

    private void routedWithOneNote(Ticket ticket) {
        assertThat(ticket.queue().name()).as("queue of ticket %s", ticket.id()).isEqualTo("IT");
        assertThat(ticket.notes()).as("notes of ticket %s", ticket.id()).extracting(Note::body).containsExactly("Routed to IT");
    }

    private List<Ticket> tickets() {
        try (Store store = Store.openEmbedded(dir.resolve("otai-data"), InstantSource.system())) {
            var out = new ArrayList<Ticket>();
            new LocalTicketSystem(store).forEach(out::add);
            return out;
        }
    }

    private List<String> warnings() {
        return ledgerLogs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static int otai(String... args) {
        var out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(args);
        if (code != 0) {
            System.err.println(out);
        }
        return code;
    }

    private static String path(Path p) {
        return p.toString().replace("\\", "/");
    }
}
