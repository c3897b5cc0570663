package dev.otai.core.base.trigger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.core.orchestration.EventTrigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a webhook request into the event runners see: {@code body} (the parsed JSON), {@code headers},
 * {@code ticket_id} and {@code event} when the payload is one of OTOBO/Znuny's invokers or Zammad's trigger
 * webhook, {@code delivery} (the sender's delivery id, when it sends one) and {@code received_at}.
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
        event.put("ticket_id", ticketId(body).orElse(null));
        event.put("event", eventName(body).orElse(request.header("x-zammad-trigger")));
        event.put("delivery", request.header("x-zammad-delivery"));
        event.put("received_at", receivedAt.toString());
        return Optional.of(event);
    }

    /** OTOBO/Znuny: {@code TicketID}, {@code Event.TicketID}, {@code Ticket.TicketID}; Zammad: {@code ticket.id}. */
    static Optional<String> ticketId(Object body) {
        return first(body, List.of("TicketID"), List.of("Event", "TicketID"), List.of("Ticket", "TicketID"), List.of("ticket", "id"));
    }

    static Optional<String> eventName(Object body) {
        return first(body, List.of("Event", "Event"), List.of("Event"));
    }

    @SafeVarargs
    private static Optional<String> first(Object body, List<String>... paths) {
        for (List<String> path : paths) {
            Object current = body;
            for (String key : path) {
                current = current instanceof Map<?, ?> map ? map.get(key) : null;
            }
            if (current instanceof String || current instanceof Number) {
                return Optional.of(current.toString());
            }
        }
        return Optional.empty();
    }
}
