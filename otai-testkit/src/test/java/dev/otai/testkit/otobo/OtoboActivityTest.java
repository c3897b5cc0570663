package dev.otai.testkit.otobo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the fake records of runs sharing it: searches, writes by agent and time, and runs of one queue in flight at once. */
class OtoboActivityTest {

    private final FakeOtobo fake = new FakeOtobo().user("node-1", "pw1").user("node-2", "pw2");
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        client.close();
        fake.close();
    }

    private CompletableFuture<HttpResponse<String>> post(String path, String body) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/Webservice/OpenTicketAI/" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auth(String login, String password) {
        return "\"UserLogin\":\"" + login + "\",\"Password\":\"" + password + "\"";
    }

    private void search(String login, String password) {
        post("ticket-search", "{" + auth(login, password) + ",\"Queues\":[\"Inbox\"]}").join();
    }

    private void note(String login, String password, String ticketId) {
        post("ticket-update", "{" + auth(login, password) + ",\"TicketID\":\"" + ticketId
                + "\",\"Article\":{\"Subject\":\"s\",\"Body\":\"b\",\"ContentType\":\"text/plain; charset=utf8\"}}").join();
    }

    @Test
    void a_search_after_every_fetched_ticket_got_its_note_is_no_overlap() {
        String first = fake.addTicket("A", "a", "Inbox");
        String second = fake.addTicket("B", "b", "Inbox");

        search("node-1", "pw1");
        note("node-1", "pw1", first);
        note("node-1", "pw1", second);
        search("node-2", "pw2");

        assertThat(fake.activity().overlaps()).isEmpty();
        assertThat(fake.activity().lastSearcher("Inbox")).hasValue("node-2");
        assertThat(fake.activity().searches()).extracting(OtoboActivity.Search::ticketIds)
                .containsExactly(List.of(second, first), List.of(second, first));
    }

    @Test
    void a_search_while_a_fetched_ticket_still_waits_for_its_note_is_an_overlap_naming_the_ticket() {
        String first = fake.addTicket("A", "a", "Inbox");
        String second = fake.addTicket("B", "b", "Inbox");

        search("node-1", "pw1");
        note("node-1", "pw1", first);
        search("node-2", "pw2");

        assertThat(fake.activity().overlaps()).singleElement().satisfies(overlap -> {
            assertThat(overlap.login()).isEqualTo("node-2");
            assertThat(overlap.queue()).isEqualTo("Inbox");
            assertThat(overlap.searchUnanswered()).isFalse();
            assertThat(overlap.awaitingArticle()).containsExactly(second);
        });
    }

    @Test
    void two_searches_of_one_queue_in_flight_at_once_are_an_overlap_even_when_the_queue_is_empty() {
        fake.queue("Inbox").latency("TicketSearch", Duration.ofMillis(400));

        var slow = post("ticket-search", "{" + auth("node-1", "pw1") + ",\"Queues\":[\"Inbox\"]}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fake.activity().searchesInFlight("Inbox") == 1);
        search("node-2", "pw2");
        slow.join();

        assertThat(fake.activity().overlaps()).singleElement()
                .satisfies(overlap -> assertThat(overlap.searchUnanswered()).isTrue());
    }

    @Test
    void every_write_is_recorded_with_its_agent_its_arrival_and_what_it_changed() {
        String id = fake.addTicket("A", "a", "Inbox");
        Instant before = Instant.now();

        post("ticket-update", "{" + auth("node-1", "pw1") + ",\"TicketID\":\"" + id + "\",\"Ticket\":{\"Queue\":\"Misc\"}}").join();
        note("node-2", "pw2", id);

        assertThat(fake.activity().writes()).extracting(w -> w.login() + " " + w.ticketId() + " " + w.changedFields() + " " + w.addedArticle())
                .containsExactly("node-1 " + id + " true false", "node-2 " + id + " false true");
        assertThat(fake.activity().writesBy("node-1", before)).hasSize(1);
        assertThat(fake.activity().writesBy("node-1", Instant.now().plusSeconds(1))).isEmpty();
    }
}
