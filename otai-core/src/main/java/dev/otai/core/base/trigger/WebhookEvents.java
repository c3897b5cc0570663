package dev.otai.core.base.trigger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.ticket.WebhookPayloads;
import dev.otai.core.orchestration.EventTrigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a webhook request into the event runners see: {@code body} (the parsed JSON), {@code headers},
 * {@code helpdesk}, {@code event}, {@code ticket_id} and {@code article_id} when the payload is one of
 * OTOBO/Znuny's invokers or Zammad's trigger webhook ({@link WebhookPayloads}), {@code delivery} (the sender's
 * delivery id, when it sends one) and {@code received_at}.
 */
final class WebhookEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookEvents() {
    }

    /** The event, or empty when the body is not JSON (an empty body is an empty object). */
    static Optional<Map<String, Object>> parse(EventTrigger.Request request, Instant receivedAt) {
        Object body;
        try {
            body = request.body().length == 0 ? Map.of() : JSON.readValue(request.body(), Object.class);
        } catch (JacksonException e) {
            return Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        var headers = new LinkedHashMap<String, Object>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        var event = new LinkedHashMap<String, Object>();
        event.put("body", body);
        event.put("headers", headers);
        Optional<WebhookPayloads.WebhookEvent> known = body instanceof Map<?, ?> map
                ? WebhookPayloads.parse(stringKeys(map)) : Optional.empty();
        event.put("ticket_id", known.map(WebhookPayloads.WebhookEvent::ticketId).orElse(null));
        event.put("article_id", known.map(WebhookPayloads.WebhookEvent::articleId).orElse(null));
        event.put("helpdesk", known.map(WebhookPayloads.WebhookEvent::helpdesk).orElse(null));
        event.put("event", known.map(WebhookPayloads.WebhookEvent::event).orElse(request.header("x-zammad-trigger")));
        event.put("delivery", request.header("x-zammad-delivery"));
        event.put("received_at", receivedAt.toString());
        return Optional.of(event);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        var out = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
