package dev.otai.app;

import dev.otai.api.PipeResult;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.config.Durations;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.config.Problem;
import dev.otai.core.config.StorageSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.StepListener;
import dev.otai.console.Console;
import dev.otai.console.ConsoleSources;
import dev.otai.console.actions.BlueprintDryRunner;
import dev.otai.core.config.ConsoleSettings;
import dev.otai.http.ConfigControl;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.HttpFeature;
import dev.otai.http.EngineMetrics;
import dev.otai.store.EngineLock;
import dev.otai.store.EngineRecording;
import dev.otai.store.Store;
import dev.otai.store.StoreException;
import dev.otai.store.ledger.Effect;
import dev.otai.core.orchestration.Runner;
import dev.otai.core.orchestration.RunnerOutcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a config, as {@code otai run} and {@code otai quickstart} do it: validate, lock the data directory
 * (one engine per directory; clustered mode's engines share their PostgreSQL store instead), open the store, start the engine with recording and metrics, run (once or until
 * stopped, reloading the config on SIGHUP, {@code POST /reload} and, when watched, a changed file), print a dry
 * run's planned writes.
 */
final class EngineSession {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    /** What a command adds to a session: listeners, and something to do once the engine has started. */
    record Hooks(EngineListener listener, StepListener steps, Consumer<Engine> started, Consumer<String> consoleAt) {
        static final Hooks NONE = new Hooks(EngineListener.NONE, StepListener.NONE, engine -> { }, address -> { });
    }

    /**
     * How the session runs.
     *
     * @param once        every runner once, then exit ({@code --once})
     * @param dryRun      no writes to ticket systems ({@code --dry-run})
     * @param watchConfig reload when the config file changes ({@code --watch-config}); ignored with {@code once}
     */
    record Mode(boolean once, boolean dryRun, boolean watchConfig) {
    }

    private final Composition composition;
    private final StoreOption store;
    private final Mode mode;
    private final Hooks hooks;
    private final PrintWriter out;
    private final PrintWriter err;

    EngineSession(Composition composition, StoreOption store, Mode mode, Hooks hooks, PrintWriter out, PrintWriter err) {
        this.composition = composition;
        this.store = store;
        this.mode = mode;
        this.hooks = hooks;
        this.out = out;
        this.err = err;
    }

