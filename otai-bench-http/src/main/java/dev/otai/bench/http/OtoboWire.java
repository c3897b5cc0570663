package dev.otai.bench.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.testkit.otobo.FakeOtobo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GenericInterface requests the otai adapter sends, written by hand for the engine-less floor and the Camel
 * route: the same JDK {@link HttpClient} setup (HTTP/1.1, 5 s connect timeout, one client for the life of the
 * side), the same routes, methods, headers and bodies, and the same JSON parsing of every answer.
 */
final class OtoboWire implements AutoCloseable {

    /** A fetched ticket: its id, title and the body of its first article. */
    record Fetched(String id, String subject, String body) {

        /** What the classifiers see: {@code subject + " " + body}, as the config's text template renders it. */
        String text() {
            return subject + " " + body;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    OtoboWire(String baseUrl) {
        this.baseUrl = baseUrl + "/Webservice/OpenTicketAI/";
    }

    /** TicketSearch in the queue, then one TicketGet for all ids, as {@code FetchTicketsPipe} does. */
    List<Fetched> fetch(String queue, int limit) throws IOException, InterruptedException {
        var search = new LinkedHashMap<String, Object>();
        search.put("Queues", List.of(queue));
        search.put("UseSubQueues", 0);
        search.put("Limit", limit);
        Object ids = call("POST", "ticket-search", search).get("TicketID");
        if (!(ids instanceof List<?> list) || list.isEmpty()) {
            return List.of();
        }
        var get = new LinkedHashMap<String, Object>();
        get.put("TicketID", String.join(",", list.stream().map(String::valueOf).toList()));
        get.put("DynamicFields", 1);
        get.put("AllArticles", 1);
        get.put("ArticleOrder", "ASC");
        var out = new ArrayList<Fetched>();
        if (call("POST", "ticket-get", get).get("Ticket") instanceof List<?> tickets) {
            for (Object t : tickets) {
                Map<?, ?> ticket = (Map<?, ?>) t;
                Map<?, ?> first = (Map<?, ?>) ((List<?>) ticket.get("Article")).getFirst();
                out.add(new Fetched(String.valueOf(ticket.get("TicketID")), String.valueOf(ticket.get("Title")),
                        String.valueOf(first.get("Body"))));
            }
        }
        return out;
    }

    /** TicketUpdate with {@code Ticket: {field: value}} ({@code Queue} or {@code Priority} by name). */
    void update(String id, String field, String value) throws IOException, InterruptedException {
        var data = new LinkedHashMap<String, Object>();
        data.put("TicketID", id);
        data.put("Ticket", Map.of(field, value));
        call("PUT", "ticket-update", data);
    }

    /** TicketUpdate with an internal {@code Article}, as {@code AddNotePipe} sends it. */
    void note(String id, String subject, String body) throws IOException, InterruptedException {
        var article = new LinkedHashMap<String, Object>();
        article.put("Subject", subject);
        article.put("Body", body);
        article.put("ContentType", "text/plain; charset=utf-8");
        article.put("CommunicationChannel", "Internal");
        article.put("SenderType", "agent");
        article.put("IsVisibleForCustomer", 0);
        var data = new LinkedHashMap<String, Object>();
        data.put("TicketID", id);
        data.put("Article", article);
        call("PUT", "ticket-update", data);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String method, String path, Map<String, Object> data) throws IOException, InterruptedException {
        var body = new LinkedHashMap<String, Object>();
        body.put("UserLogin", FakeOtobo.USER);
        body.put("Password", FakeOtobo.PASSWORD);
        body.putAll(data);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(write(body))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> answer = json.readValue(response.body(), Map.class);
        if (response.statusCode() != 200 || answer.containsKey("Error")) {
            throw new IOException(path + " answered HTTP " + response.statusCode() + ": " + answer.get("Error"));
        }
        return answer;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
