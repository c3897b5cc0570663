package dev.otai.bench.http;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The real-process benchmark's tables: medians (min–max) per contender and parallelism, a summary, and ratios. */
final class RunTable {

    private final List<RoundOutcome> outcomes;
    private final Set<String> contenders = new LinkedHashSet<>();
    private final Set<Integer> parallelisms = new LinkedHashSet<>();

    RunTable(List<RoundOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
        outcomes.forEach(o -> {
            contenders.add(o.contender());
            parallelisms.add(o.parallelism());
        });
    }

    void print(PrintStream out) {
        out.println();
        out.println("| contender | P | tickets/s | CPU ms/ticket | fake CPU ms/ticket | requests/ticket | search / get / update / note / other per run | start→first request ms | RSS MiB | exit codes |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int p : parallelisms) {
            for (String c : contenders) {
                List<RoundOutcome> all = of(c, p);
                List<RoundOutcome> ok = all.stream().filter(RoundOutcome::ok).toList();
                if (ok.size() < all.size()) {
                    out.printf(Locale.ROOT, "| %s | %d | REFUSED: %s | | | | | | | |%n", c, p,
                            all.stream().filter(o -> !o.ok()).findFirst().orElseThrow().problem().lines().findFirst().orElse(""));
                    continue;
                }
                out.printf(Locale.ROOT, "| %s | %d | %s | %s | %.2f | %.2f | %.0f / %.0f / %.0f / %.0f / %.0f | %.0f | %.0f | %s |%n", c, p,
                        range(ok, RoundOutcome::ticketsPerSecond, "%.0f"), range(ok, RoundOutcome::cpuMsPerTicket, "%.2f"),
                        median(ok, RoundOutcome::fakeCpuMsPerTicket), median(ok, RoundOutcome::requestsPerTicket),
                        median(ok, o -> o.traffic().searches()), median(ok, o -> o.traffic().gets()), median(ok, o -> o.traffic().updates()),
                        median(ok, o -> o.traffic().notes()), median(ok, o -> o.traffic().other()),
                        median(ok, RoundOutcome::startToFirstRequestMs), median(ok, RoundOutcome::rssMiB),
                        ok.stream().map(o -> Integer.toString(o.exitCode())).toList());
            }
        }
        summary(out);
        ratios(out);
    }

    private void summary(PrintStream out) {
        out.println();
        out.println("| contender | tickets/s P=" + join("/") + " | CPU ms per ticket | requests per ticket |");
        out.println("|---|---|---|---|");
        for (String c : contenders) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", c, perP(c, RoundOutcome::ticketsPerSecond, "%.0f"),
                    perP(c, RoundOutcome::cpuMsPerTicket, "%.2f"), perP(c, RoundOutcome::requestsPerTicket, "%.2f"));
        }
    }

    private void ratios(PrintStream out) {
        out.println();
        out.println("| P | otai / otai-ledger-off tickets/s | otai / camel tickets/s | otai / camel CPU per ticket | otai-ledger-off / camel tickets/s | otai-ledger-off / camel CPU per ticket |");
        out.println("|---|---|---|---|---|---|");
        for (int p : parallelisms) {
            out.printf(Locale.ROOT, "| %d | %s | %s | %s | %s | %s |%n", p, ratio("otai", "otai-ledger-off", p, RoundOutcome::ticketsPerSecond),
                    ratio("otai", "camel", p, RoundOutcome::ticketsPerSecond), ratio("otai", "camel", p, RoundOutcome::cpuMsPerTicket),
                    ratio("otai-ledger-off", "camel", p, RoundOutcome::ticketsPerSecond),
                    ratio("otai-ledger-off", "camel", p, RoundOutcome::cpuMsPerTicket));
        }
    }

    private String ratio(String a, String b, int p, ToDoubleFunction<RoundOutcome> figure) {
        double x = okMedian(a, p, figure);
        double y = okMedian(b, p, figure);
        return Double.isNaN(x) || Double.isNaN(y) ? "-" : String.format(Locale.ROOT, "%.2f", x / y);
    }

    private String perP(String contender, ToDoubleFunction<RoundOutcome> figure, String format) {
        var parts = new ArrayList<String>();
        for (int p : parallelisms) {
            double v = okMedian(contender, p, figure);
            parts.add(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v));
        }
        return String.join(" / ", parts);
    }

    private String join(String separator) {
        return String.join(separator, parallelisms.stream().map(String::valueOf).toList());
    }

    /** The median over a cell's runs, or NaN when any of them failed its check. */
    private double okMedian(String contender, int p, ToDoubleFunction<RoundOutcome> figure) {
        List<RoundOutcome> all = of(contender, p);
        return all.isEmpty() || all.stream().anyMatch(o -> !o.ok()) ? Double.NaN : median(all, figure);
    }

    private List<RoundOutcome> of(String contender, int p) {
        return outcomes.stream().filter(o -> o.contender().equals(contender) && o.parallelism() == p).toList();
    }

    static double median(List<RoundOutcome> runs, ToDoubleFunction<RoundOutcome> figure) {
        return Results.median(runs.stream().map(figure::applyAsDouble).toList());
    }

    private static String range(List<RoundOutcome> runs, ToDoubleFunction<RoundOutcome> figure, String format) {
        double min = runs.stream().mapToDouble(figure).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(figure).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(runs, figure), min, max);
    }
}
