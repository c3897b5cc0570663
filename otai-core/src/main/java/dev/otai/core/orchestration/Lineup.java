package dev.otai.core.orchestration;

import dev.otai.api.Params;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runners of an assembled root (orchestrator) pipe, as configured: each step, the triggers the steps name (in
 * config order, shared ones once) and the shutdown grace period. A step that is not a runner runs once at startup.
 */
record Lineup(List<Runner> runners, Map<String, PipeNode> triggers, Duration shutdownGrace) {

    Lineup {
        runners = List.copyOf(runners);
        triggers = Collections.unmodifiableMap(new LinkedHashMap<>(triggers));
    }

    static Lineup of(PipeNode root) {
        Params params = root.render(PipeContext.empty());
        var specs = new ArrayList<Runner>();
        var triggers = new LinkedHashMap<String, PipeNode>();
        for (PipeNode step : params.get(OrchestratorPipe.STEPS)) {
            specs.add(runner(step, triggers));
        }
        return new Lineup(specs, triggers, params.get(OrchestratorPipe.SHUTDOWN_GRACE));
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
}
