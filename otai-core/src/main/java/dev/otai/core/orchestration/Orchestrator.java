package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules the engine's runners: starts every trigger, hands each fire to the runners attached to it, and waits
 * only until the next fire time, an event, or the stop signal. Nothing polls. {@link #start()} and
 * {@link #tick(Instant)} are the whole scheduling logic; {@link #run()} adds the waiting, so tests drive the first
 * two with a fake clock. Events come in through {@link EventDelivery}; the stop is {@link GracefulStop}'s. A reload's
 * new runners ({@link #replace}) are put in place on the orchestrator's thread, at the start of a tick.
 */
public final class Orchestrator {

    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);

    private final Runners runners;
    private final InstantSource clock;
    private final Lifecycle lifecycle;
    private final EventDelivery events;
    private final Map<String, Trigger.Schedule> schedules = new ConcurrentHashMap<>();
    private final Queue<Replacement> replacements = new ConcurrentLinkedQueue<>();

    /** A reload waiting for the orchestrator's thread. */
    private record Replacement(PipeNode root, Set<String> changedRunners, Set<String> changedTriggers,
                               CompletableFuture<Swap> done) {
    }

    public Orchestrator(Runners runners, InstantSource clock, Lifecycle lifecycle) {
        this(runners, clock, lifecycle, Optional.empty(), RunnerOwnership.ALONE);
    }

    /**
     * An orchestrator whose events go through {@code inbox} when there is one (clustered mode: stored, then claimed
     * and run by the owner of each runner, as {@code ownership} says), and wait in memory otherwise.
     */
    public Orchestrator(Runners runners, InstantSource clock, Lifecycle lifecycle, Optional<EventInbox> inbox,
                        RunnerOwnership ownership) {
        this.runners = runners;
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.events = new EventDelivery(runners, clock, lifecycle, inbox, ownership);
    }

    /** Asks each trigger how it fires, schedules the first fires, and starts the runners that have no trigger. */
    public void start() {
        Instant now = clock.instant();
        var atStart = new ArrayList<String>();
        runners.triggers().forEach((id, node) -> {
            if (startTrigger(id, node, now)) {
                atStart.add(id);
            }
        });
        events.open();
        log.info("Orchestrator started: {} runners, {} triggers", runners.runtimes().size(), runners.triggers().size());
        startUp(runners.runtimes(), atStart, now);
    }

    /** Schedules a time trigger's first fire or starts taking a trigger's events; returns whether it fires at start. */
    private boolean startTrigger(String id, PipeNode node, Instant now) {
        Trigger.Firing firing = node.role(Trigger.class).orElseThrow().firing(node.render(PipeContext.empty()));
        return switch (firing) {
            case Trigger.Timed timed -> {
                schedules.put(id, timed.schedule());
                timed.schedule().nextAfter(now).ifPresent(at -> runners.timetable().add(Timetable.Due.trigger(at, id)));
                yield timed.atStart();
            }
            case Trigger.OnEvent onEvent -> {
                events.listen(id, node.render(PipeContext.empty()));
                yield onEvent.atStart();
            }
        };
    }

    /** Runs the runners without trigger once, and fires the triggers that fire at start. */
    private void startUp(List<RunnerRuntime> started, List<String> atStart, Instant now) {
        started.stream().filter(RunnerRuntime::runsAtStartup)
                .forEach(runner -> runner.fire(new Fire("", Map.of(), now, false, 1)));
        atStart.forEach(id -> runners.fire(id, Map.of(), now, false));
    }

    /**
     * Puts the runners of {@code root} (the root pipe of a reloaded config) in place of the running ones at the next
     * {@link #tick}, on the orchestrator's thread ({@link Runners#replace}): runners and triggers whose id is kept and
     * not named changed keep running and keep their schedule. New and changed triggers are started as at start;
     * new and changed runners without trigger run once. The future completes once the swap is in place (not once
     * the retiring runs have ended); it fails when the engine stops first or the new runners cannot be read.
     */
    public CompletableFuture<Swap> replace(PipeNode root, Set<String> changedRunners, Set<String> changedTriggers) {
        var replacement = new Replacement(root, Set.copyOf(changedRunners), Set.copyOf(changedTriggers),
                new CompletableFuture<>());
        replacements.add(replacement);
        if (lifecycle.stopRequested()) {
            refuseReplacements();
        }
        runners.timetable().wake();
        return replacement.done();
    }

    private void applyReplacements(Instant now) {
        Replacement next;
        while (!lifecycle.stopRequested() && (next = replacements.poll()) != null) {
            try {
                next.done().complete(apply(next, now));
            } catch (RuntimeException e) {
                next.done().completeExceptionally(e);
            }
        }
    }

    private Swap apply(Replacement replacement, Instant now) {
        Lineup next = Lineup.of(replacement.root());
        Map<String, PipeNode> before = runners.triggers();
        Set<String> changedTriggers = replacement.changedTriggers();
        var atStart = new ArrayList<String>();
        Swap swap = events.betweenDeliveries(() -> {
            before.keySet().stream().filter(id -> !next.triggers().containsKey(id) || changedTriggers.contains(id))
                    .forEach(id -> {
                        schedules.remove(id);
                        runners.timetable().removeTrigger(id);
                        events.unlisten(id);
                    });
            Swap done = runners.replace(next, replacement.changedRunners(), changedTriggers);
            runners.triggers().forEach((id, node) -> {
                if ((!before.containsKey(id) || changedTriggers.contains(id)) && startTrigger(id, node, now)) {
                    atStart.add(id);
                }
            });
            return done;
        });
        log.info("Runners reloaded: {}", swap);
        startUp(swap.started(), atStart, now);
        return swap;
    }

    private void refuseReplacements() {
        Replacement left;
        while ((left = replacements.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the engine is stopping"));
        }
    }

    /**
     * Puts a pending reload's runners in place, then fires every trigger whose time has come, and reschedules it;
     * returns the next time anything is due.
     */
    public Optional<Instant> tick(Instant now) {
        applyReplacements(now);
        Timetable timetable = runners.timetable();
        while (!lifecycle.stopRequested()) {
            Optional<Timetable.Due> taken = timetable.takeDue(now);
            if (taken.isEmpty()) {
                break;
            }
            Timetable.Due due = taken.get();
            if (due.isRetry()) {
                runners.current(due.retryOf()).ifPresentOrElse(runner -> runner.fire(due.retry()),
                        () -> log.info("Retry of runner '{}' dropped: a reload removed the runner", due.retryOf().id()));
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
            timetable.awaitChange(clock, () -> lifecycle.stopRequested() || !replacements.isEmpty());
        }
        stop();
    }

    /** Stops taking fires and events and lets the runners finish within the grace period ({@link GracefulStop}). */
    public void stop() throws InterruptedException {
        refuseReplacements();
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
