package dev.otai.bench;

import dev.otai.core.orchestration.EngineEvent;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Interval trigger at 10 ms on the real clock: how late each fire is against its scheduled time (the
 * {@code TriggerFired} event carries the scheduled instant; the listener reads the wall clock when it gets it),
 * fire times missed altogether (a wake-up later than one interval coalesces them), and the process CPU meanwhile.
 * Refuses to report when a run failed or fewer than half the fires came.
 */
public final class TriggerJitter {

    static final String YAML = """
            open_ticket_ai:
              api_version: ">=1.0.0"
              infrastructure: { logging: { level: "__LEVEL__" } }
              orchestrator:
                runners:
                  - id: ticker
                    on: [{ id: every_10ms, use: "base:IntervalTrigger", params: { milliseconds: 10 } }]
                    run: { id: echo, use: "base:ExpressionPipe", params: { expression: "{{ trigger }}" } }
            """;

    private TriggerJitter() {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, Map.of("seconds", "10", "warmup", "1", "rounds", "5", "level", "WARN", "log", "/dev/null"));
        BenchLogging.apply(args.text("level"), args.text("log"));
        System.out.println("trigger jitter at 10 ms " + args + ", JVM " + Runtime.version() + " "
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        var rows = new ArrayList<double[]>();
        int total = args.integer("warmup") + args.integer("rounds");
        for (int round = 0; round < total; round++) {
            double[] result = round(args);
            if (round >= args.integer("warmup")) {
                rows.add(result);
            }
        }
        print(rows, args);
        var baseline = new ArrayList<double[]>();
        for (int round = 0; round < total; round++) {
            double[] result = baselineRound(args.integer("seconds"));
            if (round >= args.integer("warmup")) {
                baseline.add(result);
            }
        }
        System.out.println("baseline: a plain ScheduledExecutorService at a fixed rate of 10 ms, same process, same conditions");
        print(baseline, args);
    }

    /** The same measure for a JDK scheduled executor, no engine: lateness against start + k × 10 ms. */
    private static double[] baselineRound(int seconds) throws InterruptedException {
        var lateness = new ConcurrentLinkedQueue<Long>();
        var executor = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 10_000_000;
        var count = new AtomicLong();
        long cpu = Cpu.processNanosCoarse();
        long wall = System.nanoTime();
        executor.scheduleAtFixedRate(() -> lateness.add((System.nanoTime() - (start + count.getAndIncrement() * 10_000_000)) / 1000),
                10, 10, TimeUnit.MILLISECONDS);
        Thread.sleep(seconds * 1000L);
        executor.shutdownNow();
        cpu = Cpu.processNanosCoarse() - cpu;
        wall = System.nanoTime() - wall;
        var p = new Percentiles(List.copyOf(lateness));
        return new double[] {p.at(0.5), p.at(0.99), p.max(), lateness.size(), 0, 0, 100.0 * cpu / wall};
    }

    /** One engine for {@code seconds}: {p50, p99, max lateness in µs, fires, missed, skipped, CPU % of a core}. */
    private static double[] round(Args args) throws Exception {
        var lateness = new ConcurrentLinkedQueue<Long>();
        var failed = new AtomicLong();
        var skipped = new AtomicLong();
        long cpu;
        long wall;
        try (var engine = new InProcessEngine(YAML.replace("__LEVEL__", args.text("level")), event -> {
            switch (event) {
                case EngineEvent.TriggerFired f -> lateness.add(Duration.between(f.at(), Instant.now()).toNanos() / 1000);
                case EngineEvent.RunFinished r -> failed.addAndGet(r.result().succeeded() ? 0 : 1);
                case EngineEvent.FireSkipped s -> skipped.incrementAndGet();
                default -> { }
            }
        }, false)) {
            cpu = Cpu.processNanosCoarse();
            wall = System.nanoTime();
            Thread.sleep(args.integer("seconds") * 1000L);
            cpu = Cpu.processNanosCoarse() - cpu;
            wall = System.nanoTime() - wall;
        }
        long expected = args.integer("seconds") * 100L;
        if (lateness.size() < expected * 0.5 || failed.get() > 0) {
            System.err.println("CORRECTNESS CHECK FAILED; no number is reported: " + lateness.size() + " fires in "
                    + args.integer("seconds") + " s (expected about " + expected + "), " + failed.get() + " failed runs");
            System.exit(2);
        }
        var p = new Percentiles(List.copyOf(lateness));
        double slots = wall / 10e6;
        return new double[] {p.at(0.5), p.at(0.99), p.max(), lateness.size(), Math.max(0, slots - lateness.size()),
            skipped.get(), 100.0 * cpu / wall};
    }

    private static void print(List<double[]> rows, Args args) {
        var table = new ResultTable("measure", "median (range) over rounds", "target");
        String[] names = {"fire lateness p50, µs", "fire lateness p99, µs", "fire lateness max, µs", "fires per round",
            "fire times missed (coalesced after a late wake-up)", "fires skipped (runner busy)", "process CPU, % of one core"};
        String[] targets = {"-", "<= 2,000", "-", "≈" + args.integer("seconds") * 100, "0", "0", "-"};
        for (int i = 0; i < names.length; i++) {
            final int column = i;
            table.row(names[i], Summary.of(rows.stream().map(r -> r[column]).toList()).format(i == 6 ? 2 : 0), targets[i]);
        }
        table.print(System.out);
        System.out.println(rows.size() + " rounds of " + args.integer("seconds") + " s; lateness = wall clock at the TriggerFired "
                + "event minus the fire's scheduled instant");
    }
}
