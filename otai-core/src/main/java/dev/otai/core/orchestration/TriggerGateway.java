package dev.otai.core.orchestration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How events reach triggers of the running orchestrator: the HTTP server (webhooks, {@code otai trigger}) calls
 * {@link #deliver}; the orchestrator attaches itself while it runs.
 */
public final class TriggerGateway {

    private final AtomicReference<Orchestrator> current = new AtomicReference<>();

    void attach(Orchestrator orchestrator) {
        current.set(orchestrator);
    }

    void detach(Orchestrator orchestrator) {
        current.compareAndSet(orchestrator, null);
    }

    /**
     * Lets the trigger {@code triggerId} check an HTTP request and, when it accepts it, delivers the event.
     * Unknown ids, and triggers that do not take HTTP events, are 404.
     */
    public EventTrigger.Verdict receive(String triggerId, EventTrigger.Request request) {
        Orchestrator orchestrator = current.get();
        if (orchestrator == null) {
            return new EventTrigger.Rejected(503, "the engine is not running");
        }
        EventTrigger.Verdict verdict = orchestrator.accept(triggerId, request);
        if (verdict instanceof EventTrigger.Accepted accepted && !accepted.duplicate()
                && !orchestrator.deliver(triggerId, accepted.event())) {
            return new EventTrigger.Rejected(503, "the engine is stopping");
        }
        return verdict;
    }

    /** Delivers an event; false when no running orchestrator has a runner listening to {@code triggerId}. */
    public boolean deliver(String triggerId, Map<String, Object> event) {
        Orchestrator orchestrator = current.get();
        return orchestrator != null && orchestrator.deliver(triggerId, event);
    }

    public Optional<Orchestrator> orchestrator() {
        return Optional.ofNullable(current.get());
    }
}
