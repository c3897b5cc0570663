package dev.otai.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code otai run}: validates the config, then runs the orchestrator until stopped (or each runner once). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Validate the config, then run it until SIGTERM/SIGINT (or each runner once with --once); "
                + "SIGHUP reloads the config.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--once", description = "run every runner's pipe once now, ignoring triggers, print one line per runner, and exit")
    boolean once;

    @Option(names = "--dry-run", description = "execute everything except writes to ticket systems; each intended write "
            + "is recorded in the run history and printed (reads still go to the helpdesk)")
    boolean dryRun;

    @Option(names = "--watch-config", description = "reload the config when its file changes (as SIGHUP and "
            + "'otai trigger --reload' do): a valid config replaces the running one runner by runner; an invalid one is "
            + "logged and ignored")
    boolean watchConfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return new EngineSession(Composition.fromSystem(), store, new EngineSession.Mode(once, dryRun, watchConfig),
                EngineSession.Hooks.NONE, TerminalText.out(spec), TerminalText.err(spec)).run();
    }
}
