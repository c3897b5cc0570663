package dev.otai.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One cold run of a contender process: a fresh fake holding {@code tickets} tickets, a fresh work dir, the process
 * started, its CPU read from {@code /proc} when its first request arrives and when the fake sees every ticket
 * routed, then SIGTERM and the fake's correctness check and request count.
 */
final class ProcessRound {

    private static final Duration FIRST_REQUEST = Duration.ofMinutes(2);
    private static final Duration SLICE = Duration.ofSeconds(2);

    private final FakeControl fake;
    private final Duration routedWithin;

    ProcessRound(FakeControl fake, Duration routedWithin) {
        this.fake = fake;
        this.routedWithin = routedWithin;
    }

    RoundOutcome run(Contender contender, int parallelism, int tickets, Path workDir) throws IOException, InterruptedException {
        String baseUrl = fake.fresh(tickets);
        clean(workDir);
        ProcessBuilder builder = contender.process(baseUrl, parallelism, workDir).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("process.log").toFile());
        long startedMs = System.currentTimeMillis();
        Process process = builder.start();
        Thread killer = new Thread(process::destroyForcibly); // the harness stopped with Ctrl-C leaves no contender behind
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            String first = await(process, FIRST_REQUEST, () -> fake.awaitFirstRequest(SLICE) ? "ok" : "no request within " + FIRST_REQUEST);
            if (!first.equals("ok")) {
                return RoundOutcome.failed(contender.name(), parallelism, tickets, first + tail(process, workDir));
            }
            long cpu = ProcStat.cpuNs(process.pid());
            long fakeCpu = fake.cpuNs();
            String routed = await(process, routedWithin, () -> fake.awaitRouted(SLICE));
            cpu = ProcStat.cpuNs(process.pid()) - cpu;
            fakeCpu = fake.cpuNs() - fakeCpu;
            double rss = ProcStat.rssMiB(process.pid());
            int exit = stop(process);
            RoundStats stats = fake.stats();
            Traffic traffic = fake.traffic();
            String problem = !routed.equals("ok") ? routed + tail(process, workDir)
                    : !stats.allCorrect() ? stats.correct() + " of " + stats.tickets() + " tickets correct (" + stats.problems() + ")" : null;
            return new RoundOutcome(contender.name(), parallelism, tickets, tickets / traffic.seconds(), cpu / 1e6 / tickets,
                    fakeCpu / 1e6 / tickets, traffic.firstRequestUs() / 1e3 - startedMs, rss, exit, traffic, problem);
        } finally {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }

    private interface Wait {
        String slice() throws IOException, InterruptedException;
    }

    /** Waits slice by slice until the fake says {@code ok}, the process has ended, or {@code limit} has passed. */
    private static String await(Process process, Duration limit, Wait wait) throws IOException, InterruptedException {
        String answer = "not waited";
        for (long slices = Math.max(1, limit.dividedBy(SLICE)); slices > 0; slices--) {
            answer = wait.slice();
            if (answer.equals("ok")) {
                return answer;
            }
            if (!process.isAlive()) {
                return "the process ended with exit code " + process.exitValue() + " (" + answer + ")";
            }
        }
        return answer;
    }

    /** SIGTERM, then the exit code (-1: still running after a minute, killed). */
    private static int stop(Process process) throws InterruptedException {
        process.destroy();
        if (process.waitFor(1, TimeUnit.MINUTES)) {
            return process.exitValue();
        }
        process.destroyForcibly();
        return -1;
    }

    private static String tail(Process process, Path workDir) throws IOException {
        process.destroyForcibly();
        List<String> lines = Files.readAllLines(workDir.resolve("process.log"));
        return "; last lines of " + workDir.resolve("process.log") + ":\n  "
                + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void clean(Path workDir) throws IOException {
        if (Files.exists(workDir)) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(workDir);
    }
}
