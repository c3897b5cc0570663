package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.testkit.otobo.FakeOtobo;
import dev.otai.testkit.otobo.OtoboArticle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OtoboContractTest {

    private final FakeOtobo fake = new FakeOtobo();
    private final OtoboFixture fixture = new OtoboFixture();
    private final OtoboZnunyTicketSystem otobo = fixture.system(fake);

    @AfterEach
    void close() {
        otobo.close();
        fake.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(int index) throws Exception {
        return new ObjectMapper().readValue(fake.requests().get(index).body(), Map.class);
    }

    private static TicketUpdate queueUpdate(String queue) {
        return new TicketUpdate(null, Entity.named(queue), null, null, null, null, null, null, null, null);
    }

    @Test
    void search_by_queue_name_sends_credentials_in_the_body_and_reads_tickets_with_string_ids() throws Exception {
        String id = fake.addTicket("Drucker defekt", "Der Drucker druckt nicht.", "OpenTicketAI::Incoming");
        fake.addTicket("Other", "x", "Misc");

        List<Ticket> found = otobo.find(TicketQuery.inQueue("OpenTicketAI::Incoming", 10));

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(id);
            assertThat(t.title()).isEqualTo("Drucker defekt");
            assertThat(t.body()).isEqualTo("Der Drucker druckt nicht.");
            assertThat(t.queue()).isEqualTo(new Entity("5", "OpenTicketAI::Incoming"));
            assertThat(t.priority().name()).isEqualTo("3 normal");
            assertThat(t.notes()).singleElement().satisfies(n -> assertThat(n.visibleToCustomer()).isTrue());
        });
        assertThat(fake.requests().getFirst().method()).isEqualTo("POST");
        assertThat(fake.requests().getFirst().path()).endsWith("/Webservice/OpenTicketAI/ticket-search");
        assertThat(body(0)).containsEntry("UserLogin", "open_ticket_ai").containsEntry("Password", FakeOtobo.PASSWORD)
                .containsEntry("Queues", List.of("OpenTicketAI::Incoming")).containsEntry("Limit", 10);
        assertThat(body(1)).containsEntry("TicketID", id).containsEntry("AllArticles", 1);
    }

    @Test
    void an_empty_search_answer_and_an_unknown_queue_give_no_tickets() throws Exception {
        fake.addTicket("a", "b", "Misc");

        assertThat(otobo.find(TicketQuery.inQueue("Raw", 5))).isEmpty();
        assertThat(otobo.find(TicketQuery.inQueue("No such queue", 5))).isEmpty();
        assertThat(fake.requests()).hasSize(2); // {} means no TicketGet follows
    }

    @Test
    void paging_by_offset_skips_the_first_tickets_of_a_larger_search() throws Exception {
        for (int i = 0; i < 5; i++) {
            fake.addTicket("t" + i, "b", "Misc");
        }
        var query = new TicketQuery(Entity.named("Misc"), List.of(), 2, 2, null, "created");

        List<Ticket> page = otobo.find(query);

        assertThat(page).extracting(Ticket::title).containsExactly("t2", "t3");
        assertThat(body(0)).containsEntry("Limit", 4).containsEntry("OrderBy", "Up");
    }

    @Test
    void an_unknown_ticket_id_answered_with_access_denied_reads_as_absent() throws Exception {
        assertThat(otobo.get("999")).isEmpty();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void update_sets_queue_and_priority_by_name_with_a_put() throws Exception {
        String id = fake.addTicket("a", "b", "Raw");

        otobo.update(id, new TicketUpdate(null, Entity.named("Misc"), Entity.named("4 high"), null, null, null, null, null, null, null));

        assertThat(fake.ticket(id).queue()).isEqualTo("Misc");
        assertThat(fake.ticket(id).priority()).isEqualTo("4 high");
        assertThat(fake.requests().getFirst().method()).isEqualTo("PUT");
        assertThat(body(0)).containsEntry("TicketID", id).containsEntry("Ticket", Map.of("Queue", "Misc", "Priority", "4 high"));
    }

    @Test
    void an_unknown_queue_name_is_a_business_error_naming_the_code_and_is_not_retried() {
        String id = fake.addTicket("a", "b", "Raw");

        assertThatThrownBy(() -> otobo.update(id, queueUpdate("Nowhere")))
                .isInstanceOfSatisfying(HelpdeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.REJECTED);
                    assertThat(e.errorCode()).contains("TicketUpdate.InvalidParameter");
                    assertThat(e.getMessage()).startsWith("OTOBO/Znuny TicketUpdate failed (HTTP 200, error code TicketUpdate.InvalidParameter)");
                });
        assertThat(fake.requests()).hasSize(1);
        assertThat(fake.ticket(id).queue()).isEqualTo("Raw");
    }

    @Test
    void notes_are_internal_unless_asked_to_be_visible() throws Exception {
        String id = fake.addTicket("a", "b", "Raw");

        otobo.addNote(id, Note.internal("AI", "Queue IT (0.93)"));
        otobo.addNote(id, new Note(null, "Hello", "Public answer", "text/plain", true, null));

        List<OtoboArticle> added = fake.ticket(id).addedArticles();
        assertThat(added).extracting(OtoboArticle::visibleForCustomer).containsExactly(false, true);
        assertThat(added).extracting(OtoboArticle::channel).containsOnly("Internal");
        assertThat(body(0)).extractingByKey("Article").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("IsVisibleForCustomer", 0).containsEntry("ContentType", "text/plain; charset=utf-8");
    }

    @Test
    void create_sends_the_required_fields_and_returns_the_ticket_read_back() throws Exception {
        Ticket created = otobo.create(new NewTicket("Neu", "Text", Entity.named("Raw"), null, null, null, List.of(), Map.of()));

        assertThat(created.title()).isEqualTo("Neu");
        assertThat(created.body()).isEqualTo("Text");
        assertThat(fake.ticket(created.id()).customerUser()).isEqualTo("kunde@example.com");
        assertThat(fake.requests().getFirst().path()).endsWith("/ticket-create");
    }

    @Test
    void tags_are_refused_since_the_generic_interface_has_none() {
        String id = fake.addTicket("a", "b", "Raw");

        assertThatThrownBy(() -> otobo.update(id, new TicketUpdate(null, null, null, null, null, null, List.of("x"), null, null, null)))
                .isInstanceOf(HelpdeskException.class).hasMessageContaining("no tags");
    }

    @Test
    void routes_and_methods_of_the_generic_ticket_connector_sample_work_with_get_and_placeholders() throws Exception {
        String id = fake.addTicket("a", "b", "Raw");
        fake.route("TicketGet", "/Ticket/:TicketID", false, "GET").route("TicketSearch", "/Ticket", false, "GET");
        var base = fixture.settings(fake, FakeOtobo.PASSWORD, false);
        var routes = new HashMap<>(OtoboSettings.DEFAULT_ROUTES);
        routes.putAll(Map.of("TicketGet", "Ticket/:TicketID", "TicketSearch", "Ticket"));
        var methods = new HashMap<>(OtoboSettings.DEFAULT_METHODS);
        methods.putAll(Map.of("TicketGet", "GET", "TicketSearch", "GET"));
        var settings = new OtoboSettings(base.baseUrl(), base.username(), base.password(), base.webservice(), routes, methods,
                false, base.connectTimeout(), base.requestTimeout(), base.retry(), 0, null);

        try (var connector = new OtoboZnunyTicketSystem(settings)) {
            assertThat(connector.find(TicketQuery.inQueue("Raw", 5))).extracting(Ticket::id).containsExactly(id);
            assertThat(connector.get(id)).isPresent();
        }
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.method()).isEqualTo("GET"));
        assertThat(fake.requests().get(1).path()).endsWith("/Webservice/OpenTicketAI/Ticket/" + id);
    }
}
