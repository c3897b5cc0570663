package dev.otai.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One {@code otai run} engine as a child process (not {@code --once}: it runs until stopped), with its own
 * environment and log, tuned to start fast (C1 only, serial GC, small heap). The test stops it with a signal:
 * SIGTERM ({@link #stop}), SIGKILL ({@link #kill}) or SIGSTOP/SIGCONT ({@link #pause}, {@link #resume}). Use
 * with {@code ReapChildProcesses}, which kills whatever a test leaves running; {@link #close} does it first.
 */
final class EngineNode implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("HTTP server listening on [^ ]+:(\\d+) ");

    private final String name;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile int port;

    private EngineNode(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code otai run --config config} with these variables added to the environment, logging to {@code log}. */
    static EngineNode start(String name, Path config, Path log, Map<String, String> environment) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", config.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new EngineNode(name, log, builder.start());
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Everything the engine logged so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits (at most 90 s) until the engine's HTTP server listens and {@code /health} answers 200; returns the port. */
    int awaitReady() {
        Awaitility.await("engine " + name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> !process.isAlive() || readyPort() > 0);
        if (!process.isAlive()) {
            throw new AssertionError("engine " + name + " exited with " + process.exitValue() + " before it was ready; log:\n" + log());
        }
        return port;
    }

    private int readyPort() {
        return listening() && health().status() == 200 ? port : 0;
    }

    /** Whether the engine's HTTP server has said which port it listens on (it may still be starting). */
    boolean listening() {
        if (port == 0) {
            Matcher matcher = LISTENING.matcher(log());
            if (matcher.find()) {
                port = Integer.parseInt(matcher.group(1));
            }
        }
        return port != 0;
    }

    /** An HTTP answer of the engine; status 0, with the failure as body, when it did not answer. */
    record Answer(int status, String body) {
    }

    /** {@code GET /health}. */
    Answer health() {
        return send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build());
    }

    /** Posts a webhook event as OTOBO's PassThrough invoker does, to {@code POST /hooks/{trigger}}. */
    Answer postEvent(String trigger, String event, String ticketId) {
        return send(HttpRequest.newBuilder(uri("/hooks/" + trigger)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Event\":\"" + event + "\",\"TicketID\":\"" + ticketId + "\"}"))
                .build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    /** The engine's address for {@code path}; only once it is {@link #awaitReady ready}. */
    URI uri(String path) {
        if (port == 0) {
            throw new IllegalStateException("engine " + name + " is not ready yet");
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: the process dies at once, without shutdown hooks; waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGSTOP: the process freezes as in a long GC pause or a suspended VM; its sockets stay open. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a {@link #pause paused} process goes on where it froze. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /**
     * The engine's threads and their stacks, virtual threads (its runs) included ({@code jcmd <pid>
     * Thread.dump_to_file}), for the message of a failed test.
     */
    String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Path file = log.resolveSibling(name + "-threads-" + System.nanoTime() + ".txt");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.dump_to_file",
                    "-format=text", file.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!dump.waitFor(15, TimeUnit.SECONDS)) {
                dump.destroyForcibly().waitFor();
                return "(no thread dump within 15 s)";
            }
            return Files.exists(file) ? Files.readString(file) : "(no thread dump: jcmd exited with " + dump.exitValue() + ")";
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** SIGTERM, then waits (at most 60 s) for the engine to finish its runs and exit; returns its exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("engine " + name + " did not exit within 60 s of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            signalQuietly("CONT"); // a paused process cannot die until continued on some systems
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        http.close();
    }

    private void signalQuietly(String signal) {
        try {
            signal(signal);
        } catch (IOException | IllegalStateException e) {
            // it is being killed anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
