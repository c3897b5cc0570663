package dev.otai.zammad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.ticket.HelpdeskException;
import dev.otai.api.ticket.HelpdeskException.Kind;
import dev.otai.support.retry.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One REST request per call, on one {@link HttpClient} kept for the life of the service, with
 * {@code Authorization: Token token=…} (or {@code Bearer}). Failures become {@link HelpdeskException}s carrying
 * Zammad's {@code error} text; transport failures, 429 and 5xx are retryable; the token never appears.
 */
final class ZammadHttp implements AutoCloseable {

    static final String HELPDESK = "Zammad";

    private final ZammadSettings settings;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    ZammadHttp(ZammadSettings settings) {
        this.settings = settings;
        var builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout());
        Tls.configure(builder, settings.verify());
        this.client = builder.build();
    }

    /** Sends the request; returns the parsed JSON answer (a map, a list, a boolean…). */
    Object call(String operation, String method, String pathAndQuery, Object body) throws HelpdeskException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Authorization", settings.authorization())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response = send(operation, request.build());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return parse(operation, response);
        }
        String error = error(response);
        Kind kind = status == 429 || status >= 500 ? Kind.UNAVAILABLE
                : status == 401 || status == 403 ? Kind.AUTHENTICATION : Kind.REJECTED;
        String detail = kind == Kind.AUTHENTICATION ? error + " (check access_token and its permissions)" : error;
        throw new HelpdeskException(HELPDESK, operation, status, null, kind, detail,
                RetryAfter.of(response.headers(), settings.retry().timing().clock()).orElse(null), null);
    }

    private HttpResponse<String> send(String operation, HttpRequest request) throws HelpdeskException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new HelpdeskException(HELPDESK, operation, 0, null, Kind.CONNECTION,
                    "no answer from " + settings.baseUrl() + ": " + scrub(e.toString()), null, null);
        }
    }

    private Object parse(String operation, HttpResponse<String> response) throws HelpdeskException {
        if (response.body() == null || response.body().isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(response.body(), Object.class);
        } catch (JsonProcessingException e) {
            throw new HelpdeskException(HELPDESK, operation, response.statusCode(), null, Kind.BAD_RESPONSE,
                    "the answer was not JSON: " + snippet(response.body()));
        }
    }

    private String error(HttpResponse<String> response) {
        try {
            if (json.readValue(response.body(), Object.class) instanceof Map<?, ?> map && map.get("error") != null) {
                return scrub(String.valueOf(map.get("error")));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not JSON: use the text
        }
        return scrub(snippet(response.body()));
    }

    private String write(Object body) throws HelpdeskException {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new HelpdeskException(HELPDESK, "request", 0, null, Kind.REJECTED, "request could not be written as JSON");
        }
    }

    private static String snippet(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private String scrub(String text) {
        return settings.token().isEmpty() ? text : text.replace(settings.token(), "***");
    }

    @Override
    public void close() {
        client.close();
    }
}
