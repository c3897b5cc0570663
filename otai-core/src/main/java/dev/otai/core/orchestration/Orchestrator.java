package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.Trigger;
import dev.otai.core.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts every trigger, dispatches each fire to the runners attached to it, and waits: only until the next fire
 * time, an event, or the stop signal. Nothing polls. {@link #start()} and {@link #tick(Instant)} are the whole
 * scheduling logic; {@link #run()} adds the waiting, so tests drive the first two with a fake clock.
 */
public final class Orchestrator {

    private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);
    /** The trigger id of the runs of {@link #runEachOnce()}. */
    static final String ONCE = "once";

    private record Due(Instant at, String triggerId, RunnerRuntime retryOf, Fire retry) {
    }

    /** What became of a delivered event. */
    public enum Delivery {
        /** Every runner attached to the trigger runs it now or has queued it; it will run. */
        QUEUED,
        /** A runner's queue is full; nothing was queued, the sender should retry later. */
        QUEUE_FULL,
        /** The engine is stopping; nothing was queued. */
        STOPPING,
        /** No runner listens to that trigger. */
        NO_RUNNER
    }

    private final InstantSource clock;
    private final Lifecycle lifecycle;
    private final Duration grace;
    private final ExecutorService executor;
    private final EngineListener listener;
    private final Map<String, PipeNode> triggers;
    private final Map<String, Trigger.Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, Params> eventTriggers = new ConcurrentHashMap<>();
    private final Map<String, List<RunnerRuntime>> observers = new LinkedHashMap<>();
    private final List<RunnerRuntime> runners = new ArrayList<>();
    private final List<RunnerRuntime> startupRunners = new ArrayList<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) -> a.at().compareTo(b.at()));
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean started;
    /** Held while events are delivered and while runners stop taking them, so that no delivery is half done. */
    private final ReentrantLock deliveries = new ReentrantLock();

    Orchestrator(List<Runner> runnerSpecs, Map<String, PipeNode> triggers, InstantSource clock, Lifecycle lifecycle,
                        Duration grace, ExecutorService executor, EngineListener listener) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.grace = grace;
        this.executor = executor;
        this.listener = listener;
        this.triggers = Map.copyOf(triggers);
        for (Runner spec : runnerSpecs) {
            var runtime = new RunnerRuntime(spec.id(), spec.run(), spec.settings(), clock, executor, listener, this::scheduleRetry);
            runners.add(runtime);
            if (spec.triggerIds().isEmpty()) {
                startupRunners.add(runtime);
            }
            spec.triggerIds().forEach(id -> observers.computeIfAbsent(id, k -> new ArrayList<>()).add(runtime));
        }
    }

    /** Asks each trigger how it fires, schedules the first fires, and starts the runners that have no trigger. */
    public void start() {
        Instant now = clock.instant();
        var atStart = new ArrayList<String>();
        for (var entry : triggers.entrySet()) {
            Trigger trigger = entry.getValue().role(Trigger.class).orElseThrow();
            Trigger.Firing firing = trigger.firing(entry.getValue().render(PipeContext.empty()));
            switch (firing) {
                case Trigger.Timed timed -> {
                    schedules.put(entry.getKey(), timed.schedule());
                    timed.schedule().nextAfter(now).ifPresent(at -> enqueue(new Due(at, entry.getKey(), null, null)));
                    if (timed.atStart()) {
                        atStart.add(entry.getKey());
                    }
                }
                case Trigger.OnEvent onEvent -> {
                    eventTriggers.put(entry.getKey(), entry.getValue().render(PipeContext.empty()));
                    if (onEvent.atStart()) {
                        atStart.add(entry.getKey());
                    }
                }
            }
        }
        started = true;
        log.info("Orchestrator started: {} runners, {} triggers", runners.size(), triggers.size());
        startupRunners.forEach(runner -> runner.fire(new Fire("", Map.of(), now, false, 1)));
        atStart.forEach(id -> fire(id, Map.of(), now, false));
    }

    /** Fires every trigger whose time has come, and reschedules it; returns the next time anything is due. */
    public Optional<Instant> tick(Instant now) {
        while (true) {
            Due due;
            lock.lock();
            try {
                due = queue.peek();
                if (due == null || due.at().isAfter(now) || lifecycle.stopRequested()) {
                    return due == null ? Optional.empty() : Optional.of(due.at());
                }
                queue.poll();
            } finally {
                lock.unlock();
            }
            if (due.retryOf() != null) {
                due.retryOf().fire(due.retry());
                continue;
            }
            schedules.get(due.triggerId()).nextAfter(now).ifPresent(at -> enqueue(new Due(at, due.triggerId(), null, null)));
            fire(due.triggerId(), Map.of(), due.at(), false);
        }
    }

    /** Lets an event trigger check a request; 404 when {@code triggerId} is not an event trigger of this config. */
    EventTrigger.Verdict accept(String triggerId, EventTrigger.Request request) {
        if (!started) {
            return new EventTrigger.Busy("the engine is starting", Duration.ofSeconds(5));
        }
        Params params = eventTriggers.get(triggerId);
        PipeNode node = triggers.get(triggerId);
        Optional<EventTrigger> trigger = node == null ? Optional.empty() : node.role(EventTrigger.class);
        if (params == null || trigger.isEmpty()) {
            return new EventTrigger.Rejected(404, "no webhook or manual trigger with id '" + triggerId + "'");
        }
        return trigger.get().accept(request, params);
    }

    /** Whether {@code triggerId} is a trigger of this config that takes HTTP events. */
    boolean takesEvents(String triggerId) {
        return started && eventTriggers.containsKey(triggerId);
    }

    /**
     * Delivers an event to the runners of a trigger (webhook, manual), to all of them or to none: when one
     * runner's queue is full or the engine is stopping, nothing is queued.
     */
    public Delivery deliver(String triggerId, Map<String, Object> event) {
        List<RunnerRuntime> listening = observers.get(triggerId);
        if (listening == null) {
            return Delivery.NO_RUNNER;
        }
        deliveries.lock();
        try {
            if (lifecycle.stopRequested()) {
                return Delivery.STOPPING;
            }
            if (!listening.stream().allMatch(RunnerRuntime::hasRoomForEvent)) {
                return Delivery.QUEUE_FULL;
            }
            fire(triggerId, event, clock.instant(), true);
            return Delivery.QUEUED;
        } finally {
            deliveries.unlock();
        }
    }

    private void fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable) {
        listener.on(new EngineEvent.TriggerFired(triggerId, at));
        for (RunnerRuntime runner : observers.getOrDefault(triggerId, List.of())) {
            runner.fire(new Fire(triggerId, event, at, queueable, 1));
        }
    }

    private void scheduleRetry(RunnerRuntime runner, Fire retry) {
        enqueue(new Due(retry.at(), retry.triggerId(), runner, retry));
    }

    private void enqueue(Due due) {
        lock.lock();
        try {
            queue.add(due);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs until the lifecycle asks to stop, then stops cleanly: no new runs, in-flight runs get the grace
     * period to finish, the rest are cancelled.
     */
    public void run() throws InterruptedException {
        lifecycle.onStop(this::wake);
        start();
        while (!lifecycle.stopRequested()) {
            tick(clock.instant());
            lock.lock();
            try {
                if (lifecycle.stopRequested()) {
                    break;
                }
                Due next = queue.peek();
                if (next == null) {
                    changed.await();
                } else {
                    long nanos = Duration.between(clock.instant(), next.at()).toNanos();
                    if (nanos > 0) {
                        changed.awaitNanos(nanos);
                    }
                }
            } finally {
                lock.unlock();
            }
        }
        stop();
    }

    /**
     * Runs each runner once, in order, now, ignoring triggers (for {@code otai run --once}): the same runs as a
     * fire would start, with the trigger id {@code once}. A failed run with retries left is retried per the runner's
     * policy, waiting as {@link #run()} waits, before the next runner starts. A stop request ends it after the run in
     * flight; the runners not yet run are left out of the outcomes.
     */
    public List<RunnerOutcome> runEachOnce() {
        lifecycle.onStop(this::wake);
        var outcomes = new ArrayList<RunnerOutcome>();
        try {
            for (RunnerRuntime runner : runners) {
                if (lifecycle.stopRequested()) {
                    break;
                }
                runner.fire(new Fire(ONCE, Map.of(), clock.instant(), false, 1));
                awaitRunAndRetries(runner);
                runner.lastOutcome().ifPresent(outcomes::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdownNow();
        }
        return outcomes;
    }

    /** Waits until the runner's run and the retries it schedules are over; only retries are ever queued here. */
    private void awaitRunAndRetries(RunnerRuntime runner) throws InterruptedException {
        while (true) {
            runner.awaitIdle();
            lock.lock();
            try {
                Due next = queue.peek();
                if (next == null || lifecycle.stopRequested()) {
                    return;
                }
                long nanos = Duration.between(clock.instant(), next.at()).toNanos();
                if (nanos > 0) {
                    changed.awaitNanos(nanos);
                    continue;
                }
            } finally {
                lock.unlock();
            }
            tick(clock.instant());
        }
    }

    /**
     * Stops taking fires and events; events already accepted (queued) still run, and in-flight runs finish, within
     * the grace period. Past it, queued events are given up (counted at WARN) and in-flight runs are cancelled.
     */
    public void stop() throws InterruptedException {
        int waiting = 0;
        deliveries.lock();
        try {
            for (RunnerRuntime runner : runners) {
                waiting += runner.stopAccepting();
            }
        } finally {
            deliveries.unlock();
        }
        String within = Durations.format(grace);
        if (waiting > 0) {
            log.info("Stopping: {} accepted events still wait and run first (grace period {})", waiting, within);
        }
        warnAboutDroppedRetries();
        long deadline = System.nanoTime() + grace.toNanos();
        boolean idle = true;
        for (RunnerRuntime runner : runners) {
            idle &= runner.awaitIdle(Math.max(0, deadline - System.nanoTime()));
        }
        if (!idle) {
            int notRun = 0;
            for (RunnerRuntime runner : runners) {
                notRun += runner.abandon();
            }
            if (notRun > 0) {
                log.warn("Stopping: {} accepted events were not run within the {} grace period", notRun, within);
            }
            log.warn("Stopping: runs still in flight after the {} grace period are cancelled", within);
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } else {
            executor.shutdown();
        }
        log.info("Orchestrator stopped");
    }

    private void warnAboutDroppedRetries() {
        long retries;
        lock.lock();
        try {
            retries = queue.stream().filter(due -> due.retryOf() != null).count();
        } finally {
            lock.unlock();
        }
        if (retries > 0) {
            log.warn("Stopping: {} scheduled retries of failed runs will not run", retries);
        }
    }

    /** Runner state for health checks and tests. */
    public List<RunnerStatus> status() {
        return runners.stream().map(r -> new RunnerStatus(r.id(), r.inFlight(), r.queued(), r.skipped())).toList();
    }

    /** Waits until no runner has a run in flight or queued; for tests and the run-once mode. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RunnerRuntime runner : runners) {
            if (!runner.awaitIdle(Math.max(0, deadline - System.nanoTime()))) {
                return false;
            }
        }
        return true;
    }

    public record RunnerStatus(String id, int running, int queued, long skippedFires) {
    }
}
