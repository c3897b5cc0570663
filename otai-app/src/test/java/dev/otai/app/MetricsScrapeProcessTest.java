package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.testkit.process.ReapChildProcesses;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} of a real {@code otai run} process with an HTTP port: the Prometheus text is never empty
 * (the process's own meters are there before any run), and after a run it holds the engine's metrics for it.
 */
@ExtendWith(ReapChildProcesses.class)
class MetricsScrapeProcessTest {

    private static final Pattern LISTENING = Pattern.compile("HTTP server listening on [^ ]+:(\\d+) ");

    private static final String CONFIG = """
            open_ticket_ai:
              infrastructure:
                storage: { data_dir: "DIR/otai-data" }
                http: { port: 0 }
              services:
                desk:
                  use: "local:LocalTicketSystem"
                  params: { seed: "DIR/tickets.jsonl" }
              orchestrator:
                runners:
                  - id: router
                    run:
                      id: fetch
                      use: "base:FetchTicketsPipe"
                      injects: { ticket_system: desk }
                      params: { ticket_search_criteria: { queue: { name: "Incoming" } } }
                  - id: hourly
                    on: { id: every_hour, use: "base:IntervalTrigger", params: { hours: 1 } }
                    run:
                      id: fetch_hourly
                      use: "base:FetchTicketsPipe"
                      injects: { ticket_system: desk }
                      params: { ticket_search_criteria: { queue: { name: "Incoming" } } }
            """;

    @TempDir
    Path dir;

    private Process engine;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null && engine.isAlive()) {
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
        }
        http.close();
    }

    @Test
    void the_scrape_of_a_running_engine_holds_its_run_metrics_after_a_run() throws Exception {
        Files.writeString(dir.resolve("tickets.jsonl"),
                "{\"id\": \"1\", \"subject\": \"Printer jam\", \"body\": \"again\", \"queue\": \"Incoming\"}\n");
        Path config = dir.resolve("config.yml");
        Files.writeString(config, CONFIG.replace("DIR", dir.toString().replace("\\", "/")));
        Path log = dir.resolve("engine.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        engine = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        int port = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> port(Files.readString(log)), p -> p > 0 || !engine.isAlive());
        assertThat(engine.isAlive()).as(Files.readString(log)).isTrue();

        String after = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> scrape(port).body(), body -> body.contains("runner=\"router\""));
        HttpResponse<String> response = scrape(port);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.headers().firstValueAsLong("Content-Length").orElse(response.body().length())).isPositive();
        assertThat(after).contains("otai_runs_total{outcome=\"succeeded\",runner=\"router\"} 1.0")
                .contains("otai_run_duration_seconds_count{runner=\"router\"} 1")
                .contains("otai_runs_total{outcome=\"succeeded\",runner=\"hourly\"} 0.0")
                .contains("jvm_memory_used_bytes").contains("process_uptime_seconds");
    }

    private static int port(String log) {
        Matcher matcher = LISTENING.matcher(log);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private HttpResponse<String> scrape(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
