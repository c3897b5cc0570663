package dev.otai.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real {@code otai run} process, its log read line by line: when the first run's log line arrived, how many
 * lines and bytes it wrote, and its CPU and memory from {@code /proc}.
 */
final class EngineProcess {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Process process;
    private final long startedNanos;
    private final String firstRunMarker;
    private final CountDownLatch firstRun = new CountDownLatch(1);
    private final AtomicLong firstRunNanos = new AtomicLong();
    private final AtomicReference<String> firstRunLine = new AtomicReference<>();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong runLines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private EngineProcess(Process process, long startedNanos, String firstRunMarker) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.firstRunMarker = firstRunMarker;
        Thread.ofPlatform().daemon().name("log-" + process.pid()).start(this::read);
    }

    /** Starts the engine in {@code workDir}, where its default store goes: one engine per data directory, as users run it. */
    static EngineProcess start(List<String> command, Map<String, String> env, Path workDir, String firstRunMarker)
            throws IOException {
        var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new EngineProcess(process, started, firstRunMarker);
    }

    private void read() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                lines.incrementAndGet();
                bytes.addAndGet(line.length() + 1);
                if (line.contains(firstRunMarker)) {
                    runLines.incrementAndGet();
                    if (firstRunLine.compareAndSet(null, line)) {
                        firstRunNanos.set(now);
                        firstRun.countDown();
                    }
                }
            }
        } catch (IOException e) {
            firstRunLine.compareAndSet(null, "log read failed: " + e);
        } finally {
            firstRun.countDown();
        }
    }

    /** Seconds from starting the process to reading its first run's log line, or -1 when none came in time. */
    double awaitFirstRun(long timeoutSeconds) throws InterruptedException {
        if (!firstRun.await(timeoutSeconds, TimeUnit.SECONDS) || firstRunNanos.get() == 0) {
            return -1;
        }
        return (firstRunNanos.get() - startedNanos) / 1e9;
    }

    String firstRunLine() {
        return firstRunLine.get();
    }

    long runLines() {
        return runLines.get();
    }

    long logBytes() {
        return bytes.get();
    }

    long logLines() {
        return lines.get();
    }

    /** utime + stime of the process, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** Resident set size in MB (VmRSS). */
    double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and returns the exit code, or -1 when it did not exit within the timeout. */
    int stop(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