    /** Validates, locks the data directory, opens the store, starts the engine and runs it; returns the exit code. */
    @SuppressWarnings("try") // the signal handlers and the engine lock are held by the try blocks, not used in them
    int run() {
        Path file = composition.configFile(store.config);
        String sha256 = hashOf(file);
        ConfigCheck.Result result = composition.check(file);
        if (!result.valid()) {
            Composition.print(result, err);
            err.println(result.errors().size() + " problem" + (result.errors().size() == 1 ? "" : "s") + " in " + file + "; nothing was run");
            err.flush();
            return 1;
        }
        Blueprint blueprint = result.blueprint().orElseThrow();
        LoggingSetup.apply(blueprint.config().logging());
        result.problems().stream().filter(Problem::warning).forEach(warning -> log.warn("{}", warning));
        var lifecycle = new Lifecycle();
        try (Signals signals = Signals.install(lifecycle)) {
            StorageSettings settings = store.resolved(blueprint.config().storage());
            // one engine per data directory; clustered mode's engines share their database by design
            try (EngineLock lock = settings.clustered() ? null : EngineLock.acquire(settings.dataDirectory());
                 Store opened = composition.openStore(settings)) {
                var loaded = new ConfigControl.Loaded(sha256, InstantSource.system().instant());
                return run(blueprint, opened, settings, lifecycle, new Reloading(file, loaded, signals));
            }
        } catch (StoreException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** What a session that runs until stopped needs to reload its config. */
    private record Reloading(Path file, ConfigControl.Loaded loaded, Signals signals) {
    }

    /** The config file's hash; empty when it cannot be read (the check then says why). */
    private static String hashOf(Path file) {
        try {
            return ConfigReloader.sha256(file);
        } catch (IOException e) {
            return "";
        }
    }

    private int run(Blueprint blueprint, Store opened, StorageSettings settings, Lifecycle lifecycle, Reloading reloading) {
        var member = ClusterMember.of(opened, settings, mode.dryRun());
        EngineRecording recording = EngineRecording.start(opened, settings, mode.dryRun(), composition.redactor,
                member.ownership());
        var metrics = new EngineMetrics();
        if (opened.clustered()) {
            ClusterRunGauges.bind(metrics, opened);
        }
        try (member) {
            try (Engine engine = Engine.start(blueprint, composition.templates, InstantSource.system(), lifecycle,
                    recording.listener(event -> {
                        metrics.on(event);
                        hooks.listener().on(event);
                    }), recording.facilities(composition.facilities(), hooks.steps()))) {
                metrics.runners(engine.runners().all().stream().map(Runner::id).toList());
                member.serve(engine, recording, metrics);
                hooks.started().accept(engine);
                boolean resumedOk = print(resumeInterrupted(engine, opened), out);
                List<HttpFeature> features = console(blueprint, engine, opened, settings);
                int code = mode.once() ? runOnce(engine, out) : serve(engine, blueprint.config().http(), metrics, features, reloading);
                if (mode.once() && !resumedOk) {
                    code = 1;
                }
                member.close(); // the runs have ended: hand the leases over now, before the services close
                if (mode.dryRun()) {
                    printPlanned(recording.plannedEffects(), out);
                }
                return code;
            }
        } finally {
            try {
                recording.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Continues the runs that an engine which stopped mid-run left in the run journal. Only for the embedded store:
     * in clustered mode the journal holds the runs of every node, and the interrupted runs of a runner are resumed by
     * whichever node owns that runner next, when it takes the runner over.
     */
    private static List<RunnerOutcome> resumeInterrupted(Engine engine, Store opened) {
        return opened.clustered() ? List.of() : engine.resumeInterrupted();
    }

    /** The web console, when {@code infrastructure.console} is configured; its token becomes a secret of the redactor. */
    private List<HttpFeature> console(Blueprint blueprint, Engine engine, Store opened, StorageSettings settings) {
        ConsoleSettings console = blueprint.config().console();
        if (mode.once() || mode.dryRun() || !console.enabled()) {
            return List.of();
        }
        composition.redactor.register(console.token());
        var dryRuns = new BlueprintDryRunner(blueprint, composition.templates, composition::facilities, opened, settings,
                composition.redactor);
        return List.of(new Console(console, new ConsoleSources(opened, engine, dryRuns, InstantSource.system()), composition.redactor));
    }

    /**
     * Runs until stopped, with the HTTP server when a trigger or the console needs it or a port is configured,
     * reloading the config on SIGHUP, {@code POST /reload} and, with {@code --watch-config}, a changed file.
     */
    private int serve(Engine engine, HttpSettings http, EngineMetrics metrics, List<HttpFeature> features,
                      Reloading reloading) {
        boolean httpServer = http.port() != null || !engine.eventTriggerIds().isEmpty() || !features.isEmpty();
        var reloader = new ConfigReloader(composition, reloading.file(), reloading.loaded(), engine, metrics,
                InstantSource.system(), httpServer);
        reloading.signals().onHangup(() -> reloader.reload("SIGHUP"));
        try (ConfigWatch watch = mode.watchConfig() ? watch(reloading.file(), reloader) : null) {
            if (!httpServer) {
                return runForever(engine, err);
            }
            int port = http.port() == null ? HttpSettings.DEFAULT_PORT : http.port();
            EngineHttpServer server;
            try {
                server = EngineHttpServer.start(http, port, engine.gateway(), metrics, reloader, features);
            } catch (RuntimeException e) {
                err.println("cannot listen on " + http.host() + ":" + port + " (" + rootMessage(e)
                        + "); set infrastructure.http.port to a free port");
                err.flush();
                return 1;
            }
            if (!features.isEmpty()) {
                String address = consoleAddress(http, server.port());
                log.info("Web console at {}", address);
                hooks.consoleAt().accept(address);
            }
            try (server) {
                return runForever(engine, err);
            }
        } finally {
            reloading.signals().onHangup(null);
        }
    }

    private static ConfigWatch watch(Path file, ConfigReloader reloader) {
        try {
            return ConfigWatch.start(file, reloader);
        } catch (IOException e) {
            log.warn("Cannot watch {} for changes ({}); reload with SIGHUP or 'otai trigger --reload'", file, e.toString());
            return null;
        }
    }

    /** Where a browser on this machine finds the console. */
    static String consoleAddress(HttpSettings http, int port) {
        String host = http.loopbackOnly() || http.host().equals("0.0.0.0") || http.host().equals("::") ? "127.0.0.1" : http.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/console";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void printPlanned(List<Effect> planned, PrintWriter out) {
        out.println("Dry run: " + planned.size() + " write" + (planned.size() == 1 ? "" : "s") + " planned, nothing was sent"
                + (planned.isEmpty() ? "" : ":"));
        planned.forEach(effect -> out.println("  " + effect.describe()));
        out.flush();
    }

    private static int runOnce(Engine engine, PrintWriter out) {
        return print(engine.runOnce(), out) ? 0 : 1;
    }

    /** One line per run; returns whether none failed. */
    private static boolean print(List<RunnerOutcome> outcomes, PrintWriter out) {
        boolean ok = true;
        for (RunnerOutcome outcome : outcomes) {
            PipeResult result = outcome.result();
            ok &= !result.failed();
            out.printf("%-24s %-9s %8s  %s%n", outcome.runnerId(), result.outcome(), Durations.format(outcome.duration()),
                    result.message());
        }
        out.flush();
        return ok;
    }

    private static int runForever(Engine engine, PrintWriter err) {
        PipeResult result = engine.run();
        if (result.failed()) {
            err.println("orchestrator failed: " + result.message());
            err.flush();
            return 1;
        }
        return 0;
    }
}
