package dev.otai.otobo;

import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.support.webhook.PayloadText;
import java.util.Map;
import java.util.Optional;

/**
 * Reads OTOBO's {@code Generic::PassThrough} ({@code {"Event":"TicketCreate","TicketID":"123"}}), OTOBO's ticket
 * invokers ({@code {"TicketID":..,"Ticket":{..},"Article":{..}}}) and Znuny's {@code Ticket::Generic}
 * ({@code {"Ticket":{..},"Event":{"Event":..,"TicketID":..}}}): {@code TicketID} at the top, in {@code Event} or in
 * {@code Ticket}.
 */
final class OtoboWebhookReader implements WebhookReader {

    static final String HELPDESK = "otobo-znuny";

    @Override
    public Optional<WebhookEvent> read(EventTrigger.Request request, Map<String, ?> body) {
        Map<?, ?> event = body.get("Event") instanceof Map<?, ?> e ? e : Map.of();
        Map<?, ?> ticket = body.get("Ticket") instanceof Map<?, ?> t ? t : Map.of();
        String id = PayloadText.first(body.get("TicketID"), event.get("TicketID"), ticket.get("TicketID"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name = body.get("Event") instanceof Map<?, ?> ? PayloadText.of(event.get("Event")) : PayloadText.of(body.get("Event"));
        Object article = body.get("Article") instanceof Map<?, ?> a ? a.get("ArticleID") : null;
        return Optional.of(new WebhookEvent(HELPDESK, name, id,
                PayloadText.first(body.get("ArticleID"), event.get("ArticleID"), article),
                PayloadText.first(body.get("TicketNumber"), ticket.get("TicketNumber"))));
    }
}
