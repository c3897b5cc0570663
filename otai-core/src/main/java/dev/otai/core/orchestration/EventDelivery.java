package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.Params;
import dev.otai.api.PipeNode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How events from webhook and manual triggers reach the runners: a request is checked by its trigger, and an
 * accepted event is queued for every runner of the trigger or for none. Closing it for a stop is atomic with
 * deliveries, so no delivery is ever half done.
 */
final class EventDelivery {

    /** What became of a delivered event. */
    enum Outcome {
        /** Every runner attached to the trigger runs it now or has queued it; it will run. */
        QUEUED,
        /** A runner's queue is full; nothing was queued, the sender should retry later. */
        QUEUE_FULL,
        /** The engine is stopping; nothing was queued. */
        STOPPING,
        /** No runner listens to that trigger. */
        NO_RUNNER
    }

    private final Runners runners;
    private final InstantSource clock;
    private final Lifecycle lifecycle;
    private final Map<String, Params> eventTriggers = new ConcurrentHashMap<>();
    private final ReentrantLock deliveries = new ReentrantLock();
    private volatile boolean open;

    EventDelivery(Runners runners, InstantSource clock, Lifecycle lifecycle) {
        this.runners = runners;
        this.clock = clock;
        this.lifecycle = lifecycle;
    }

    /** Starts taking events for an event trigger, with the params it checks requests against. */
    void listen(String triggerId, Params params) {
        eventTriggers.put(triggerId, params);
    }

    /** Stops taking events for a trigger a reload removed or changed. */
    void unlisten(String triggerId) {
        eventTriggers.remove(triggerId);
    }

    /** Runs {@code change} between two deliveries, so that no delivery sees half of it. */
    <T> T betweenDeliveries(Supplier<T> change) {
        deliveries.lock();
        try {
            return change.get();
        } finally {
            deliveries.unlock();
        }
    }

    /** Opens delivery once every trigger is started. */
    void open() {
        open = true;
    }

    /** Lets an event trigger check a request; 404 when {@code triggerId} is not an event trigger of this config. */
    EventTrigger.Verdict accept(String triggerId, EventTrigger.Request request) {
        if (!open) {
            return new EventTrigger.Busy("the engine is starting", Duration.ofSeconds(5));
        }
        Params params = eventTriggers.get(triggerId);
        PipeNode node = runners.triggers().get(triggerId);
        Optional<EventTrigger> trigger = node == null ? Optional.empty() : node.role(EventTrigger.class);
        if (params == null || trigger.isEmpty()) {
            return new EventTrigger.Rejected(404, "no webhook or manual trigger with id '" + triggerId + "'");
        }
        return trigger.get().accept(request, params);
    }

    /** Whether {@code triggerId} is a trigger of this config that takes HTTP events. */
    boolean takesEvents(String triggerId) {
        return open && eventTriggers.containsKey(triggerId);
    }

    /**
     * Delivers an event to the runners of a trigger (webhook, manual), to all of them or to none: when one
     * runner's queue is full or the engine is stopping, nothing is queued.
     */
    Outcome deliver(String triggerId, Map<String, Object> event) {
        List<RunnerRuntime> listening = runners.observing(triggerId);
        if (listening.isEmpty()) {
            return Outcome.NO_RUNNER;
        }
        deliveries.lock();
        try {
            if (lifecycle.stopRequested()) {
                return Outcome.STOPPING;
            }
            if (!listening.stream().allMatch(RunnerRuntime::hasRoomForEvent)) {
                return Outcome.QUEUE_FULL;
            }
            runners.fire(triggerId, event, clock.instant(), true);
            return Outcome.QUEUED;
        } finally {
            deliveries.unlock();
        }
    }

    /** Stops every runner taking fires, between deliveries; returns how many accepted events still wait to run. */
    int closeForStop() {
        deliveries.lock();
        try {
            int waiting = 0;
            for (RunnerRuntime runner : runners.everyRuntime()) {
                waiting += runner.stopAccepting();
            }
            return waiting;
        } finally {
            deliveries.unlock();
        }
    }
}
