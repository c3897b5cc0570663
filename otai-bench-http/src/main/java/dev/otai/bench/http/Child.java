package dev.otai.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM the harness started with its classpath, optionally pinned to a CPU, talked to by lines. */
final class Child implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final long startedEpochMs;

    Child(String cpu, List<String> jvmFlags, String mainClass, List<String> args) throws IOException {
        var command = new ArrayList<String>();
        if (cpu != null) {
            command.addAll(List.of("taskset", "-c", cpu));
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        startedEpochMs = System.currentTimeMillis();
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    String readLine() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IOException("child " + process.pid() + " ended (exit " + waitExit() + ") without answering");
        }
        return line;
    }

    /** The next line starting with one of the prefixes; other lines (JVM notices) are passed on to stderr. */
    String readAnswer(String... prefixes) throws IOException {
        while (true) {
            String line = readLine();
            if (Arrays.stream(prefixes).anyMatch(line::startsWith)) {
                return line;
            }
            System.err.println("[" + process.pid() + "] " + line);
        }
    }

    void send(String line) {
        in.println(line);
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size now, in MiB (the JVM only: taskset exec's it). */
    double rssMiB() throws IOException {
        return ProcStat.rssMiB(process.pid());
    }

    /** User + system CPU of the JVM so far, in ns. */
    long cpuNs() throws IOException {
        return ProcStat.cpuNs(process.pid());
    }

    private int waitExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }
}
