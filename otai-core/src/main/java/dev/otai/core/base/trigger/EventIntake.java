package dev.otai.core.base.trigger;

import dev.otai.api.EventTrigger;
import dev.otai.api.PipeSetup;
import dev.otai.core.orchestration.WebhookReaders;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What webhook and manual triggers do with a request: check its credentials (when the trigger has a secret),
 * make the event, and acknowledge a delivery id that was already queued instead of delivering it again.
 */
final class EventIntake {

    private static final int REMEMBERED_DELIVERIES = 1000;

    private final InstantSource clock;
    private final WebhookReaders readers;
    private final Deliveries deliveries = new Deliveries(REMEMBERED_DELIVERIES);

    EventIntake(InstantSource clock, WebhookReaders readers) {
        this.clock = clock;
        this.readers = readers;
    }

    /** The engine's webhook readers, or none when the engine offers none (a trigger made outside an engine). */
    static WebhookReaders readers(PipeSetup setup) {
        try {
            return setup.facility(WebhookReaders.class);
        } catch (IllegalStateException none) {
            return WebhookReaders.NONE;
        }
    }

    /** The load-time check that a credential param, when given, is not an empty literal. */
    static List<String> emptyCredential(Map<String, Object> given, String param) {
        if (given.get(param) instanceof String value && value.isEmpty()) {
            return List.of("param '" + param + "' is empty, so no request could prove it; give it a value (for example "
                    + "\"{{ get_env('HOOK_SECRET') }}\"), or remove it and set '" + EventTrigger.ALLOW_UNAUTHENTICATED.name() + ": true'");
        }
        return List.of();
    }

    /**
     * @param secret       the shared secret, or empty when the trigger takes unauthenticated requests
     * @param replayWindow how old or new a signed timestamp may be
     */
    EventTrigger.Verdict accept(EventTrigger.Request request, Optional<String> secret, Duration replayWindow) {
        if (secret.isPresent()) {
            Optional<String> refusal = new SharedSecret(secret.get(), replayWindow).refusal(request, clock.instant());
            if (refusal.isPresent()) {
                return new EventTrigger.Rejected(401, refusal.get());
            }
        }
        Optional<Map<String, Object>> event = WebhookEvents.parse(request, clock.instant(), readers);
        if (event.isEmpty()) {
            return new EventTrigger.Rejected(400, "body is not JSON, or nests deeper than " + WebhookEvents.MAX_BODY_DEPTH
                    + " levels");
        }
        String delivery = readers.deliveryId(request).orElse(null);
        if (delivery == null) {
            return new EventTrigger.Accepted(event.get(), EventTrigger.Receipt.NONE);
        }
        return switch (deliveries.claim(delivery)) {
            case NEW -> new EventTrigger.Accepted(event.get(), deliveries.receipt(delivery));
            case QUEUED_BEFORE -> new EventTrigger.Duplicate(delivery);
            case IN_PROGRESS -> new EventTrigger.Busy("delivery " + delivery + " is being accepted by another request",
                    Duration.ofSeconds(1));
        };
    }
}
