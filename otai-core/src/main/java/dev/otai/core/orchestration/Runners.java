package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * The runners of an assembled tree, the triggers they listen to and the orchestrator's shutdown grace, read once
 * when the engine starts. Every way of running a config builds its {@link Orchestrator} from here: the
 * orchestrator pipe ({@code otai run}), {@code otai run --once} and tests.
 */
public final class Runners {

    private final List<Runner> runners;
    private final Map<String, PipeNode> triggers;
    private final Duration shutdownGrace;

    private Runners(List<Runner> runners, Map<String, PipeNode> triggers, Duration shutdownGrace) {
        this.runners = List.copyOf(runners);
        this.triggers = Collections.unmodifiableMap(new LinkedHashMap<>(triggers)); // config order
        this.shutdownGrace = shutdownGrace;
    }

    /** Reads the runners of the root (orchestrator) pipe; a step that is not a runner runs once at startup. */
    public static Runners of(PipeNode root) {
        Params params = root.render(PipeContext.empty());
        var runners = new ArrayList<Runner>();
        var triggers = new LinkedHashMap<String, PipeNode>();
        for (PipeNode step : params.pipes("steps")) {
            runners.add(runner(step, triggers));
        }
        return new Runners(runners, triggers, params.duration("shutdown_grace"));
    }

    private static Runner runner(PipeNode step, Map<String, PipeNode> triggers) {
        if (step.role(RunnerPipe.class).isEmpty()) {
            return new Runner(step.id(), List.of(), step, RunnerSettings.DEFAULTS);
        }
        Params params = step.render(PipeContext.empty());
        var ids = new ArrayList<String>();
        for (PipeNode trigger : params.pipes("on")) {
            triggers.putIfAbsent(trigger.id(), trigger);
            ids.add(trigger.id());
        }
        return new Runner(step.id(), ids, params.pipe("run"), RunnerPipe.settings(params));
    }

    public List<Runner> all() {
        return runners;
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

    /**
     * Continues the runs that a previous engine left unfinished, one after the other, now (see {@link Resumption});
     * {@code fingerprints} are the runners' pipe trees as configured now, by runner id.
     */
    public List<RunnerOutcome> resumeInterrupted(RunJournal journal, Map<String, String> fingerprints, InstantSource clock,
                                                 Lifecycle lifecycle, EngineListener listener) {
        return Resumption.resume(runners, journal, fingerprints, clock, lifecycle, listener);
    }

    /** A new orchestrator for these runners, with a fresh runtime per runner; not started. */
    public Orchestrator orchestrator(InstantSource clock, Lifecycle lifecycle, EngineListener listener) {
        return new Orchestrator(runners, triggers, clock, lifecycle, shutdownGrace,
                Executors.newVirtualThreadPerTaskExecutor(), listener);
    }
}
