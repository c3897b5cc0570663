package dev.otai.api.ticket;

import dev.otai.api.EventTrigger;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one helpdesk's webhook requests, so that the engine's webhook and manual triggers can tell which ticket an
 * event is about, and recognise a sender's retried delivery, without knowing any helpdesk. A plugin offers its
 * readers through {@link dev.otai.api.Plugin#webhookReaders()}; the engine asks them in plugin order and takes the
 * first answer. A webhook is a hint: re-fetch the ticket before acting.
 */
public interface WebhookReader {

    /**
     * What the request says when it is this helpdesk's webhook, or empty when it is not.
     *
     * @param body the request's JSON object body, already parsed to maps and lists
     */
    Optional<WebhookEvent> read(EventTrigger.Request request, Map<String, ?> body);

    /**
     * The event name the request's headers carry (such as Zammad's {@code X-Zammad-Trigger}), used when no reader
     * recognised the body; empty when none.
     */
    default Optional<String> eventName(EventTrigger.Request request) {
        return Optional.empty();
    }

    /**
     * The sender's id for this delivery (such as Zammad's {@code X-Zammad-Delivery}), by which a retried delivery is
     * acknowledged instead of run twice; empty when the sender gives none.
     */
    default Optional<String> deliveryId(EventTrigger.Request request) {
        return Optional.empty();
    }

    /**
     * What a webhook said.
     *
     * @param helpdesk     the helpdesk, as runners see it in {@code event.helpdesk} ({@code zammad}…)
     * @param event        the event name ({@code TicketCreate}…), or empty when the payload does not say
     * @param ticketId     the ticket's id, always as text
     * @param articleId    the article's id, or empty
     * @param ticketNumber the ticket number, or empty
     */
    record WebhookEvent(String helpdesk, String event, String ticketId, String articleId, String ticketNumber) {
    }
}
