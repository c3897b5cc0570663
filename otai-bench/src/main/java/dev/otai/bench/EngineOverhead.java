package dev.otai.bench;

import dev.otai.core.assembly.Blueprint;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Engine overhead per ticket: the OTAI demo pipeline (12 steps, 19 template strings) against the in-process
 * helpdesk and the stub classifier, many tickets, process CPU per ticket after warm-up, at INFO and WARN; beside
 * it the floor (the same fake calls without the engine). Refuses to print a number when any ticket did not get
 * exactly 2 updates and 2 notes.
 */
public final class EngineOverhead {

    private EngineOverhead() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, Map.of("tickets", "5000", "batch", "500", "warmup", "3", "rounds", "5",
                "levels", "INFO,WARN", "log", "/dev/null"));
        int tickets = args.integer("tickets");
        int batch = Math.min(args.integer("batch"), PipelineBatch.MAX_BATCH);
        System.out.println("engine overhead per ticket " + args + ", JVM " + Runtime.version() + " "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        var table = new ResultTable("pipeline", "log level", "CPU µs/ticket median (range)", "tickets/CPU-s",
                "wall tickets/s", "rounds");
        for (String level : args.text("levels").split(",")) {
            BenchLogging.apply(level, args.text("log"));
            Blueprint blueprint = DemoConfig.blueprint(DemoConfig.yaml(PipelineBatch.TRIGGER, level, ""));
            List<PipelineBatch.Outcome> rounds = rounds(args, tickets, batch, (first, n) -> PipelineBatch.run(blueprint, first, n));
            add(table, "otai engine, demo pipeline, orchestrated", level, rounds);
            List<PipelineBatch.Outcome> direct = rounds(args, tickets, batch, (first, n) -> PipelineBatch.runDirect(blueprint, first, n));
            add(table, "same pipeline via Engine.runOnce()", level, direct);
        }
        List<PipelineBatch.Outcome> floor = rounds(args, tickets, batch, FakeFloor::run);
        add(table, "floor: same fake calls, no engine", "-", floor);
        table.print(System.out);
        System.out.println("target <= 100 µs/ticket; OTAI 1.x: 19,360 µs at INFO, 16,530 µs at WARNING (peers-and-limits §1.2)");
    }

    @FunctionalInterface
    interface Batch {
        PipelineBatch.Outcome run(int firstId, int count) throws Exception;
    }

    /** Warm-up rounds, then measured rounds; each round is {@code tickets} tickets in batches. Exits on a failed check. */
    private static List<PipelineBatch.Outcome> rounds(Args args, int tickets, int batch, Batch work) throws Exception {
        var measured = new ArrayList<PipelineBatch.Outcome>();
        int total = args.integer("warmup") + args.integer("rounds");
        for (int round = 0; round < total; round++) {
            long cpu = 0;
            long wall = 0;
            for (int first = 1; first <= tickets; first += batch) {
                PipelineBatch.Outcome outcome = work.run(first, Math.min(batch, tickets - first + 1));
                if (!outcome.problems().isEmpty()) {
                    System.err.println("CORRECTNESS CHECK FAILED; no number is reported:\n  "
                            + String.join("\n  ", outcome.problems()));
                    System.exit(2);
                }
                cpu += outcome.cpuNanos();
                wall += outcome.wallNanos();
            }
            if (round >= args.integer("warmup")) {
                measured.add(new PipelineBatch.Outcome(cpu, wall, tickets, List.of()));
            }
        }
        return measured;
    }

    private static void add(ResultTable table, String name, String level, List<PipelineBatch.Outcome> rounds) {
        Summary cpu = Summary.of(rounds.stream().map(r -> r.cpuNanos() / 1e3 / r.tickets()).toList());
        Summary wall = Summary.of(rounds.stream().map(r -> r.tickets() / (r.wallNanos() / 1e9)).toList());
        table.row(name, level, cpu.format(1), String.format(Locale.ROOT, "%,.0f", 1e6 / cpu.median()),
                wall.format(0), Integer.toString(cpu.rounds()));
    }
}
