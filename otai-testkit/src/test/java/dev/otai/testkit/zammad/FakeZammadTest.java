package dev.otai.testkit.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's wire behaviour, checked with a plain HTTP client against helpdesk-apis.md §2.6. */
class FakeZammadTest {

    private final FakeZammad fake = new FakeZammad();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        client.close();
        fake.close();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void no_credentials_give_403_and_a_wrong_token_401() throws Exception {
        assertThat(get("/api/v1/tickets/search?query=*", null)).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("Authentication required");
        });
        assertThat(get("/api/v1/tickets/search?query=*", "Token token=nope")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("X-Failure")).contains("Can't find User for Token");
        });
    }

    @Test
    void basic_auth_is_accepted() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin@example.com:admin-Pa55".getBytes());
        assertThat(get("/api/v1/tickets/search?query=*", basic).statusCode()).isEqualTo(200);
    }

    @Test
    void names_appear_only_with_expand_true_or_1() throws Exception {
        long id = fake.addTicket("T", "B", "Users");
        String token = "Token token=" + FakeZammad.TOKEN;

        assertThat(get("/api/v1/tickets/" + id, token).body()).contains("\"group_id\":1").doesNotContain("\"group\":");
        assertThat(get("/api/v1/tickets/" + id + "?expand=articles", token).body()).doesNotContain("\"group\":");
        assertThat(get("/api/v1/tickets/" + id + "?expand=1", token).body()).contains("\"group\":\"Users\"");
    }

    @Test
    void search_pages_by_page_and_per_page_and_filters_by_group_name_and_state() throws Exception {
        for (int i = 0; i < 3; i++) {
            fake.addTicket("t" + i, "b", "Users");
        }
        fake.addTicket("other", "b", "Sales");
        String query = "group.name:%22Users%22%20AND%20state.name:(new%20OR%20open)";

        var response = get("/api/v1/tickets/search?query=" + query + "&per_page=2&page=2&expand=true",
                "Bearer " + FakeZammad.TOKEN);

        assertThat(response.body()).startsWith("[").contains("\"title\":\"t2\"").doesNotContain("\"t0\"").doesNotContain("other");
    }

    @Test
    void an_unknown_ticket_is_404() throws Exception {
        var response = get("/api/v1/tickets/77", "Token token=" + FakeZammad.TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Couldn't find Ticket with 'id'=77");
    }
}
