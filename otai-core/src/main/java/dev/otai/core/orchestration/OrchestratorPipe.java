package dev.otai.core.orchestration;

import dev.otai.api.EventTrigger;
import dev.otai.api.ParamKind;
import dev.otai.api.ParamSpec;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeSetup;
import dev.otai.api.PipeType;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The root pipe: runs its runners until the engine is asked to stop. OTAI's {@code orchestrator_sleep},
 * {@code exception_sleep} and {@code always_retry} are accepted and have nothing to tune: nothing polls, and a
 * failing runner never stops the others.
 */
public final class OrchestratorPipe implements Pipe {

    public static final PipeType TYPE = new PipeType() {
        @Override
        public String name() {
            return "SimpleSequentialOrchestrator";
        }

        @Override
        public String description() {
            return "The root pipe: starts triggers and runs each runner when its triggers fire, until stopped.";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.of("steps", ParamKind.PIPES).aliasedAs("runners").describedAs("the runners"),
                    ParamSpec.duration("shutdown_grace").defaultsTo(Duration.ofSeconds(30))
                            .constrained(v -> !((Duration) v).isNegative(), "a duration of zero or more")
                            .describedAs("how long in-flight runs may take to finish after a stop signal"),
                    ParamSpec.duration("orchestrator_sleep").describedAs("accepted for OTAI configs; nothing polls, so it has no effect"),
                    ParamSpec.duration("exception_sleep").describedAs("accepted for OTAI configs; failing runners are isolated and retried by their own schedule"),
                    ParamSpec.bool("always_retry").describedAs("accepted for OTAI configs; a failing runner never stops the engine"));
        }

        @Override
        public boolean independentChildren() {
            return true;
        }

        @Override
        public Pipe create(PipeSetup setup) {
            return new OrchestratorPipe(setup.facility(InstantSource.class), setup.facility(Lifecycle.class),
                    setup.facility(EngineListener.class), setup.facility(TriggerGateway.class));
        }
    };

    private final InstantSource clock;
    private final Lifecycle lifecycle;
    private final EngineListener listener;
    private final TriggerGateway gateway;

    OrchestratorPipe(InstantSource clock, Lifecycle lifecycle, EngineListener listener, TriggerGateway gateway) {
        this.clock = clock;
        this.lifecycle = lifecycle;
        this.listener = listener;
        this.gateway = gateway;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        Orchestrator orchestrator = orchestrator(params, clock, lifecycle, listener);
        gateway.attach(orchestrator);
        try {
            orchestrator.run();
        } finally {
            gateway.detach(orchestrator);
        }
        return PipeResult.success("stopped", Map.of());
    }

    /** Builds the orchestrator for the runners of rendered orchestrator params. */
    public static Orchestrator orchestrator(Params params, InstantSource clock, Lifecycle lifecycle, EngineListener listener) {
        var runners = new ArrayList<Orchestrator.Runner>();
        var triggers = new LinkedHashMap<String, PipeNode>();
        for (PipeNode step : params.pipes("steps")) {
            runners.add(runner(step, triggers));
        }
        return new Orchestrator(runners, triggers, clock, lifecycle, params.duration("shutdown_grace"),
                Executors.newVirtualThreadPerTaskExecutor(), listener);
    }

    private static Orchestrator.Runner runner(PipeNode step, Map<String, PipeNode> triggers) {
        if (step.role(RunnerPipe.class).isEmpty()) {
            return new Orchestrator.Runner(step.id(), List.of(), step, RunnerSettings.DEFAULTS);
        }
        Params params = step.render(PipeContext.empty());
        var ids = new ArrayList<String>();
        for (PipeNode trigger : params.pipes("on")) {
            triggers.putIfAbsent(trigger.id(), trigger);
            ids.add(trigger.id());
        }
        return new Orchestrator.Runner(step.id(), ids, params.pipe("run"), RunnerPipe.settings(params));
    }

    /** Ids of the triggers of rendered orchestrator params that take events over HTTP (webhook, manual). */
    public static java.util.Set<String> eventTriggerIds(Params params) {
        var ids = new java.util.LinkedHashSet<String>();
        for (PipeNode step : params.pipes("steps")) {
            if (step.role(RunnerPipe.class).isPresent()) {
                step.render(PipeContext.empty()).pipes("on").stream()
                        .filter(trigger -> trigger.role(EventTrigger.class).isPresent())
                        .forEach(trigger -> ids.add(trigger.id()));
            }
        }
        return ids;
    }

    /** The runner nodes of rendered orchestrator params, with the pipe each runs: for {@code otai run --once}. */
    public static List<Map.Entry<String, PipeNode>> runPipes(Params params) {
        var out = new ArrayList<Map.Entry<String, PipeNode>>();
        for (PipeNode step : params.pipes("steps")) {
            PipeNode run = step.role(RunnerPipe.class).isPresent() ? step.render(PipeContext.empty()).pipe("run") : step;
            out.add(Map.entry(step.id(), run));
        }
        return out;
    }
}
