package dev.otai.api.ticket;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the ticket a helpdesk webhook is about from its JSON body (already parsed to maps and lists). Knows
 * OTOBO's {@code Generic::PassThrough} ({@code {"Event":"TicketCreate","TicketID":"123"}}), OTOBO's ticket
 * invokers ({@code {"TicketID":..,"Ticket":{..},"Article":{..}}}), Znuny's {@code Ticket::Generic}
 * ({@code {"Ticket":{..},"Event":{"Event":..,"TicketID":..}}}) and Zammad's trigger webhook
 * ({@code {"ticket":{"id":..},"article":{..}|null}}). A webhook is a hint: re-fetch the ticket before acting.
 */
public final class WebhookPayloads {

    private WebhookPayloads() {
    }

    /**
     * What a webhook said.
     *
     * @param helpdesk  {@code otobo-znuny} or {@code zammad}
     * @param event     the event name ({@code TicketCreate}…), or empty when the payload does not say
     * @param ticketId  the ticket's id, always as text
     * @param articleId the article's id, or empty
     * @param ticketNumber the ticket number, or empty
     */
    public record WebhookEvent(String helpdesk, String event, String ticketId, String articleId, String ticketNumber) {
    }

    /** The event in an OTOBO/Znuny or Zammad payload, or empty when the body is neither. */
    public static Optional<WebhookEvent> parse(Map<String, ?> body) {
        return zammad(body).or(() -> otoboZnuny(body));
    }

    /** Zammad: {@code ticket.id}, {@code article.id}; the event name comes from the trigger header, not the body. */
    public static Optional<WebhookEvent> zammad(Map<String, ?> body) {
        if (!(body.get("ticket") instanceof Map<?, ?> ticket) || text(ticket.get("id")).isEmpty()) {
            return Optional.empty();
        }
        String article = body.get("article") instanceof Map<?, ?> a ? text(a.get("id")) : "";
        return Optional.of(new WebhookEvent("zammad", "", text(ticket.get("id")), article, text(ticket.get("number"))));
    }

    /** OTOBO/Znuny: {@code TicketID} at the top, in {@code Event} (Znuny) or in {@code Ticket}. */
    public static Optional<WebhookEvent> otoboZnuny(Map<String, ?> body) {
        Map<?, ?> event = body.get("Event") instanceof Map<?, ?> e ? e : Map.of();
        Map<?, ?> ticket = body.get("Ticket") instanceof Map<?, ?> t ? t : Map.of();
        String id = first(body.get("TicketID"), event.get("TicketID"), ticket.get("TicketID"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name = body.get("Event") instanceof Map<?, ?> ? text(event.get("Event")) : text(body.get("Event"));
        Object article = body.get("Article") instanceof Map<?, ?> a ? a.get("ArticleID") : null;
        return Optional.of(new WebhookEvent("otobo-znuny", name, id,
                first(body.get("ArticleID"), event.get("ArticleID"), article),
                first(body.get("TicketNumber"), ticket.get("TicketNumber"))));
    }

    private static String first(Object... values) {
        for (Object value : values) {
            String text = text(value);
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString().strip().toLowerCase(Locale.ROOT).equals("null") ? "" : value.toString().strip();
    }
}
