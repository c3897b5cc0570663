package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.api.ticket.Entity;
import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.NewTicket;
import dev.otai.api.ticket.Note;
import dev.otai.api.ticket.Ticket;
import dev.otai.api.ticket.TicketQuery;
import dev.otai.api.ticket.TicketUpdate;
import dev.otai.testkit.zammad.FakeZammad;
import dev.otai.testkit.zammad.ZammadArticle;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZammadContractTest {

    private final FakeZammad fake = new FakeZammad();
    private final ZammadFixture fixture = new ZammadFixture();
    private final ZammadTicketSystem zammad = fixture.system(fake);

    @AfterEach
    void close() {
        zammad.close();
        fake.close();
    }

    private static TicketUpdate update(Entity queue, Entity priority, List<String> addTags, List<String> removeTags) {
        return new TicketUpdate(null, queue, priority, null, null, null, addTags, removeTags, null, null);
    }

    @Test
    void search_uses_group_name_expand_true_and_token_auth() throws Exception {
        long id = fake.addTicket("Welcome", "Hello there", "Service Desk");
        fake.addTicket("Other", "x", "Users");

        List<Ticket> found = zammad.find(TicketQuery.inQueue("Service Desk", 10));

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(Long.toString(id));
            assertThat(t.title()).isEqualTo("Welcome");
            assertThat(t.body()).isEqualTo("Hello there");
            assertThat(t.queue()).isEqualTo(new Entity("2", "Service Desk"));
            assertThat(t.priority().name()).isEqualTo("2 normal");
            assertThat(t.state().name()).isEqualTo("new");
        });
        var search = fake.requests().getFirst();
        assertThat(URLDecoder.decode(search.query(), StandardCharsets.UTF_8))
                .contains("query=group.name:\"Service Desk\"").contains("expand=true").contains("page=1").contains("limit=10");
        assertThat(search.header("Authorization")).isEqualTo("Token token=" + FakeZammad.TOKEN);
    }

    @Test
    void states_and_pages_map_to_query_terms_and_page_numbers() throws Exception {
        for (int i = 0; i < 5; i++) {
            fake.addTicket("t" + i, "b", "Users");
        }

        List<Ticket> second = zammad.find(new TicketQuery(Entity.named("Users"), List.of("new", "open"), 2, 2, null, "created"));

        assertThat(second).extracting(Ticket::title).containsExactly("t2", "t3");
        assertThat(URLDecoder.decode(fake.requests().getFirst().query(), StandardCharsets.UTF_8))
                .contains("state.name:(\"new\" OR \"open\")").contains("page=2").contains("sort_by=created_at").contains("order_by=asc");
    }

    @Test
    void the_older_search_shape_is_read_and_names_come_from_the_lookup_endpoints() throws Exception {
        fake.legacySearch(true);
        fake.addTicket("Old", "b", "Service Desk");

        List<Ticket> found = zammad.find(TicketQuery.inQueue("Service Desk", 5));

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Old");
            assertThat(t.queue()).isEqualTo(new Entity("2", "Service Desk"));
            assertThat(t.priority()).isEqualTo(new Entity("2", "2 normal"));
        });
        assertThat(fake.requests()).extracting(r -> r.path()).contains("/api/v1/groups", "/api/v1/ticket_priorities");
    }

    @Test
    void an_unknown_ticket_reads_as_absent() throws Exception {
        assertThat(zammad.get("999")).isEmpty();
    }

    @Test
    void get_reads_names_articles_and_tags() throws Exception {
        long id = fake.addTicket("T", "Body", "Users");
        zammad.update(Long.toString(id), update(null, null, List.of("vip", "ai-routed"), List.of()));

        Ticket t = zammad.get(Long.toString(id)).orElseThrow();

        assertThat(t.tags()).containsExactly("vip", "ai-routed");
        assertThat(t.notes()).singleElement().satisfies(n -> assertThat(n.visibleToCustomer()).isTrue());
    }

    @Test
    void update_sets_group_and_priority_by_name_and_removes_tags() throws Exception {
        long id = fake.addTicket("T", "Body", "Users");
        fake.group("Sales");
        zammad.update(Long.toString(id), update(null, null, List.of("a", "b"), List.of()));

        zammad.update(Long.toString(id), update(Entity.named("Sales"), Entity.named("3 high"), List.of(), List.of("a")));

        var t = fake.ticket(id);
        assertThat(t.group()).isEqualTo("Sales");
        assertThat(t.priority()).isEqualTo("3 high");
        assertThat(t.tags()).containsExactly("b");
    }

    @Test
    void an_unknown_group_is_a_422_naming_the_lookup_and_is_not_retried() {
        long id = fake.addTicket("T", "Body", "Users");

        assertThatThrownBy(() -> zammad.update(Long.toString(id), update(Entity.named("Nowhere"), null, List.of(), List.of())))
                .isInstanceOfSatisfying(HelpdeskException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).startsWith("Zammad update ticket failed (HTTP 422)")
                            .contains("No lookup value found for 'group'");
                });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void notes_are_internal_unless_asked_to_be_visible() throws Exception {
        long id = fake.addTicket("T", "Body", "Users");

        zammad.addNote(Long.toString(id), Note.internal("AI", "Queue Sales (0.93)"));
        zammad.addNote(Long.toString(id), new Note(null, "Hi", "Public", "text/plain", true, null));

        assertThat(fake.ticket(id).addedArticles()).extracting(ZammadArticle::internal).containsExactly(true, false);
        assertThat(fake.ticket(id).addedArticles()).extracting(ZammadArticle::type).containsOnly("note");
        assertThat(fake.requests().getFirst().body()).contains("\"internal\":true").contains("\"sender\":\"Agent\"");
    }

    @Test
    void create_posts_the_ticket_with_its_first_article_and_reads_it_back() throws Exception {
        Ticket created = zammad.create(new NewTicket("Help me", "It broke", Entity.named("Users"), null, null,
                Entity.named("david@example.com"), List.of(), Map.of()));

        assertThat(created.title()).isEqualTo("Help me");
        assertThat(created.body()).isEqualTo("It broke");
        assertThat(fake.ticket(Long.parseLong(created.id())).customer()).isEqualTo("david@example.com");
    }
}
