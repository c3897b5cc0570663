package dev.otai.core.base.trigger;

import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader;
import java.util.Map;
import java.util.Optional;

/**
 * Zendesk's webhook, as far as the engine reads it without a Zendesk plugin: its delivery id
 * ({@code X-Zendesk-Webhook-Invocation-Id}), so that a retried delivery is acknowledged instead of run twice.
 */
public final class ZendeskDeliveries implements WebhookReader {

    @Override
    public Optional<WebhookEvent> read(EventTrigger.Request request, Map<String, ?> body) {
        return Optional.empty();
    }

    @Override
    public Optional<String> deliveryId(EventTrigger.Request request) {
        return Optional.ofNullable(request.header("x-zendesk-webhook-invocation-id")).filter(id -> !id.isBlank());
    }
}
