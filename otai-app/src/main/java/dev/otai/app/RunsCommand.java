package dev.otai.app;

import dev.otai.core.config.Durations;
import dev.otai.core.redaction.Redactor;
import dev.otai.store.Json;
import dev.otai.store.ledger.Effect;
import dev.otai.store.ledger.EffectLedger;
import dev.otai.store.history.RunQueries;
import dev.otai.store.journal.JournalLinks;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code otai runs}: the run history in the store (the data directory's, or in clustered mode every node's). */
@Command(name = "runs", mixinStandardHelpOptions = true, subcommands = RunsCommand.Show.class,
        description = "List recorded runs, newest first; 'otai runs show RUN_ID' shows one run with its steps and writes.")
final class RunsCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;
    @Option(names = "--runner", paramLabel = "R", description = "only runs of this runner")
    String runner;
    @Option(names = "--failed", description = "only failed runs")
    boolean failed;
    @Option(names = "--since", paramLabel = "T", converter = SinceConverter.class,
            description = "only runs started at or after T: an instant (2026-11-24T08:00:00Z), a date (2026-11-24), "
                    + "or an age such as 30m, 2h, 7d, PT1H")
    Instant since;
    @Option(names = "--limit", defaultValue = "50", description = "the most runs to list (default ${DEFAULT-VALUE})")
    int limit;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return TicketsCommand.withStore(store, spec, (s, out) -> {
            List<RunQueries.Run> runs = new RunQueries(s).list(new RunQueries.Filter(runner, failed, since, limit));
            out.printf("%-10s %-20s %-24s %-10s %9s  %-20s %s%n", "RUN", "STARTED", "RUNNER", "OUTCOME", "TOOK", "NODE", "MESSAGE");
            for (RunQueries.Run run : runs) {
                out.printf("%-10s %-20s %-24s %-10s %9s  %-20s %s%n", run.id(), run.started().toString().replace("T", " ").replaceAll("\\.\\d+Z$|Z$", ""),
                        run.runnerId(), run.outcome() + (run.dryRun() ? "*" : ""),
                        run.duration() == null ? "-" : Durations.format(run.duration()), node(run), firstLine(run.message()));
            }
            out.println(runs.size() + " runs" + (runs.stream().anyMatch(RunQueries.Run::dryRun) ? " (* dry run)" : ""));
            out.flush();
            return 0;
        });
    }

    /** The node a run ran on; {@code -} for runs recorded before runs recorded it. */
    static String node(RunQueries.Run run) {
        return run.node().isEmpty() ? "-" : run.node();
    }

    static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: its steps with params and data, and its writes.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "RUN_ID", description = "the run's id, as listed by 'otai runs' and in the logs")
        String runId;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return TicketsCommand.withStore(store, spec, (s, out) -> {
                Optional<RunQueries.RunDetail> found = new RunQueries(s).show(runId);
                if (found.isEmpty()) {
                    TerminalText.err(spec).println("no run '" + runId + "' in " + s.description()
                            + " (it may have been pruned; see infrastructure.storage.retention)");
                    return 1;
                }
                print(found.get(), new EffectLedger(s, null, new Redactor()).ofRun(runId), new JournalLinks(s).of(runId), out);
                return 0;
            });
        }

        private static void print(RunQueries.RunDetail detail, List<Effect> effects, Optional<JournalLinks.Link> link,
                                  PrintWriter out) {
            RunQueries.Run run = detail.run();
            out.println("Run " + run.id() + " of runner '" + run.runnerId() + "'" + (run.dryRun() ? " (dry run)" : ""));
            out.println("  trigger " + (run.triggerId().isEmpty() ? "startup" : run.triggerId()) + ", started " + run.started()
                    + ", took " + (run.duration() == null ? "-" : Durations.format(run.duration())) + ", attempt " + run.attempt()
                    + ", on node " + node(run));
            out.println("  " + run.outcome() + (run.message().isEmpty() ? "" : ": " + run.message()));
            link.ifPresent(l -> printLink(l, out));
            out.println();
            out.println("Steps (in the order they ended" + (run.stepsDropped() > 0 ? "; " + run.stepsDropped() + " more not stored" : "") + "):");
            for (RunQueries.Step step : detail.steps()) {
                out.printf("  %3d %-24s %-26s %-9s %9s  %s%n", step.seq(), step.pipeId(), step.use(), step.outcome(),
                        Durations.format(step.duration()), firstLine(step.message()));
                if (!step.params().isEmpty()) {
                    out.println("        params " + Json.write(step.params()));
                }
                if (!step.data().isEmpty()) {
                    out.println("        data   " + Json.write(step.data()));
                }
            }
            if (!effects.isEmpty()) {
                out.println();
                out.println("Writes:");
                effects.forEach(e -> out.println("  " + e.status() + " " + e.describe()));
            }
            out.flush();
        }
    }

    /** Says which run this one resumed and where, or which run resumed it, or why it was not resumed. */
    static void printLink(JournalLinks.Link link, PrintWriter out) {
        if (link.resumes() != null) {
            out.println("  resumed run " + link.resumes() + " after the engine stopped mid-run: " + link.note());
        }
        if (link.resumedBy() != null) {
            out.println("  interrupted (the engine stopped mid-run); resumed as run " + link.resumedBy());
        } else if (link.status().equals("discarded")) {
            out.println("  interrupted and not resumed: " + link.note());
        }
    }

    /** Reads {@code --since}: an instant, a date (midnight UTC) or an age back from now. */
    static final class SinceConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String text = value.strip();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // not an instant
            }
            try {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // not a date
            }
            return Instant.now().minus(age(text));
        }

        private static Duration age(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.matches("\\d+[smhd]")) {
                long n = Long.parseLong(lower.substring(0, lower.length() - 1));
                return switch (lower.charAt(lower.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Durations.parse(text.toUpperCase(Locale.ROOT).startsWith("P") ? text.toUpperCase(Locale.ROOT) : text)
                    .orElseThrow(() -> new CommandLine.TypeConversionException("--since was \"" + text
                            + "\"; expected an instant (2026-11-24T08:00:00Z), a date (2026-11-24) or an age (30m, 2h, 7d, PT1H)"));
        }
    }
}
