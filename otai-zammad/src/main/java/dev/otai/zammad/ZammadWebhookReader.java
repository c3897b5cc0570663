package dev.otai.zammad;

import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader;
import dev.otai.support.webhook.PayloadText;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Zammad's trigger webhook: {@code {"ticket":{"id":..,"number":..},"article":{"id":..}|null}} in the body,
 * the trigger's name in {@code X-Zammad-Trigger} and the delivery's id in {@code X-Zammad-Delivery}.
 */
final class ZammadWebhookReader implements WebhookReader {

    static final String HELPDESK = "zammad";

    /** The event name stays empty when the body is Zammad's: the trigger's name is read only for other bodies. */
    @Override
    public Optional<WebhookEvent> read(EventTrigger.Request request, Map<String, ?> body) {
        if (!(body.get("ticket") instanceof Map<?, ?> ticket) || PayloadText.of(ticket.get("id")).isEmpty()) {
            return Optional.empty();
        }
        String article = body.get("article") instanceof Map<?, ?> a ? PayloadText.of(a.get("id")) : "";
        return Optional.of(new WebhookEvent(HELPDESK, "", PayloadText.of(ticket.get("id")), article,
                PayloadText.of(ticket.get("number"))));
    }

    @Override
    public Optional<String> eventName(EventTrigger.Request request) {
        return Optional.ofNullable(request.header("x-zammad-trigger"));
    }

    @Override
    public Optional<String> deliveryId(EventTrigger.Request request) {
        return Optional.ofNullable(request.header("x-zammad-delivery")).filter(id -> !id.isBlank());
    }
}
