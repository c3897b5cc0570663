package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.testkit.process.ReapChildProcesses;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live config reload through a real {@code otai run} process: by SIGHUP, by {@code otai trigger --reload} over the
 * engine's HTTP server, and by {@code --watch-config}.
 */
@ExtendWith(ReapChildProcesses.class)
class ConfigReloadProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Process engine;

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null && engine.isAlive()) {
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path config() {
        return dir.resolve("config.yml");
    }

    private void write(String config) throws IOException {
        Path next = dir.resolve("config.yml.next");
        Files.writeString(next, config.replace("DIR", dir.toString()));
        Files.move(next, config(), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private void start(String config, String... flags) throws IOException {
        write(config);
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config().toString()));
        command.addAll(List.of(flags));
        engine = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("engine.log").toFile()).start();
    }

    private void hangUp() throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(engine.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private long lines(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("engine.log"));
    }

    private void awaitLog(String text) throws IOException {
        try {
            Awaitility.await().atMost(WAIT).until(() -> log().contains(text) || !engine.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no \"" + text + "\" in the engine's log:\n" + log(), e);
        }
        assertThat(engine.isAlive()).as("the engine still runs").isTrue();
    }

    private void stopsCleanly() throws Exception {
        engine.destroy(); // SIGTERM
        assertThat(engine.waitFor(30, TimeUnit.SECONDS)).as("engine exited").isTrue();
        assertThat(engine.exitValue()).as(log()).isZero();
    }

    private static final String STORE = """
              infrastructure:
                storage: { data_dir: "DIR/data" }
            """;

    private static final String TICKER = """
                  - id: ticker
                    on: [{ id: often, use: base:IntervalTrigger, params: { milliseconds: 50 } }]
                    run: { id: tick, use: "testkit:Touch", params: { path: "DIR/ticks" } }
            """;

    /** A runner that fires every 100 ms; each run touches {@code started_<v>}, waits for {@code release_<v>}, touches {@code finished_<v>}. */
    private static String worker(String version) {
        return """
                  - id: worker
                    on: [{ id: tenth, use: base:IntervalTrigger, params: { milliseconds: 100 } }]
                    run:
                      id: work
                      use: base:CompositePipe
                      steps:
                        - { id: started, use: "testkit:Touch", params: { path: "DIR/started_%1$s" } }
                        - { id: wait, use: "testkit:AwaitFile", params: { path: "DIR/release_%1$s" } }
                        - { id: done, use: "testkit:Touch", params: { path: "DIR/finished_%1$s" } }
            """.formatted(version);
    }

    private static String config(String runners) {
        return "otai:\n" + STORE + "  orchestrator:\n    shutdown_grace: PT30S\n    runners:\n" + runners;
    }

    @Test
    void sighup_applies_a_changed_runner_after_its_in_flight_run_and_keeps_the_unchanged_one_running() throws Exception {
        start(config(worker("v1") + TICKER));
        Awaitility.await().atMost(WAIT).until(() -> lines("started_v1") == 1 && lines("ticks") > 2 || !engine.isAlive());

        write(config(worker("v2") + TICKER));
        hangUp();

        awaitLog("Runners reloaded: kept [ticker], changed [worker], added [], removed []");
        awaitLog("Runner 'worker' starts its run under the reloaded config once the run under the previous one has ended");
        assertThat(lines("started_v2")).as("the new definition waits for the old run").isZero();
        long ticks = lines("ticks");
        Awaitility.await().atMost(WAIT).until(() -> lines("ticks") > ticks + 2);

        Files.createFile(dir.resolve("release_v1"));
        Awaitility.await().atMost(WAIT).until(() -> lines("finished_v1") == 1 && lines("started_v2") >= 1);
        assertThat(lines("started_v1")).as("no run of the old definition after the reload").isEqualTo(1);
        Files.createFile(dir.resolve("release_v2"));
        Awaitility.await().atMost(WAIT).until(() -> lines("finished_v2") >= 1);

        stopsCleanly();
        assertThat(log()).contains("Config reloaded from " + config()).doesNotContain("cancelled").doesNotContain("ERROR");
    }

    @Test
    void an_invalid_config_is_rejected_with_its_positions_and_the_old_config_keeps_running() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String http = "    http: { port: " + port + " }\n";
        String valid = config(TICKER).replace(STORE, STORE + http);
        start(valid);
        String url = "http://127.0.0.1:" + port;
        Awaitility.await().atMost(WAIT).until(() -> lines("ticks") > 2 || !engine.isAlive());
        String startedWith = sha256(config());
        Awaitility.await().atMost(WAIT).until(() -> health(url) != null);
        assertThat(health(url).path("config").path("sha256").asText()).isEqualTo(startedWith);

        write(valid.replace("testkit:Touch", "testkit:NoSuchPipe"));
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("trigger", "--reload", "--url", url);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("config reload rejected: 1 problem in " + config())
                .contains(config() + ":10:31: orchestrator.runners[0].run.use: pipe 'tick': unknown pipe type \"testkit:NoSuchPipe\"");
        awaitLog("Config reload rejected");
        assertThat(log()).containsPattern("ERROR .*Config reload rejected: " + Pattern.quote(config().toString()) + ":10:31: ");
        long ticks = lines("ticks");
        Awaitility.await().atMost(WAIT).until(() -> lines("ticks") > ticks + 2);
        assertThat(health(url).path("config").path("sha256").asText()).as("still the old config").isEqualTo(startedWith);
        assertThat(metrics(url)).contains("otai_config_reloads_total{outcome=\"rejected\"} 1.0");

        stopsCleanly();
    }

    @Test
    void with_watch_config_a_runner_removed_mid_run_finishes_its_run_first() throws Exception {
        String slow = """
                  - id: slow
                    run:
                      id: once
                      use: base:CompositePipe
                      steps:
                        - { id: started, use: "testkit:Touch", params: { path: "DIR/slow_started" } }
                        - { id: wait, use: "testkit:AwaitFile", params: { path: "DIR/slow_release" } }
                        - { id: done, use: "testkit:Touch", params: { path: "DIR/slow_finished" } }
            """;
        start(config(slow + TICKER), "--watch-config");
        Awaitility.await().atMost(WAIT).until(() -> lines("slow_started") == 1 && lines("ticks") > 2 || !engine.isAlive());
        awaitLog("Watching " + config());

        write(config(TICKER));

        awaitLog("Runners reloaded: kept [ticker], changed [], added [], removed [slow]");
        assertThat(log()).contains("the config file changed");
        assertThat(lines("slow_finished")).isZero();
        Files.createFile(dir.resolve("slow_release"));
        Awaitility.await().atMost(WAIT).until(() -> lines("slow_finished") == 1);
        long ticks = lines("ticks");
        Awaitility.await().atMost(WAIT).until(() -> lines("ticks") > ticks + 2);
        assertThat(lines("slow_started")).as("the removed runner did not run again").isEqualTo(1);

        stopsCleanly();
        assertThat(log()).contains("Run ").containsPattern("Run \\w+ of runner 'slow' by 'startup' succeeded");
    }

    @Test
    void sighup_during_a_run_once_is_logged_and_ignored_instead_of_ending_the_process() throws Exception {
        start(config(worker("v1")), "--once");
        Awaitility.await().atMost(WAIT).until(() -> lines("started_v1") == 1 || !engine.isAlive());

        hangUp();
        awaitLog("SIGHUP received while the engine is not running its triggers (starting, or run with --once); ignored");
        Files.createFile(dir.resolve("release_v1"));

        assertThat(engine.waitFor(60, TimeUnit.SECONDS)).as("engine exited").isTrue();
        assertThat(engine.exitValue()).as(log()).isZero();
        assertThat(lines("finished_v1")).isEqualTo(1);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static JsonNode health(String url) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String metrics(String url) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
