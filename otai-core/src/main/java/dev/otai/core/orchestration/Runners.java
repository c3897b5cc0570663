package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runners of an engine, read from the assembled tree when the engine starts, each with its one
 * {@link RunnerRuntime} (busy state, event queue, retries, skip counts), the triggers they listen to, the
 * timetable their retries go to, and the threads their runs take. Every way of running a config uses these same
 * objects: the {@link Orchestrator} ({@code otai run}), {@link RunOnce} ({@code otai run --once}) and tests. A
 * reload {@link #replace replaces} the roster at once: unchanged runners keep their runtime; a changed runner gets
 * a new runtime that starts its first run only once the old one is idle; the old and removed ones retire.
 */
public final class Runners implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Runners.class);

    /** The runners that take fires now, the triggers they listen to, and who observes which trigger. */
    private record Roster(List<RunnerRuntime> runtimes, Map<String, List<RunnerRuntime>> observers,
                          Map<String, PipeNode> triggers) {

        static Roster of(List<RunnerRuntime> runtimes, Map<String, PipeNode> triggers) {
            var byTrigger = new LinkedHashMap<String, List<RunnerRuntime>>();
            for (RunnerRuntime runtime : runtimes) {
                runtime.spec().triggerIds().forEach(id -> byTrigger.computeIfAbsent(id, k -> new ArrayList<>()).add(runtime));
            }
            byTrigger.replaceAll((id, list) -> List.copyOf(list));
            return new Roster(List.copyOf(runtimes), Collections.unmodifiableMap(byTrigger),
                    Collections.unmodifiableMap(new LinkedHashMap<>(triggers))); // config order
        }
    }

    private final Timetable timetable;
    private final ExecutorService executor;
    private final EngineListener listener;
    private final InstantSource clock;
    private final RunnerOwnership ownership;
    private final List<RunnerRuntime> retiring = new CopyOnWriteArrayList<>();
    private volatile Roster roster;
    private volatile Duration shutdownGrace;

    private Runners(Lineup lineup, InstantSource clock, EngineListener listener, RunnerOwnership ownership) {
        this.shutdownGrace = lineup.shutdownGrace();
        this.listener = listener;
        this.clock = clock;
        this.ownership = ownership;
        this.timetable = new Timetable();
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        var all = new ArrayList<RunnerRuntime>();
        lineup.runners().forEach(spec -> all.add(runtime(spec, null)));
        this.roster = Roster.of(all, lineup.triggers());
    }

    /**
     * Reads the runners of the root (orchestrator) pipe and builds their runtimes; a step that is not a runner
     * runs once at startup.
     */
    public static Runners of(PipeNode root, InstantSource clock, EngineListener listener) {
        return of(root, clock, listener, RunnerOwnership.ALONE);
    }

    /** As {@link #of(PipeNode, InstantSource, EngineListener)}, running only the runners {@code ownership} holds. */
    public static Runners of(PipeNode root, InstantSource clock, EngineListener listener, RunnerOwnership ownership) {
        return new Runners(Lineup.of(root), clock, listener, ownership);
    }

    private RunnerRuntime runtime(Runner spec, RunnerRuntime predecessor) {
        return new RunnerRuntime(spec, clock, executor, listener,
                (runner, retry) -> timetable.add(Timetable.Due.retry(runner, retry)), ownership, predecessor);
    }

    /**
     * Puts the runners of {@code next} in place of these, between two deliveries of the caller: a runner whose id
     * is kept and not in {@code changedRunners} keeps its runtime (its schedule, queue and counts); a changed one
     * gets a new runtime whose runs wait for the old one's to end; the old runtimes of changed and removed runners
     * stop taking fires and retire once their in-flight and queued runs have ended. Triggers kept and not in
     * {@code changedTriggers} keep their node, and with it their state.
     */
    Swap replace(Lineup next, Set<String> changedRunners, Set<String> changedTriggers) {
        Roster before = roster;
        var old = new LinkedHashMap<String, RunnerRuntime>();
        before.runtimes().forEach(runtime -> old.put(runtime.id(), runtime));
        var runtimes = new ArrayList<RunnerRuntime>();
        var swap = new Swap.Builder();
        for (Runner spec : next.runners()) {
            RunnerRuntime previous = old.remove(spec.id());
            if (previous != null && !changedRunners.contains(spec.id())) {
                runtimes.add(previous);
                swap.kept(spec.id());
                continue;
            }
            RunnerRuntime fresh = runtime(spec, previous);
            runtimes.add(fresh);
            swap.started(fresh);
            if (previous != null) {
                swap.changed(spec.id());
                retire(previous, swap);
            } else {
                swap.added(spec.id());
            }
        }
        old.values().forEach(removed -> {
            swap.removed(removed.id());
            retire(removed, swap);
        });
        var triggers = new LinkedHashMap<String, PipeNode>();
        next.triggers().forEach((id, node) -> triggers.put(id,
                before.triggers().containsKey(id) && !changedTriggers.contains(id) ? before.triggers().get(id) : node));
        retiring.removeIf(RunnerRuntime::idle);
        roster = Roster.of(runtimes, triggers);
        shutdownGrace = next.shutdownGrace();
        return swap.build();
    }

    private void retire(RunnerRuntime runtime, Swap.Builder swap) {
        int waiting = runtime.stopAccepting();
        retiring.add(runtime);
        swap.retiring(runtime);
        if (runtime.inFlight() > 0 || waiting > 0) {
            log.info("Runner '{}' finishes its {} run(s) in flight and {} queued event(s) under the config it started with",
                    runtime.id(), runtime.inFlight(), waiting);
        }
    }

    /** The runners as configured, in config order. */
    public List<Runner> all() {
        return roster.runtimes().stream().map(RunnerRuntime::spec).toList();
    }

    /** Ids of the triggers that take events over HTTP (webhook, manual); when there are any, the engine needs its HTTP server. */
    public Set<String> eventTriggerIds() {
        var ids = new LinkedHashSet<String>();
        roster.triggers().forEach((id, trigger) -> {
            if (trigger.role(EventTrigger.class).isPresent()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The trigger with this id as configured (its {@code use} says what kind it is); empty when no runner names it. */
    public Optional<PipeNode> trigger(String id) {
        return Optional.ofNullable(roster.triggers().get(id));
    }

    List<RunnerRuntime> runtimes() {
        return roster.runtimes();
    }

    /** The runners that take fires and those a reload retired and that may still be running. */
    List<RunnerRuntime> everyRuntime() {
        var all = new ArrayList<>(roster.runtimes());
        all.addAll(retiring);
        return all;
    }

    /** The runtime that now runs the runner {@code runtime} ran: itself, its successor after a reload, or none. */
    Optional<RunnerRuntime> current(RunnerRuntime runtime) {
        return roster.runtimes().stream().filter(r -> r.id().equals(runtime.id())).findFirst();
    }

    Map<String, PipeNode> triggers() {
        return roster.triggers();
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
        return roster.observers().getOrDefault(triggerId, List.of());
    }

    /** Reports that {@code triggerId} fired without handing the fire to the runners (a stored event, clustered mode). */
    void reportFired(String triggerId, Instant at) {
        listener.on(new EngineEvent.TriggerFired(triggerId, at));
    }

    /** Fires {@code triggerId}: reported once, then handed to every runner that names it. */
    void fire(String triggerId, Map<String, Object> event, Instant at, boolean queueable) {
        listener.on(new EngineEvent.TriggerFired(triggerId, at));
        for (RunnerRuntime runner : observing(triggerId)) {
            runner.fire(new Fire(triggerId, event, at, queueable, 1));
        }
    }

    /** The ids of the runners as configured, in config order. */
    public List<String> ids() {
        return roster.runtimes().stream().map(RunnerRuntime::id).toList();
    }

    /** Whether runner {@code runnerId} has no run in flight or queued, under its current or a retired config. */
    public boolean idle(String runnerId) {
        return everyRuntime().stream().filter(r -> r.id().equals(runnerId)).allMatch(RunnerRuntime::idle);
    }

    /** Which runners this engine holds; {@link RunnerOwnership#ALONE} outside a cluster. */
    public RunnerOwnership ownership() {
        return ownership;
    }

    /** Runner state for health checks and tests. */
    public List<RunnerStatus> status() {
        return roster.runtimes().stream().map(r -> new RunnerStatus(r.id(), r.inFlight(), r.queued(), r.skipped())).toList();
    }

    /** Waits until no runner, retiring ones included, has a run in flight or queued; for tests and the run-once mode. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (RunnerRuntime runner : everyRuntime()) {
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
        return Resumption.resume(roster.runtimes(), journal, fingerprints, lifecycle, ownership);
    }

    /**
     * This node is gaining runner {@code runnerId}'s lease (a cluster): reads its interrupted runs now, before the
     * runner may run here, and returns the work that resumes them once it may (see {@link Resumption#onGain});
     * a no-op for a runner this config does not have.
     */
    public Runnable onGain(String runnerId, RunJournal journal, Map<String, String> fingerprints, Lifecycle lifecycle) {
        return roster.runtimes().stream().filter(r -> r.id().equals(runnerId)).findFirst()
                .map(runtime -> Resumption.onGain(runtime, journal, fingerprints, lifecycle))
                .orElse(() -> { });
    }
}
