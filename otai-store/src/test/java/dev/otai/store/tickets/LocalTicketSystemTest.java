package dev.otai.store.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.core.config.StorageSettings;
import dev.otai.store.Store;
import dev.otai.store.StoreFixture;
import dev.otai.testkit.FakeClock;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
class LocalTicketSystemTest {

    @Parameter
    StoreFixture.Kind kind;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private StorageSettings settings;
    private Store store;
    private LocalTicketSystem tickets;

    @BeforeEach
    void open() {
        settings = kind.place(dir);
        store = reopen();
        tickets = new LocalTicketSystem(store);
    }

    private Store reopen() {
        return settings.server().map(server -> Store.openServer(server, clock))
                .orElseGet(() -> Store.openEmbedded(settings.dataDirectory(), clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ticket create(String title, String queue) {
        return tickets.create(new NewTicket(title, "body of " + title, Entity.named(queue), Entity.named("3 normal"), null,
                Entity.named("alice@example.com"), List.of("vip"), Map.of("language", "en")));
    }

    @Test
    void created_ticket_reads_back_with_every_field() {
        Ticket created = create("Printer broken", "Incoming");

        Ticket read = tickets.get(created.id()).orElseThrow();

        assertThat(read.id()).isEqualTo("1");
        assertThat(read.title()).isEqualTo("Printer broken");
        assertThat(read.queue().name()).isEqualTo("Incoming");
        assertThat(read.state().name()).isEqualTo("new");
        assertThat(read.customer().name()).isEqualTo("alice@example.com");
        assertThat(read.tags()).containsExactly("vip");
        assertThat(read.fields()).containsEntry("language", "en");
        assertThat(read.created()).isEqualTo(clock.instant());
        assertThat(tickets.version("1")).isEqualTo(1);
    }

    @Test
    void update_changes_only_given_fields_adds_the_note_and_bumps_the_version() {
        Ticket t = create("Invoice wrong", "Incoming");
        clock.advance(Duration.ofMinutes(5));

        tickets.update(t.id(), new TicketUpdate(null, Entity.named("Billing"), null, Entity.named("open"), null, null,
                List.of("billing"), List.of("vip"), Map.of("label", "billing"), Note.internal("Routed", "to Billing")));

        Ticket read = tickets.get(t.id()).orElseThrow();
        assertThat(read.title()).isEqualTo("Invoice wrong");
        assertThat(read.queue().name()).isEqualTo("Billing");
        assertThat(read.priority().name()).isEqualTo("3 normal");
        assertThat(read.state().name()).isEqualTo("open");
        assertThat(read.tags()).containsExactly("billing");
        assertThat(read.fields()).containsEntry("label", "billing").containsEntry("language", "en");
        assertThat(read.notes()).singleElement().satisfies(note -> {
            assertThat(note.body()).isEqualTo("to Billing");
            assertThat(note.visibleToCustomer()).isFalse();
        });
        assertThat(read.updated()).isEqualTo(clock.instant());
        assertThat(tickets.version(t.id())).isEqualTo(2);
    }

    @Test
    void notes_keep_their_visibility_and_order() {
        Ticket t = create("Question", "Incoming");
        tickets.addNote(t.id(), Note.internal("a", "internal"));
        tickets.addNote(t.id(), new Note(null, "b", "public", "text/html; charset=utf8", true, null));

        assertThat(tickets.get(t.id()).orElseThrow().notes())
                .extracting(Note::body, Note::visibleToCustomer, Note::contentType)
                .containsExactly(Tuple.tuple("internal", false, "text/plain"),
                        Tuple.tuple("public", true, "text/html"));
    }

    @Test
    void search_filters_by_queue_and_state_and_pages_in_creation_order() {
        for (int i = 0; i < 5; i++) {
            create("in " + i, "Incoming");
            clock.advance(Duration.ofSeconds(1));
        }
        create("other", "Billing");
        tickets.update("2", new TicketUpdate(null, null, null, Entity.named("closed"), null, null, null, null, null, null));

        var firstPage = tickets.find(new TicketQuery(Entity.named("Incoming"), List.of("new"), 2, 0, null, null));
        var secondPage = tickets.find(new TicketQuery(Entity.named("Incoming"), List.of("new"), 2, 2, null, null));
        var newest = tickets.find(new TicketQuery(null, List.of(), 1, 0, null, "-created"));

        assertThat(firstPage).extracting(Ticket::title).containsExactly("in 0", "in 2");
        assertThat(secondPage).extracting(Ticket::title).containsExactly("in 3", "in 4");
        assertThat(newest).extracting(Ticket::title).containsExactly("other");
    }

    @Test
    void writing_to_a_missing_ticket_names_it_and_changes_nothing() {
        assertThatThrownBy(() -> tickets.addNote("404", Note.internal("x", "y")))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("'404'");
        assertThat(tickets.count()).isZero();
    }

    @Test
    void tickets_survive_closing_and_reopening_the_store() {
        create("Durable", "Incoming");
        store.close();

        store = reopen();
        tickets = new LocalTicketSystem(store);

        assertThat(tickets.get("1")).map(Ticket::title).hasValue("Durable");
        assertThat(create("Next", "Incoming").id()).isEqualTo("2");
    }

    @Test
    void jsonl_import_keeps_ids_and_extra_keys_and_reimport_replaces_instead_of_duplicating() throws Exception {
        Path file = dir.resolve("tickets.jsonl");
        Files.writeString(file, """
                {"id": "T-1", "subject": "VPN down", "body": "cannot connect", "queue": "IT", "priority": "high", "language": "en"}

                {"id": "T-2", "subject": "Rechnung", "body": "falsch", "queue": "Billing", "language": "de", "tags": ["a"]}
                """);

        int first = TicketImport.importFile(file, tickets, TicketImport.Progress.NONE);
        int second = TicketImport.importFile(file, tickets, TicketImport.Progress.NONE);

        assertThat(first).isEqualTo(2);
        assertThat(second).isEqualTo(2);
        assertThat(tickets.count()).isEqualTo(2);
        Ticket vpn = tickets.get("T-1").orElseThrow();
        assertThat(vpn.queue().name()).isEqualTo("IT");
        assertThat(vpn.fields()).containsEntry("language", "en");
    }

    @Test
    void csv_import_reads_quoted_cells_with_commas_and_line_breaks() throws Exception {
        Path file = dir.resolve("tickets.csv");
        Files.writeString(file, "id,subject,body,queue,tags\n7,\"Hello, world\",\"line one\nline \"\"two\"\"\",IT,a;b\n");

        TicketImport.importFile(file, tickets, TicketImport.Progress.NONE);

        Ticket t = tickets.get("7").orElseThrow();
        assertThat(t.title()).isEqualTo("Hello, world");
        assertThat(t.body()).isEqualTo("line one\nline \"two\"");
        assertThat(t.tags()).containsExactly("a", "b");
    }

    @Test
    void a_bad_line_names_file_and_line_and_stores_nothing() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"id\": \"1\", \"subject\": \"ok\"}\n{\"id\": \"2\", \"created\": \"yesterday\"}\n");

        assertThatThrownBy(() -> TicketImport.importFile(file, tickets, TicketImport.Progress.NONE))
                .hasMessageContaining("bad.jsonl:2").hasMessageContaining("'created' was \"yesterday\"");
        assertThat(tickets.count()).isZero();
    }

    @Test
    void seeding_puts_tickets_into_the_inbox_once_and_keeps_their_labels() throws Exception {
        Path file = dir.resolve("sample.jsonl");
        Files.writeString(file, "{\"id\": \"1\", \"subject\": \"s\", \"body\": \"b\", \"queue\": \"IT\", \"priority\": \"high\"}\n");

        int first = TicketImport.seedIfEmpty(file, tickets, "Incoming");
        int second = TicketImport.seedIfEmpty(file, tickets, "Incoming");

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        Ticket t = tickets.get("1").orElseThrow();
        assertThat(t.queue().name()).isEqualTo("Incoming");
        assertThat(t.fields()).containsEntry("label_queue", "IT").containsEntry("label_priority", "high");
    }

    @Test
    void export_writes_lines_that_import_back_to_equal_tickets() throws Exception {
        create("Round trip", "IT");
        tickets.addNote("1", Note.internal("n", "note body"));
        var out = new StringWriter();
        tickets.forEach(t -> {
            try {
                TicketFiles.writeJsonLine(t, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Ticket before = tickets.get("1").orElseThrow();
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, out.toString());

        TicketImport.importFile(file, tickets, TicketImport.Progress.NONE);

        Ticket after = tickets.get("1").orElseThrow();
        assertThat(after.title()).isEqualTo(before.title());
        assertThat(after.fields()).isEqualTo(before.fields());
        assertThat(after.notes()).extracting(Note::body).isEqualTo(before.notes().stream().map(Note::body).toList());
        assertThat(after.updated()).isEqualTo(before.updated());
    }
}
