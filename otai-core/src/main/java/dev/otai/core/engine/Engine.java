package dev.otai.core.engine;

import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.core.assembly.Assembly;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.assembly.Facilities;
import dev.otai.core.assembly.Instantiator;
import dev.otai.core.assembly.PipeFingerprint;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.EventInbox;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.Orchestrator;
import dev.otai.core.orchestration.OrchestratorHandoff;
import dev.otai.core.orchestration.RunJournal;
import dev.otai.core.orchestration.RunOnce;
import dev.otai.core.orchestration.Runner;
import dev.otai.core.orchestration.RunnerOutcome;
import dev.otai.core.orchestration.RunnerOwnership;
import dev.otai.core.orchestration.Runners;
import dev.otai.core.orchestration.Swap;
import dev.otai.core.orchestration.TriggerGateway;
import dev.otai.core.orchestration.WebhookReaders;
import dev.otai.core.template.TemplateEngine;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A running config: its services, pipe tree and runners, created from a valid blueprint. Each runner's runtime
 * (busy state, event queue, retries) is built once, here, and used by every way of running: {@link #run()} runs
 * the root pipe, which runs {@link #orchestrator()} until the lifecycle stops it; {@link #runOnce()} runs each
 * runner once, now. {@link #reload} puts a new config in place while it runs.
 */
public final class Engine implements AutoCloseable {

    /**
     * What a reload did.
     *
     * @param runners     the runners kept, changed, added and removed
     * @param needRestart the infrastructure sections that changed and apply only at the next start
     */
    public record Reloaded(Swap runners, List<String> needRestart) {
        public Reloaded {
            needRestart = List.copyOf(needRestart);
        }
    }

    private final Runners runners;
    private final Orchestrator orchestrator;
    private final TriggerGateway gateway;
    private final Lifecycle lifecycle;
    private final InstantSource clock;
    private final RunJournal journal;
    private final Generations generations;
    private volatile Map<String, String> fingerprints;

    private Engine(Blueprint blueprint, Assembly assembly, Runners runners, Orchestrator orchestrator,
                   TriggerGateway gateway, Lifecycle lifecycle, InstantSource clock, TemplateEngine templates,
                   Facilities facilities) {
        this.runners = runners;
        this.orchestrator = orchestrator;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.journal = facilities.find(RunJournal.class).orElse(RunJournal.NONE);
        this.generations = new Generations(blueprint, assembly, orchestrator, templates, facilities, this::configureJournal);
        configureJournal();
    }

    private void configureJournal() {
        var byRunner = new LinkedHashMap<String, String>();
        runners.all().forEach((Runner runner) -> byRunner.put(runner.id(), PipeFingerprint.of(runner.run())));
        fingerprints = Map.copyOf(byRunner);
        journal.configured(byRunner);
    }

    /**
     * The start sequence: creates services and pipes, reads the runners from the tree once and builds their
     * runtimes and the orchestrator. Nothing runs yet; work that must happen before any trigger fires (resuming
     * interrupted runs) goes between this and {@link #run()} or {@link #runOnce()}. Facilities beyond the
     * standard ones may be added by the caller. Templates render with the limits of the config's
     * {@code infrastructure.templates}.
     */
    public static Engine start(Blueprint blueprint, TemplateEngine engineTemplates, InstantSource clock, Lifecycle lifecycle,
                               EngineListener listener, Facilities.Builder extra) {
        TemplateEngine templates = engineTemplates.withLimits(blueprint.config().templates());
        var gateway = new TriggerGateway();
        var handoff = new OrchestratorHandoff();
        Facilities facilities = extra
                .add(InstantSource.class, clock)
                .add(TemplateEngine.class, templates)
                .add(Lifecycle.class, lifecycle)
                .add(EngineListener.class, listener)
                .add(TriggerGateway.class, gateway)
                .add(WebhookReaders.class, new WebhookReaders(blueprint.webhookReaders()))
                .add(OrchestratorHandoff.class, handoff)
                .build();
        Assembly assembly = Instantiator.instantiate(blueprint, templates, facilities);
        Runners runners;
        try {
            runners = Runners.of(assembly.root(), clock, listener,
                    facilities.find(RunnerOwnership.class).orElse(RunnerOwnership.ALONE));
        } catch (RuntimeException e) {
            assembly.close();
            throw e;
        }
        var orchestrator = new Orchestrator(runners, clock, lifecycle, facilities.find(EventInbox.class),
                facilities.find(RunnerOwnership.class).orElse(RunnerOwnership.ALONE));
        handoff.hand(orchestrator);
        return new Engine(blueprint, assembly, runners, orchestrator, gateway, lifecycle, clock, templates, facilities);
    }

    public static Engine start(Blueprint blueprint, TemplateEngine templates, InstantSource clock, Lifecycle lifecycle,
                               EngineListener listener) {
        return start(blueprint, templates, clock, lifecycle, listener, Facilities.builder());
    }

    /** The running config's pipe tree and services (the latest reload's, after one). */
    public Assembly assembly() {
        return generations.current();
    }

    public TriggerGateway gateway() {
        return gateway;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /** The runners and their runtimes, built when the engine started. */
    public Runners runners() {
        return runners;
    }

    /** The orchestrator {@link #run()} runs; tests drive it with a fake clock instead. */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /** Ids of triggers that receive events over HTTP; when there are any, the engine needs its HTTP server. */
    public Set<String> eventTriggerIds() {
        return runners.eventTriggerIds();
    }

    /** Runs the root pipe until stopped. */
    public PipeResult run() {
        return generations.current().root().run(PipeContext.empty());
    }

    /**
     * Runs every runner once, in order, ignoring triggers ({@link RunOnce}), through the same runtimes the
     * orchestrator uses: each run is reported to the listener, with the runner's timeout and retries.
     */
    public List<RunnerOutcome> runOnce() {
        return new RunOnce(runners, clock, lifecycle).runEach();
    }

    /** Runs the runner {@code runnerId} once, as {@link #runOnce()} runs each; empty when there is no such runner. */
    public Optional<RunnerOutcome> runOnce(String runnerId) {
        return new RunOnce(runners, clock, lifecycle).runOne(runnerId);
    }

    /**
     * Continues the runs a previous engine left unfinished (killed, power loss), before any trigger fires: call it
     * after {@code start} and before {@link #run()} or {@link #runOnce()}. Without a run journal it does nothing.
     */
    public List<RunnerOutcome> resumeInterrupted() {
        return runners.resumeInterrupted(journal, fingerprints, lifecycle);
    }

    /**
     * In a cluster, this node is gaining runner {@code runnerId}'s lease: reads the runner's interrupted runs (left
     * by the node that held it before, or by this node under a lease it lost) now, before the runner may run here,
     * and returns the work that resumes them through the run journal once it may, each when the runner has a free
     * slot. The lease keeper calls it before it counts the lease as held, and runs the work after.
     */
    public Runnable onGain(String runnerId) {
        return runners.onGain(runnerId, journal, fingerprints, lifecycle);
    }

    /**
     * Puts the config {@code next} (checked like the first one) in place of the running one, while it runs:
     * services whose definition did not change are kept, the others created anew; runners whose definition did
     * not change keep running on their schedule, changed ones are swapped once their in-flight run has ended,
     * removed ones stop after it, new ones start ({@link Orchestrator#replace}). Infrastructure changes are
     * only reported ({@link Reloaded#needRestart()}). The future completes on the orchestrator's thread once the
     * swap is in place; it fails, leaving the running config as it was, when a new service cannot be created,
     * the engine stops first, or another reload is still being applied.
     */
    public CompletableFuture<Reloaded> reload(Blueprint next) {
        return generations.reload(next);
    }

    /** Ends whatever still runs, then closes the services, those of configs replaced by a reload included. */
    @Override
    public void close() {
        runners.close();
        generations.close();
    }
}
