package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.HttpSettings;
import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineEvent;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.registry.PluginRegistry;
import dev.otai.core.template.TemplateEngine;
import dev.otai.http.EngineHttpServer;
import dev.otai.http.EngineMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code otai trigger} with manual-trigger tokens, and {@code otai validate} on triggers open to other hosts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TriggerCommandTest {

    private static final String MANUAL = """
            otai:
              orchestrator:
                runners:
                  - id: manual
                    on: [{ id: rebuild, use: base:ManualTrigger, params: { token: t0ken } }]
                    run: { id: rebuilt, use: base:ExpressionPipe, params: { expression: "{{ trigger }}" } }
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int otai(String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void trigger_sends_the_token_and_without_it_the_engine_answers_401() throws Exception {
        var registry = PluginRegistry.discover(getClass().getClassLoader());
        var templates = new TemplateEngine();
        ConfigCheck.Result result = ConfigCheck.text(MANUAL, "config.yml", Map.of(), registry, templates);
        List<EngineEvent.RunFinished> finished = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.start(result.blueprint().orElseThrow(), templates, InstantSource.system(), new Lifecycle(),
                event -> {
                    if (event instanceof EngineEvent.RunFinished f) {
                        finished.add(f);
                    }
                })) {
            Thread orchestrator = Thread.ofVirtual().start(engine::run);
            try (var server = EngineHttpServer.start(new HttpSettings("127.0.0.1", 0, 4096), 0, engine.gateway(), new EngineMetrics())) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.eventTriggerIds().stream().allMatch(engine.gateway()::takesEvents));
                String url = "http://127.0.0.1:" + server.port();

                assertThat(otai("trigger", "rebuild", "--url", url)).isEqualTo(1);
                assertThat(err.toString()).contains("not triggered 'rebuild': 401").contains("--token or OTAI_TRIGGER_TOKEN");

                assertThat(otai("trigger", "rebuild", "--url", url, "--token", "t0ken")).isZero();
                assertThat(out.toString()).contains("triggered 'rebuild': 202");
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> finished.size() == 1);
            } finally {
                engine.lifecycle().requestStop();
                assertThat(orchestrator.join(Duration.ofSeconds(10))).isTrue();
            }
        }
    }

    @Test
    void trigger_takes_either_a_trigger_id_or_reload_and_says_so_otherwise() {
        assertThat(otai("trigger", "--url", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(otai("trigger", "rebuild", "--reload", "--url", "http://127.0.0.1:9")).isEqualTo(2);

        assertThat(err.toString()).contains("give the TRIGGER_ID to fire, or --reload")
                .contains("give either a TRIGGER_ID or --reload, not both");
    }

    @Test
    void trigger_reload_without_a_listening_engine_points_to_sighup() {
        assertThat(otai("trigger", "--reload", "--url", "http://127.0.0.1:9")).isEqualTo(1);

        assertThat(err.toString()).contains("no engine is listening on http://127.0.0.1:9")
                .contains("reloads on SIGHUP");
    }

    @Test
    void validate_reports_a_manual_trigger_without_token_on_all_interfaces_with_its_place() throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, MANUAL.replace("params: { token: t0ken }", "params: {}")
                .replace("  orchestrator:", "  infrastructure: { http: { host: 0.0.0.0 } }\n  orchestrator:"));

        assertThat(otai("validate", "--config", file.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(file + ":6:14: orchestrator.runners[0].on[0]: trigger 'rebuild' (base:ManualTrigger) "
                + "takes POST /hooks/rebuild without 'token', and the HTTP server listens on 0.0.0.0");
    }
}
