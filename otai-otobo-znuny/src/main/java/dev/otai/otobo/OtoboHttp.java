package dev.otai.otobo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.HelpdeskException.Kind;
import dev.otai.support.retry.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One GenericInterface request per call, on one {@link HttpClient} kept for the life of the service. Turns every
 * way a call can fail into a {@link HelpdeskException} that says whether retrying can help: transport failures,
 * 429 and 5xx are retryable, HTTP 200 with {@code Error} is a business error (never retried), and the password
 * is scrubbed from every message.
 */
final class OtoboHttp implements AutoCloseable {

    static final String HELPDESK = "OTOBO/Znuny";

    private final OtoboSettings settings;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    OtoboHttp(OtoboSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
    }

    /** Sends {@code data} to the operation and returns its JSON answer; throws for any error. */
    Map<String, Object> call(String operation, Map<String, Object> data) throws HelpdeskException, InterruptedException {
        HttpResponse<String> response = send(operation, request(operation, data));
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new HelpdeskException(HELPDESK, operation, status, null, Kind.UNAVAILABLE, detail(response),
                    RetryAfter.of(response.headers(), settings.retry().timing().clock()).orElse(null), null);
        }
        if (status != 200) {
            throw new HelpdeskException(HELPDESK, operation, status, null, Kind.REJECTED, detail(response));
        }
        Map<String, Object> body = parse(operation, response);
        if (body.get("Error") instanceof Map<?, ?> error) {
            String code = String.valueOf(error.get("ErrorCode"));
            boolean auth = code.endsWith(".AuthFail") || code.endsWith(".MissingParameter")
                    && String.valueOf(error.get("ErrorMessage")).matches(".*(UserLogin|Password|SessionID).*required.*");
            throw new HelpdeskException(HELPDESK, operation, status, code, auth ? Kind.AUTHENTICATION : Kind.REJECTED,
                    scrub(String.valueOf(error.get("ErrorMessage"))) + (auth ? " (check username and password of user '"
                            + settings.username() + "')" : ""));
        }
        return body;
    }

    private HttpRequest request(String operation, Map<String, Object> data) throws HelpdeskException {
        String method = settings.methods().get(operation).toUpperCase(Locale.ROOT);
        URI uri = settings.operationUri(operation);
        if (data.get("TicketID") != null) {
            uri = URI.create(uri.toString().replace(":TicketID", TicketIds.pathSegment(data.get("TicketID").toString())));
        }
        var builder = HttpRequest.newBuilder().timeout(settings.requestTimeout()).header("Accept", "application/json");
        if (method.equals("GET") || method.equals("DELETE")) {
            return builder.uri(URI.create(uri + "?" + query(data))).method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        try {
            return builder.uri(uri).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(data))).build();
        } catch (JsonProcessingException e) {
            throw new HelpdeskException(HELPDESK, operation, 0, null, Kind.REJECTED, "request could not be written as JSON");
        }
    }

    private static String query(Map<String, Object> data) {
        var out = new StringJoiner("&");
        data.forEach((key, value) -> {
            for (Object item : value instanceof List<?> list ? list : List.of(value)) {
                out.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(String.valueOf(item), StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private HttpResponse<String> send(String operation, HttpRequest request) throws HelpdeskException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HelpdeskException(HELPDESK, operation, 0, null, Kind.CONNECTION,
                    "no answer from " + settings.baseUrl() + ": " + scrub(String.valueOf(e)), null, null);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parse(String operation, HttpResponse<String> response) throws HelpdeskException {
        try {
            Object value = json.readValue(response.body(), Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new HelpdeskException(HELPDESK, operation, response.statusCode(), null, Kind.BAD_RESPONSE,
                "the answer was not a JSON object: " + snippet(response.body()));
    }

    private String detail(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty() && response.statusCode() == 500) {
            return "empty answer; is the web service '" + settings.webservice() + "' imported and valid?";
        }
        return scrub(snippet(body));
    }

    private static String snippet(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    /** Removes the password wherever a server echoed it. */
    String scrub(String text) {
        String password = settings.password();
        return password == null || password.isEmpty() ? text : text.replace(password, "***");
    }

    Duration requestTimeout() {
        return settings.requestTimeout();
    }

    @Override
    public void close() {
        client.close();
    }
}
