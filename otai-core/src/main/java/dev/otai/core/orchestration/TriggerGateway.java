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

    /** Delivers an event; false when no running orchestrator has a runner listening to {@code triggerId}. */
    public boolean deliver(String triggerId, Map<String, Object> event) {
        Orchestrator orchestrator = current.get();
        return orchestrator != null && orchestrator.deliver(triggerId, event);
    }

    public Optional<Orchestrator> orchestrator() {
        return Optional.ofNullable(current.get());
    }
}
