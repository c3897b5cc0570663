package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules the engine's runners: starts every trigger, hands each fire to the runners attached to it, and waits
 * only until the next fire time, an event, or the stop signal. Nothing polls. {@link #start()} and
 * {@link #tick(Instant)} are the whole scheduling logic; {@link #run()} adds the waiting, so tests drive the first
 * two with a fake clock. Events come in through {@link EventDelivery}; the stop is {@link GracefulStop}'s.
 */
public final class Orchestrator {

    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

    private final Runners runners;
    private final InstantSource clock;
    private final Lifecycle lifecycle;
    private final EventDelivery events;
    private final Map<String, Trigger.Schedule> schedules = new LinkedHashMap<>();

    public Orchestrator(Runners runners, InstantSource clock, Lifecycle lifecycle) {
        this.runners = runners;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.events = new EventDelivery(runners, clock, lifecycle);
    }

    /** Asks each trigger how it fires, schedules the first fires, and starts the runners that have no trigger. */
    public void start() {
        Instant now = clock.instant();
        var atStart = new ArrayList<String>();
        for (var entry : runners.triggers().entrySet()) {
            String id = entry.getKey();
            PipeNode node = entry.getValue();
            Trigger.Firing firing = node.role(Trigger.class).orElseThrow().firing(node.render(PipeContext.empty()));
            switch (firing) {
                case Trigger.Timed timed -> {
                    schedules.put(id, timed.schedule());
                    timed.schedule().nextAfter(now).ifPresent(at -> runners.timetable().add(Timetable.Due.trigger(at, id)));
                    if (timed.atStart()) {
                        atStart.add(id);
                    }
                }
                case Trigger.OnEvent onEvent -> {
                    events.listen(id, node.render(PipeContext.empty()));
                    if (onEvent.atStart()) {
                        atStart.add(id);
                    }
                }
            }
        }
        events.open();
        log.info("Orchestrator started: {} runners, {} triggers", runners.runtimes().size(), runners.triggers().size());
        runners.runtimes().stream().filter(RunnerRuntime::runsAtStartup)
                .forEach(runner -> runner.fire(new Fire("", Map.of(), now, false, 1)));
        atStart.forEach(id -> runners.fire(id, Map.of(), now, false));
    }

    /** Fires every trigger whose time has come, and reschedules it; returns the next time anything is due. */
    public Optional<Instant> tick(Instant now) {
        Timetable timetable = runners.timetable();
        while (!lifecycle.stopRequested()) {
            Optional<Timetable.Due> taken = timetable.takeDue(now);
            if (taken.isEmpty()) {
                break;
            }
            Timetable.Due due = taken.get();
            if (due.isRetry()) {
                due.retryOf().fire(due.retry());
                continue;
            }
            schedules.get(due.triggerId()).nextAfter(now)
                    .ifPresent(at -> timetable.add(Timetable.Due.trigger(at, due.triggerId())));
            runners.fire(due.triggerId(), Map.of(), due.at(), false);
        }
        return timetable.next();
    }

    /**
     * Runs until the lifecycle asks to stop, then stops cleanly: no new runs, in-flight runs get the grace
     * period to finish, the rest are cancelled.
     */
    public void run() throws InterruptedException {
        Timetable timetable = runners.timetable();
        lifecycle.onStop(timetable::wake);
        start();
        while (!lifecycle.stopRequested()) {
            tick(clock.instant());
            timetable.awaitChange(clock, lifecycle::stopRequested);
        }
        stop();
    }

    /** Stops taking fires and events and lets the runners finish within the grace period ({@link GracefulStop}). */
    public void stop() throws InterruptedException {
        GracefulStop.stop(runners, events);
    }

    EventTrigger.Verdict accept(String triggerId, EventTrigger.Request request) {
        return events.accept(triggerId, request);
    }

    boolean takesEvents(String triggerId) {
        return events.takesEvents(triggerId);
    }

    /** Delivers an event to every runner of a trigger or to none ({@link EventDelivery#deliver}). */
    EventDelivery.Outcome deliver(String triggerId, Map<String, Object> event) {
        return events.deliver(triggerId, event);
    }

    /** When the time trigger {@code triggerId} fires next; empty for event triggers and triggers that are done. */
    public Optional<Instant> nextFire(String triggerId) {
        return runners.timetable().nextFire(triggerId);
    }

    /** Runner state for health checks and tests. */
    public List<RunnerStatus> status() {
        return runners.status();
    }

    /** Waits until no runner has a run in flight or queued; for tests. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return runners.awaitIdle(timeout);
    }
}
