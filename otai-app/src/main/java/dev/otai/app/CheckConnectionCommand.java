package dev.otai.app;

import dev.otai.api.ticket.TicketSystem;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code otai check-connection}: for every ticket-system service of the config (or the one named), authenticates
 * and runs a one-ticket search, printing what worked and what did not. Exit code 0 when all worked, 1 when one
 * failed or the config is invalid, 2 when {@code --service} names no ticket-system service.
 */
@Command(name = "check-connection", mixinStandardHelpOptions = true,
        description = "Authenticate against each configured helpdesk and run a one-ticket search; print what worked.")
final class CheckConnectionCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--service", paramLabel = "ID", description = "check only the service with this id")
    String service;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = TerminalText.out(spec);
        PrintWriter err = TerminalText.err(spec);
        Composition composition = Composition.fromSystem();
        Path file = composition.configFile(config);
        ConfigCheck.Result result = composition.check(file);
        if (!result.valid()) {
            Composition.print(result, err);
            err.println(result.errors().size() + " problem" + (result.errors().size() == 1 ? "" : "s") + " in " + file);
            err.flush();
            return 1;
        }
        try (Engine engine = Engine.start(result.blueprint().orElseThrow(), composition.templates, InstantSource.system(),
                new Lifecycle(), EngineListener.NONE, composition.facilities())) {
            return check(engine.assembly().services(), out);
        } catch (RuntimeException e) {
            err.println("services could not be created: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int check(Map<String, Object> services, PrintWriter out) {
        int checked = 0;
        int failed = 0;
        for (var entry : services.entrySet()) {
            if (!(entry.getValue() instanceof TicketSystem tickets) || service != null && !service.equals(entry.getKey())) {
                continue;
            }
            checked++;
            try {
                out.println("ok      " + entry.getKey() + ": " + tickets.checkConnection());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.println("FAILED  " + entry.getKey() + ": interrupted");
                failed++;
            } catch (Exception e) {
                out.println("FAILED  " + entry.getKey() + ": " + e.getMessage());
                failed++;
            }
            out.flush();
        }
        if (checked == 0) {
            out.println(service == null ? "no ticket-system services in the config"
                    : "no ticket-system service '" + service + "'; ticket systems: " + services.entrySet().stream()
                            .filter(e -> e.getValue() instanceof TicketSystem).map(Map.Entry::getKey).toList());
            out.flush();
            return service == null ? 0 : 2;
        }
        return failed == 0 ? 0 : 1;
    }
}
