package dev.otai.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code otai quickstart}: the whole product on this machine, offline. Runs {@code examples/quickstart/config.yml}:
 * a local ticket system seeded with the sample tickets, a few-shot classifier, a startup runner that routes every
 * ticket out of Incoming with an internal note, and an interval runner that keeps doing so until Ctrl-C.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
        description = "Route the sample tickets offline with the local ticket system and the few-shot classifier, "
                + "show a summary, and keep running until Ctrl-C.")
final class QuickstartCommand implements Callable<Integer> {

    /** The override that points the quickstart config's ticket seed at the repository's sample tickets. */
    private static final String SAMPLE_SEED = "OTAI__SERVICES__TICKETS__PARAMS__SEED";
    /** What the quickstart config's console token reads; when it is not set, the token kept in {@link #TOKEN_FILE}. */
    static final String CONSOLE_TOKEN = "OTAI_CONSOLE_TOKEN";
    /** The quickstart's console token, in the data directory, readable by its owner only. */
    static final String TOKEN_FILE = "console-token";
    /** The HTTP port the quickstart config names (console, {@code otai trigger}), and the override that changes it. */
    static final int PORT = 8080;
    private static final String PORT_OVERRIDE = "OTAI__INFRASTRUCTURE__HTTP__PORT";

    @Mixin
    StoreOption store;

    @Option(names = "--once", description = "run the first pass (and the interval runner once), print the summary and exit")
    boolean once;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = TerminalText.out(spec);
        PrintWriter err = TerminalText.err(spec);
        Path home = home();
        var environment = new HashMap<>(System.getenv());
        if (store.config.config == null) {
            store.config.config = home.resolve("examples/quickstart/config.yml");
            // The sample tickets wherever the command runs from. An override rather than get_env('OTAI_HOME') in the
            // config: every get_env value is treated as a secret, and the path would print as ***.
            environment.putIfAbsent(SAMPLE_SEED, home.resolve("data/sample-tickets/tickets.jsonl").toString());
            if (!once && !environment.containsKey(PORT_OVERRIDE) && !free(PORT)) {
                // a first run must not fail on a busy port: any free one, whose address the console line prints
                environment.put(PORT_OVERRIDE, "0");
                out.println("Port " + PORT + " is in use, so the console listens on a free port this time (its address "
                        + "follows); set " + PORT_OVERRIDE + " to choose one, also for 'otai trigger'.");
            }
        }
        var composition = new Composition(environment);
        Path dataDirectory = store.settings(composition).dataDirectory();
        String tokenHint = "sign in with the token in $" + CONSOLE_TOKEN;
        if (environment.get(CONSOLE_TOKEN) == null || environment.get(CONSOLE_TOKEN).isBlank()) {
            Path tokenFile = dataDirectory.resolve(TOKEN_FILE);
            try {
                environment.put(CONSOLE_TOKEN, ConsoleTokenFile.readOrCreate(tokenFile));
                composition = new Composition(environment);
                tokenHint = "sign in with the token in " + tokenFile;
            } catch (IOException e) {
                err.println("cannot keep the console's token in " + tokenFile + ": " + e.getMessage()
                        + "; set " + CONSOLE_TOKEN + " instead");
                err.flush();
                return 1;
            }
        }
        if (!Files.isRegularFile(store.config.config)) {
            err.println("quickstart config not found at " + store.config.config + "; run from the otai repository or set OTAI_HOME");
            err.flush();
            return 1;
        }
        var progress = new QuickstartProgress(out, dataDirectory, !once, tokenHint, launcher());
        return new EngineSession(composition, store, new EngineSession.Mode(once, false, false), progress.hooks(), out, err).run();
    }

    /** Whether nothing listens on {@code port} of the loopback address (the quickstart's HTTP server binds there). */
    private static boolean free(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The command that started this process, as the hints should name it: {@code -Dotai.launcher} (the launchers pass
     * the path they were started by: {@code ./otai} in the repository, {@code bin/otai} in a release), else
     * {@code otai}.
     */
    static String launcher() {
        String property = System.getProperty("otai.launcher");
        return property == null || property.isBlank() ? "otai" : property.strip();
    }

    /** The repository: {@code -Dotai.home} (the launcher sets it), else {@code $OTAI_HOME}, else the working directory. */
    private static Path home() {
        String property = System.getProperty("otai.home");
        String env = System.getenv("OTAI_HOME");
        return Path.of(property != null ? property : env != null ? env : "").toAbsolutePath();
    }
}
