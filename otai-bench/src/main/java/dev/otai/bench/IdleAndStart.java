package dev.otai.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start and idle of the real engine process ({@code otai-app/target/otai.jar} plus the testkit jar for the
 * in-process helpdesk): the OTAI demo pipeline shape, no tickets, the interval trigger firing at start and then
 * every 0.5 s. Reports time from process start to the first run's log line, RSS then, idle CPU over a window,
 * and log volume. Processes start one after another; their idle windows overlap, since idle uses no CPU.
 * Refuses to report when a process did not run the pipeline at start or stopped firing while idle.
 */
public final class IdleAndStart {

    static final String TRIGGER = "{ id: trigger_interval, use: \"base:IntervalTrigger\", params: { interval: \"__INTERVAL__\", fire_at_start: true } }";
    static final String RUN_MARKER = "of runner 'ticket-routing-runner' by 'trigger_interval'";

    private IdleAndStart() {
    }

    record Sample(double startSeconds, double rssAtStart, double idleCpuPercent, double rssAfterIdle, double logBytesPerSecond,
                  int exitCode) {
    }

    public static void main(String[] argv) throws Exception {
        var args = new Args(argv, Map.of("java", "java", "java-opts", "", "app-jar", "otai-app/target/otai.jar",
                "testkit-jar", "", "runs", "5", "idle-s", "60", "settle-s", "5", "level", "INFO", "interval", "PT0.5S"));
        Path config = Files.createTempFile("otai-bench-idle", ".yml");
        Files.writeString(config, DemoConfig.yaml(TRIGGER.replace("__INTERVAL__", args.text("interval")), args.text("level"), ""));
        var command = new ArrayList<String>(List.of(args.text("java")));
        command.addAll(List.of(args.text("java-opts").trim().split("\\s+")));
        command.addAll(List.of("-cp", args.text("app-jar") + File.pathSeparator + args.text("testkit-jar"),
                "dev.otai.app.Main", "run", "--config", config.toString()));
        command.removeIf(String::isBlank);
        System.out.println("idle and start " + args + "\ncommand: " + String.join(" ", command));
        var processes = new ArrayList<EngineProcess>();
        var starts = new ArrayList<double[]>();
        var workDirs = new ArrayList<Path>();
        for (int i = 0; i < args.integer("runs"); i++) {
            Path workDir = Files.createTempDirectory("otai-bench-idle-" + (i + 1) + "-");
            workDirs.add(workDir);
            EngineProcess process = EngineProcess.start(command, DemoConfig.ENV, workDir, RUN_MARKER);
            double start = process.awaitFirstRun(30);
            if (start < 0 || !process.firstRunLine().contains("step 'fail_no_tickets' failed")) {
                fail("process " + (i + 1) + " did not log the demo pipeline's first run (an empty queue stops it at "
                        + "fail_no_tickets) within 30 s; first matching line: " + process.firstRunLine());
            }
            starts.add(new double[] {start, process.rssMegabytes()});
            processes.add(process);
        }
        List<Sample> samples = idle(args, processes, starts);
        print(samples, args);
        Files.deleteIfExists(config);
        for (Path workDir : workDirs) {
            deleteTree(workDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static List<Sample> idle(Args args, List<EngineProcess> processes, List<double[]> starts) throws Exception {
        Thread.sleep(args.integer("settle-s") * 1000L);
        int seconds = args.integer("idle-s");
        var cpu0 = new double[processes.size()];
        var runs0 = new long[processes.size()];
        var bytes0 = new long[processes.size()];
        for (int i = 0; i < processes.size(); i++) {
            cpu0[i] = processes.get(i).cpuSeconds();
            runs0[i] = processes.get(i).runLines();
            bytes0[i] = processes.get(i).logBytes();
        }
        Thread.sleep(seconds * 1000L);
        var samples = new ArrayList<Sample>();
        for (int i = 0; i < processes.size(); i++) {
            EngineProcess p = processes.get(i);
            double cpu = p.cpuSeconds() - cpu0[i];
            long runs = p.runLines() - runs0[i];
            double rss = p.rssMegabytes();
            long bytes = p.logBytes() - bytes0[i];
            int exit = p.stop(40);
            double expected = seconds / (Duration.parse(args.text("interval")).toMillis() / 1000.0);
            if (runs < Math.floor(expected * 0.9)) {
                fail("process " + (i + 1) + " ran the pipeline " + runs + " times in " + seconds + " s; expected about "
                        + expected + " (every " + args.text("interval") + ")");
            }
            samples.add(new Sample(starts.get(i)[0], starts.get(i)[1], cpu / seconds * 100, rss, bytes / (double) seconds, exit));
        }
        return samples;
    }

    private static void print(List<Sample> samples, Args args) {
        var table = new ResultTable("measure", "median (range)", "target", "OTAI 1.x");
        table.row("process start → first run logged, s", Summary.of(samples.stream().map(Sample::startSeconds).toList()).format(3),
                "<= 0.5", "first fire after one interval; Python start not measured");
        table.row("RSS after the first run, MB", Summary.of(samples.stream().map(Sample::rssAtStart).toList()).format(1),
                "<= 100", "-");
        table.row("idle CPU, % of one core over " + args.text("idle-s") + " s",
                Summary.of(samples.stream().map(Sample::idleCpuPercent).toList()).format(3), "<= 0.2", "11–17");
        table.row("RSS after idling, MB", Summary.of(samples.stream().map(Sample::rssAfterIdle).toList()).format(1), "<= 100", "-");
        table.row("log while idle, bytes/s (" + args.text("level") + ")",
                Summary.of(samples.stream().map(Sample::logBytesPerSecond).toList()).format(0), "-", "≈320,000");
        table.print(System.out);
        System.out.printf(Locale.ROOT, "%d processes; exit codes after SIGTERM: %s; CPU from /proc/PID/stat (10 ms ticks)%n",
                samples.size(), samples.stream().map(Sample::exitCode).toList());
    }

    private static void fail(String why) {
        System.err.println("CORRECTNESS CHECK FAILED; no number is reported: " + why);
        System.exit(2);
    }
}
