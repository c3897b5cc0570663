package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.ticket.WebhookReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The webhook readers every plugin registered, in plugin order: what webhook and manual triggers ask about a
 * request's ticket, event name and delivery id. Offered to the engine as a facility.
 */
public record WebhookReaders(List<WebhookReader> readers) {

    /** No helpdesk known: events carry only the body and headers. */
    public static final WebhookReaders NONE = new WebhookReaders(List.of());

    public WebhookReaders {
        readers = List.copyOf(readers);
    }

    /** The first reader's event for this body, or empty when no reader recognises it. */
    public Optional<WebhookReader.WebhookEvent> read(EventTrigger.Request request, Map<String, ?> body) {
        return first(reader -> reader.read(request, body));
    }

    /** The event name the headers carry, for a body no reader recognised. */
    public Optional<String> eventName(EventTrigger.Request request) {
        return first(reader -> reader.eventName(request));
    }

    /** The sender's delivery id, or empty when it sends none. */
    public Optional<String> deliveryId(EventTrigger.Request request) {
        return first(reader -> reader.deliveryId(request));
    }

    private <T> Optional<T> first(Function<WebhookReader, Optional<T>> ask) {
        return readers.stream().map(ask).flatMap(Optional::stream).findFirst();
    }
}
