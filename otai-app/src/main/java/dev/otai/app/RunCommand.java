package dev.otai.app;

import dev.otai.api.PipeResult;
import dev.otai.core.assembly.Blueprint;
import dev.otai.core.config.Durations;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.config.HttpSettings;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import dev.otai.core.orchestration.Lifecycle;
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
    ConfigOption config;

    @Option(names = "--once", description = "run every runner's pipe once now, ignoring triggers, print one line per runner, and exit")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Composition composition = Composition.fromSystem();
        Path file = composition.configFile(config);
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
        var metrics = new EngineMetrics();
        try (Engine engine = Engine.start(blueprint, composition.templates, InstantSource.system(), lifecycle, metrics)) {
            if (once) {
                return runOnce(engine, out);
            }
            HttpSettings http = blueprint.config().http();
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
        } catch (dev.otai.api.ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
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
