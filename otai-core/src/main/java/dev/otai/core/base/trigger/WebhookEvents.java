package dev.otai.core.base.trigger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.core.orchestration.WebhookReaders;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a webhook request into the event runners see: {@code body} (the parsed JSON), {@code headers},
 * {@code helpdesk}, {@code event}, {@code ticket_id} and {@code article_id} when a plugin's {@link WebhookReader}
 * recognises the payload (OTOBO/Znuny's invokers, Zammad's trigger webhook…), {@code delivery} (the sender's
 * delivery id, when it sends one) and {@code received_at}.
 *
 * <p>The event is kept in run history and seen by templates, so headers that carry credentials
 * ({@code Authorization}, {@code X-Otai-Token}, cookies, signatures, anything named like a token, secret,
 * password, key or session) are left out of {@code headers} when the event is made.
 */
final class WebhookEvents {

    /**
     * How deep a body may nest: one level less than Jackson's default, because the event wraps the body in a map of
     * its own, and the event must stay within the default of the run journal, the history and clustered mode's
     * stored events that write it.
     */
    static final int MAX_BODY_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH - 1;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_BODY_DEPTH).build())
            .build());
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-otai-token", "x-hub-signature", "x-hub-signature-256", "x-zendesk-webhook-signature",
            "x-zendesk-webhook-signature-timestamp", "x-api-key", "x-csrf-token");
    private static final List<String> CREDENTIAL_WORDS = List.of("auth", "token", "secret", "passw", "signature",
            "api-key", "apikey", "api_key", "cookie", "session", "credential");

    private WebhookEvents() {
    }

    /**
     * The event, or empty when the body is not JSON or nests deeper than {@link #MAX_BODY_DEPTH} (an empty body is an
     * empty object).
     */
    static Optional<Map<String, Object>> parse(EventTrigger.Request request, Instant receivedAt, WebhookReaders readers) {
        Object body;
        try {
            body = request.body().length == 0 ? Map.of() : JSON.readValue(request.body(), Object.class);
        } catch (JacksonException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
        var headers = new LinkedHashMap<String, Object>();
        request.headers().forEach((name, values) -> {
            if (!credential(name)) {
                headers.put(name, String.join(", ", values));
            }
        });
        var event = new LinkedHashMap<String, Object>();
        event.put("body", body);
        event.put("headers", headers);
        Optional<WebhookReader.WebhookEvent> known = body instanceof Map<?, ?> map
                ? readers.read(request, stringKeys(map)) : Optional.empty();
        event.put("ticket_id", known.map(WebhookReader.WebhookEvent::ticketId).orElse(null));
        event.put("article_id", known.map(WebhookReader.WebhookEvent::articleId).orElse(null));
        event.put("helpdesk", known.map(WebhookReader.WebhookEvent::helpdesk).orElse(null));
        event.put("event", known.map(WebhookReader.WebhookEvent::event).or(() -> readers.eventName(request)).orElse(null));
        event.put("delivery", readers.deliveryId(request).orElse(null));
        event.put("received_at", receivedAt.toString());
        return Optional.of(event);
    }

    /** Whether a header (lower-case name) may carry a credential, and so is never recorded. */
    static boolean credential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CREDENTIAL_HEADERS.contains(lower) || CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        var out = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
