package dev.otai.core.engine;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeNode;
import dev.otai.api.PipeResult;
import dev.otai.api.RunInfo;
import dev.otai.core.assembly.Assembly;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.assembly.Instantiator;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.OrchestratorPipe;
import dev.otai.core.orchestration.TriggerGateway;
import dev.otai.core.orchestration.WebhookReaders;
import dev.otai.core.template.TemplateEngine;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running config: its services and pipe tree, created from a valid blueprint. {@link #run()} runs the root pipe
 * (the orchestrator) until the lifecycle stops it; {@link #runOnce()} runs each runner's pipe once, now.
 */
public final class Engine implements AutoCloseable {

    private final Assembly assembly;
    private final TriggerGateway gateway;
    private final Lifecycle lifecycle;
    private final InstantSource clock;
    private final EngineListener listener;

    private Engine(Assembly assembly, TriggerGateway gateway, Lifecycle lifecycle, InstantSource clock,
                   EngineListener listener) {
        this.assembly = assembly;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Creates services and pipes; facilities beyond the standard ones may be added by the caller. Templates render
     * with the limits of the config's {@code infrastructure.templates}.
     */
    public static Engine start(Blueprint blueprint, TemplateEngine engineTemplates, InstantSource clock, Lifecycle lifecycle,
                               EngineListener listener, Facilities.Builder extra) {
        TemplateEngine templates = engineTemplates.withLimits(blueprint.config().templates());
        var gateway = new TriggerGateway();
        Facilities facilities = extra
                .add(InstantSource.class, clock)
                .add(TemplateEngine.class, templates)
                .add(Lifecycle.class, lifecycle)
                .add(EngineListener.class, listener)
                .add(TriggerGateway.class, gateway)
                .add(WebhookReaders.class, new WebhookReaders(blueprint.webhookReaders()))
                .build();
        return new Engine(Instantiator.instantiate(blueprint, templates, facilities), gateway, lifecycle, clock, listener);
    }

    public static Engine start(Blueprint blueprint, TemplateEngine templates, InstantSource clock, Lifecycle lifecycle,
                               EngineListener listener) {
        return start(blueprint, templates, clock, lifecycle, listener, Facilities.builder());
    }

    public Assembly assembly() {
        return assembly;
    }

    public TriggerGateway gateway() {
        return gateway;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** Ids of triggers that receive events over HTTP; when there are any, the engine needs its HTTP server. */
    public java.util.Set<String> eventTriggerIds() {
        return OrchestratorPipe.eventTriggerIds(assembly.root().render(PipeContext.empty()));
    }

    /** Runs the root pipe until stopped. */
    public PipeResult run() {
        return assembly.root().run(PipeContext.empty());
    }

    /** The outcome of one runner in {@link #runOnce()}. */
    public record RunnerOutcome(String runnerId, PipeResult result, Duration duration) {
    }

    /** Runs every runner's {@code run} pipe once, in order, ignoring triggers; each run is reported to the listener. */
    public List<RunnerOutcome> runOnce() {
        var outcomes = new ArrayList<RunnerOutcome>();
        for (Map.Entry<String, PipeNode> runner : OrchestratorPipe.runPipes(assembly.root().render(PipeContext.empty()))) {
            long start = System.nanoTime();
            String runId = UUID.randomUUID().toString().substring(0, 8);
            PipeContext context = PipeContext.forRun(new RunInfo(runner.getKey(), runId, "once", false))
                    .withValue("trigger", "once")
                    .withValue("event", Map.of());
            listener.on(new EngineEvent.RunStarted(runner.getKey(), runId, "once", clock.instant()));
            PipeResult result = runner.getValue().run(context);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            listener.on(new EngineEvent.RunFinished(runner.getKey(), runId, "once", result, took, 1));
            outcomes.add(new RunnerOutcome(runner.getKey(), result, took));
        }
        return outcomes;
    }

    @Override
    public void close() {
        assembly.close();
    }
}
