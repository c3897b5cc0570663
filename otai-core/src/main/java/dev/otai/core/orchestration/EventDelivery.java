package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.Params;
import dev.otai.api.PipeNode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How events from webhook and manual triggers reach the runners: a request is checked by its trigger, and an
 * accepted event is queued for every runner of the trigger or for none. Closing it for a stop is atomic with
 * deliveries, so no delivery is ever half done. In clustered mode (an {@link EventInbox}) an accepted event is
 * stored instead, once for every runner of the trigger, and the owner of each runner claims and runs it
 * ({@link InboxClaims}).
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
        NO_RUNNER,
        /** The database could not store it (clustered mode); nothing was stored, the sender should retry later. */
        UNREACHABLE
    }

    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private final Runners runners;
    private final InstantSource clock;
    private final Lifecycle lifecycle;
    private final Map<String, Params> eventTriggers = new ConcurrentHashMap<>();
    private final ReentrantLock deliveries = new ReentrantLock();
    private final Optional<EventInbox> inbox;
    private final Optional<InboxClaims> claims;
    private volatile boolean open;

    EventDelivery(Runners runners, InstantSource clock, Lifecycle lifecycle) {
        this(runners, clock, lifecycle, Optional.empty(), RunnerOwnership.ALONE);
    }

    EventDelivery(Runners runners, InstantSource clock, Lifecycle lifecycle, Optional<EventInbox> inbox,
                  RunnerOwnership ownership) {
        this.runners = runners;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.inbox = inbox;
        this.claims = inbox.map(stored -> new InboxClaims(stored, ownership, runners, clock));
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
        claims.ifPresent(InboxClaims::start);
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
        if (inbox.isPresent()) {
            return store(inbox.get(), triggerId, listening, event);
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

    /**
     * Stores the event for every runner of the trigger or for none, committed before it returns. A runner's bound
     * is its concurrency plus its queue's: how many of its events may wait unfinished across the cluster.
     */
    private Outcome store(EventInbox stored, String triggerId, List<RunnerRuntime> listening, Map<String, Object> event) {
        if (lifecycle.stopRequested()) {
            return Outcome.STOPPING;
        }
        var bounds = new LinkedHashMap<String, Integer>();
        listening.forEach(runner -> bounds.put(runner.id(), runner.settings().concurrency() + runner.settings().maxQueuedEvents()));
        try {
            if (!stored.store(triggerId, bounds, event)) {
                return Outcome.QUEUE_FULL;
            }
        } catch (EventInbox.Unreachable e) {
            log.warn("An event of trigger '{}' was refused (503, the sender retries): {}", triggerId, e.getMessage());
            return Outcome.UNREACHABLE;
        }
        runners.reportFired(triggerId, clock.instant());
        return Outcome.QUEUED;
    }

    /**
     * Stops every runner taking fires, between deliveries; returns how many accepted events still wait to run. In
     * clustered mode it first stops claiming and gives the claimed events that have not started back to pending,
     * for the runners' next owners.
     */
    int closeForStop() throws InterruptedException {
        if (claims.isPresent()) {
            int given = claims.get().stop();
            if (given > 0) {
                log.info("Stopping: {} claimed events that had not started go back to the database for the runners' next owners",
                        given);
            }
        }
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
