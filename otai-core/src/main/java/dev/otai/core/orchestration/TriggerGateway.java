package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How events reach triggers of the running orchestrator: the HTTP server (webhooks, {@code otai trigger}) calls
 * {@link #deliver}; the orchestrator attaches itself while it runs.
 */
public final class TriggerGateway {

    private static final Duration QUEUE_FULL_RETRY = Duration.ofSeconds(5);
    private static final Duration NOT_RUNNING_RETRY = Duration.ofSeconds(30);

    private final AtomicReference<Orchestrator> current = new AtomicReference<>();

    void attach(Orchestrator orchestrator) {
        current.set(orchestrator);
    }

    void detach(Orchestrator orchestrator) {
        current.compareAndSet(orchestrator, null);
    }

    /**
     * Lets the trigger {@code triggerId} check an HTTP request and, when it accepts it, delivers the event. An
     * accepted event is answered as accepted only once it is queued for its runners (in clustered mode: stored in
     * the database and committed); when it cannot be (a full queue, a stopping engine, an unreachable database) the answer is {@link EventTrigger.Busy}, so the sender retries and nothing is lost.
     * Unknown ids, and triggers that do not take HTTP events, are 404.
     */
    public EventTrigger.Verdict receive(String triggerId, EventTrigger.Request request) {
        Orchestrator orchestrator = current.get();
        if (orchestrator == null) {
            return new EventTrigger.Busy("the engine is not running", NOT_RUNNING_RETRY);
        }
        EventTrigger.Verdict verdict = orchestrator.accept(triggerId, request);
        if (!(verdict instanceof EventTrigger.Accepted accepted)) {
            return verdict;
        }
        EventDelivery.Outcome delivery = orchestrator.deliver(triggerId, accepted.event());
        if (delivery == EventDelivery.Outcome.QUEUED) {
            accepted.receipt().queued();
            return verdict;
        }
        accepted.receipt().refused();
        return switch (delivery) {
            case QUEUE_FULL -> new EventTrigger.Busy("the runner's event queue is full", QUEUE_FULL_RETRY);
            case STOPPING -> new EventTrigger.Busy("the engine is stopping", NOT_RUNNING_RETRY);
            case UNREACHABLE -> new EventTrigger.Busy("the database cannot store the event now", QUEUE_FULL_RETRY);
            case NO_RUNNER, QUEUED -> new EventTrigger.Rejected(404, "no runner listens to trigger '" + triggerId + "'");
        };
    }

    /** Whether {@code triggerId} names a trigger of the running orchestrator that takes HTTP events. */
    public boolean takesEvents(String triggerId) {
        Orchestrator orchestrator = current.get();
        return orchestrator != null && orchestrator.takesEvents(triggerId);
    }

    /** Delivers an event; false when it was not queued (no running orchestrator, no runner, full, stopping). */
    public boolean deliver(String triggerId, Map<String, Object> event) {
        Orchestrator orchestrator = current.get();
        return orchestrator != null && orchestrator.deliver(triggerId, event) == EventDelivery.Outcome.QUEUED;
    }

    public Optional<Orchestrator> orchestrator() {
        return Optional.ofNullable(current.get());
    }
}
