package dev.otai.testkit.otobo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's wire behaviour, checked with a plain HTTP client against helpdesk-apis.md §1.12. */
class FakeOtoboTest {

    private static final String AUTH = "\"UserLogin\":\"open_ticket_ai\",\"Password\":\"" + FakeOtobo.PASSWORD + "\"";
    private final FakeOtobo fake = new FakeOtobo();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        client.close();
        fake.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<?, ?> json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readValue(response.body(), Map.class);
    }

    @Test
    void unknown_web_service_gives_500_with_an_empty_body() throws Exception {
        var response = send("POST", "/Webservice/Other/ticket-search", "{" + AUTH + "}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void unknown_route_gives_500_text_plain() throws Exception {
        var response = send("POST", "/Webservice/OpenTicketAI/nope", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body()).startsWith("HTTP::REST Error while determine Operation for request URI");
    }

    @Test
    void undecodable_json_gives_500() throws Exception {
        assertThat(send("POST", "/Webservice/OpenTicketAI/ticket-search", "{nope").body()).isEqualTo("Error while decoding request content.");
    }

    @Test
    void auth_failures_and_empty_searches_are_http_200() throws Exception {
        var denied = send("POST", "/Webservice/OpenTicketAI/ticket-search", "{\"UserLogin\":\"x\",\"Password\":\"y\"}");
        var empty = send("POST", "/Webservice/OpenTicketAI/ticket-search", "{" + AUTH + "}");

        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(json(denied)).isEqualTo(Map.of("Error", Map.of("ErrorCode", "TicketSearch.AuthFail",
                "ErrorMessage", "TicketSearch: Authorization failing!")));
        assertThat(empty.body()).isEqualTo("{}");
    }

    @Test
    void get_ignores_the_body_and_reads_the_query_string_and_route_placeholders() throws Exception {
        String id = fake.addTicket("T", "B", "Raw");
        fake.route("TicketGet", "/Ticket/:TicketID", false, "GET");

        var response = send("GET", "/Webservice/OpenTicketAI/Ticket/" + id + "?UserLogin=open_ticket_ai&Password="
                + FakeOtobo.PASSWORD + "&AllArticles=1", "{\"TicketID\":999}");

        List<?> tickets = (List<?>) json(response).get("Ticket");
        assertThat(((Map<?, ?>) tickets.getFirst()).get("TicketID")).isEqualTo(id);
        assertThat(((Map<?, ?>) tickets.getFirst()).get("Article")).isInstanceOf(List.class);
    }

    @Test
    void update_answers_ticket_data_with_a_single_article_object_and_defaults_to_customer_visible() throws Exception {
        String id = fake.addTicket("T", "B", "Raw");

        var response = send("PUT", "/Webservice/OpenTicketAI/ticket-update", "{" + AUTH + ",\"TicketID\":" + id
                + ",\"Article\":{\"Subject\":\"s\",\"Body\":\"b\",\"ContentType\":\"text/plain; charset=utf-8\"}}");

        Map<?, ?> body = json(response);
        assertThat(body.get("TicketID")).isEqualTo(Integer.parseInt(id));
        assertThat(((Map<?, ?>) body.get("Ticket")).get("Article")).isInstanceOf(Map.class);
        assertThat(fake.ticket(id).addedArticles()).singleElement().satisfies(a -> {
            assertThat(a.visibleForCustomer()).isTrue();
            assertThat(a.channel()).isEqualTo("Internal");
            assertThat(a.senderType()).isEqualTo("agent");
        });
    }

    @Test
    void update_without_content_type_is_a_missing_parameter_and_changes_nothing() throws Exception {
        String id = fake.addTicket("T", "B", "Raw");

        var response = send("PUT", "/Webservice/OpenTicketAI/ticket-update", "{" + AUTH + ",\"TicketID\":\"" + id
                + "\",\"Ticket\":{\"Queue\":\"Misc\"},\"Article\":{\"Subject\":\"s\",\"Body\":\"b\"}}");

        assertThat(((Map<?, ?>) json(response).get("Error")).get("ErrorCode")).isEqualTo("TicketUpdate.MissingParameter");
        assertThat(fake.ticket(id).queue()).isEqualTo("Raw");
    }

    @Test
    void the_user_login_rewrite_maps_any_login_to_open_ticket_ai() throws Exception {
        fake.rewriteUserLogin(true);

        var response = send("POST", "/Webservice/OpenTicketAI/ticket-search",
                "{\"UserLogin\":\"someone\",\"Password\":\"" + FakeOtobo.PASSWORD + "\"}");

        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void search_returns_string_ids_newest_first_and_applies_the_limit() throws Exception {
        fake.addTicket("a", "b", "Raw");
        String second = fake.addTicket("c", "d", "Raw");

        var response = send("POST", "/Webservice/OpenTicketAI/ticket-search", "{" + AUTH + ",\"Queues\":[\"Raw\"],\"Limit\":1}");

        assertThat(json(response)).isEqualTo(Map.of("TicketID", List.of(second)));
        assertThat(fake.requests()).hasSize(1).first().satisfies(r -> assertThat(r.at()).isNotNull());
    }

    @Test
    void echo_mode_answers_a_business_error_quoting_the_raw_request() throws Exception {
        fake.echoRequests(true);

        var response = send("POST", "/Webservice/OpenTicketAI/ticket-search?x=a%20b", "{\"Password\":\"p\\\"w\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(Map.of("Error", Map.of("ErrorCode", "TicketSearch.InvalidParameter",
                "ErrorMessage", "cannot process POST /otobo/nph-genericinterface.pl/Webservice/OpenTicketAI/ticket-search"
                        + "?x=a%20b {\"Password\":\"p\\\"w\"}")));
    }
}
