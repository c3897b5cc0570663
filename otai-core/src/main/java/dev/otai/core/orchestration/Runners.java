package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The runners of an engine, read once from the assembled tree when the engine starts, each with its one
 * {@link RunnerRuntime} (busy state, event queue, retries, skip counts), the triggers they listen to, the
 * timetable their retries go to, and the threads their runs take. Every way of running a config uses these same
 * objects: the {@link Orchestrator} ({@code otai run}), {@link RunOnce} ({@code otai run --once}) and tests.
 */
public final class Runners implements AutoCloseable {

    private final List<RunnerRuntime> runtimes;
    private final Map<String, List<RunnerRuntime>> observers;
    private final Map<String, PipeNode> triggers;
    private final Duration shutdownGrace;
    private final Timetable timetable;
    private final ExecutorService executor;
    private final EngineListener listener;

    private Runners(List<Runner> specs, Map<String, PipeNode> triggers, Duration shutdownGrace, InstantSource clock,
                    EngineListener listener) {
        this.triggers = Collections.unmodifiableMap(new LinkedHashMap<>(triggers)); // config order
        this.shutdownGrace = shutdownGrace;
        this.listener = listener;
        this.timetable = new Timetable();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        var all = new ArrayList<RunnerRuntime>();
        var byTrigger = new LinkedHashMap<String, List<RunnerRuntime>>();
        for (Runner spec : specs) {
            var runtime = new RunnerRuntime(spec, clock, executor, listener,
                    (runner, retry) -> timetable.add(Timetable.Due.retry(runner, retry)));
            all.add(runtime);
            spec.triggerIds().forEach(id -> byTrigger.computeIfAbsent(id, k -> new ArrayList<>()).add(runtime));
        }
        this.runtimes = List.copyOf(all);
        byTrigger.replaceAll((id, list) -> List.copyOf(list));
        this.observers = Collections.unmodifiableMap(byTrigger);
    }

    /**
     * Reads the runners of the root (orchestrator) pipe and builds their runtimes; a step that is not a runner
     * runs once at startup.
     */
    public static Runners of(PipeNode root, InstantSource clock, EngineListener listener) {
        Params params = root.render(PipeContext.empty());
        var specs = new ArrayList<Runner>();
        var triggers = new LinkedHashMap<String, PipeNode>();
        for (PipeNode step : params.get(OrchestratorPipe.STEPS)) {
            specs.add(runner(step, triggers));
        }
        return new Runners(specs, triggers, params.get(OrchestratorPipe.SHUTDOWN_GRACE), clock, listener);
    }

    private static Runner runner(PipeNode step, Map<String, PipeNode> triggers) {
        if (step.role(RunnerPipe.class).isEmpty()) {
            return new Runner(step.id(), List.of(), step, RunnerSettings.DEFAULTS);
        }
        Params params = step.render(PipeContext.empty());
        var ids = new ArrayList<String>();
        for (PipeNode trigger : params.get(RunnerPipe.ON)) {
            triggers.putIfAbsent(trigger.id(), trigger);
            ids.add(trigger.id());
        }
        return new Runner(step.id(), ids, params.get(RunnerPipe.RUN), RunnerPipe.settings(params));
    }

    /** The runners as configured, in config order. */
    public List<Runner> all() {
        return runtimes.stream().map(RunnerRuntime::spec).toList();
    }

    /** Ids of the triggers that take events over HTTP (webhook, manual); when there are any, the engine needs its HTTP server. */
    public Set<String> eventTriggerIds() {
        var ids = new LinkedHashSet<String>();
        triggers.forEach((id, trigger) -> {
            if (trigger.role(EventTrigger.class).isPresent()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The trigger with this id as configured (its {@code use} says what kind it is); empty when no runner names it. */
    public Optional<PipeNode> trigger(String id) {
        return Optional.ofNullable(triggers.get(id));
    }

    List<RunnerRuntime> runtimes() {
        return runtimes;
    }

    Map<String, PipeNode> triggers() {
        return triggers;
    }

    Duration shutdownGrace() {
        return shutdownGrace;
    }

    Timetable timetable() {
        return timetable;
    }

    ExecutorService executor() {
        return executor;
    }

    /** The runners a fire of {@code triggerId} goes to; empty when none listens. */
    List<RunnerRuntime> observing(String triggerId) {
        return observers.getOrDefault(triggerId, List.of());
    }

    /** Fires {@code triggerId}: reported once, then handed to every runner that names it. */
    void fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable) {
        listener.on(new EngineEvent.TriggerFired(triggerId, at));
        for (RunnerRuntime runner : observing(triggerId)) {
            runner.fire(new Fire(triggerId, event, at, queueable, 1));
        }
    }

    /** Runner state for health checks and tests. */
    public List<RunnerStatus> status() {
        return runtimes.stream().map(r -> new RunnerStatus(r.id(), r.inFlight(), r.queued(), r.skipped())).toList();
    }

    /** Waits until no runner has a run in flight or queued; for tests and the run-once mode. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RunnerRuntime runner : runtimes) {
            if (!runner.awaitIdle(Math.max(0, deadline - System.nanoTime()))) {
                return false;
            }
        }
        return true;
    }

    /** Ends the runs' threads: whatever still runs is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /**
     * Continues the runs that a previous engine left unfinished, one after the other, now, through these runners'
     * runtimes (see {@link Resumption}); {@code fingerprints} are the runners' pipe trees as configured now, by id.
     */
    public List<RunnerOutcome> resumeInterrupted(RunJournal journal, Map<String, String> fingerprints, Lifecycle lifecycle) {
        return Resumption.resume(runtimes, journal, fingerprints, lifecycle);
    }
}
