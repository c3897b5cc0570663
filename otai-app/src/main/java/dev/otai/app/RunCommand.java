package dev.otai.app;

import dev.otai.api.PipeResult;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.config.Durations;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.Facilities;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.store.EngineRecording;
import dev.otai.store.StorageSettings;
import dev.otai.store.Store;
import dev.otai.store.ledger.Effect;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otai run}: validates the config, then runs the orchestrator until stopped (or each runner once). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Validate the config, then run it until SIGTERM/SIGINT (or each runner once with --once).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--once", description = "run every runner's pipe once now, ignoring triggers, print one line per runner, and exit")
    boolean once;

    @Option(names = "--dry-run", description = "execute everything except writes to ticket systems; each intended write "
            + "is recorded in the run history and printed (reads still go to the helpdesk)")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Composition composition = Composition.fromSystem();
        Path file = composition.configFile(store.config);
        ConfigCheck.Result result = composition.check(file);
        if (!result.valid()) {
            Composition.print(result, err);
            err.println(result.errors().size() + " problem" + (result.errors().size() == 1 ? "" : "s") + " in " + file + "; nothing was run");
            err.flush();
            return 1;
        }
        Blueprint blueprint = result.blueprint().orElseThrow();
        LoggingSetup.apply(blueprint.config().logging());
        var lifecycle = new Lifecycle();
        Signals.install(lifecycle);
        try {
            StorageSettings settings = store.settings(composition);
            try (Store opened = Store.openEmbedded(settings.dataDirectory(), InstantSource.system())) {
                return run(composition, blueprint, opened, settings, lifecycle, out, err);
            }
        } catch (dev.otai.api.ConfigException | dev.otai.store.StoreException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int run(Composition composition, Blueprint blueprint, Store opened, StorageSettings settings, Lifecycle lifecycle,
                    PrintWriter out, PrintWriter err) {
        EngineRecording recording = EngineRecording.start(opened, settings, dryRun);
        var metrics = new EngineMetrics();
        try {
            try (Engine engine = Engine.start(blueprint, composition.templates, InstantSource.system(), lifecycle,
                    recording.listener(metrics), recording.facilities(Facilities.builder()))) {
                int code = once ? runOnce(engine, out) : serve(engine, blueprint.config().http(), metrics, err);
                if (dryRun) {
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

    /** Runs until stopped, with the HTTP server when a trigger needs it or a port is configured. */
    private static int serve(Engine engine, HttpSettings http, EngineMetrics metrics, PrintWriter err) {
        if (http.port() == null && engine.eventTriggerIds().isEmpty()) {
            return runForever(engine, err);
        }
        int port = http.port() == null ? HttpSettings.DEFAULT_PORT : http.port();
        EngineHttpServer server;
        try {
            server = EngineHttpServer.start(http, port, engine.gateway(), metrics);
        } catch (RuntimeException e) {
            err.println("cannot listen on " + http.host() + ":" + port + " (" + rootMessage(e)
                    + "); set infrastructure.http.port to a free port");
            err.flush();
            return 1;
        }
        try (server) {
            return runForever(engine, err);
        }
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
        List<Engine.RunnerOutcome> outcomes = engine.runOnce();
        boolean ok = true;
        for (Engine.RunnerOutcome outcome : outcomes) {
            PipeResult result = outcome.result();
            ok &= !result.failed();
            out.printf("%-24s %-9s %8s  %s%n", outcome.runnerId(), result.outcome(), Durations.format(outcome.duration()),
                    result.message());
        }
        out.flush();
        return ok ? 0 : 1;
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
