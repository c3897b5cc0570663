package dev.otai.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.engine.ConfigCheck;
import dev.otai.core.engine.Engine;
import dev.otai.core.orchestration.EngineListener;
import dev.otai.core.orchestration.Lifecycle;
import dev.otai.core.orchestration.RunnerStatus;
import dev.otai.http.ConfigControl;
import dev.otai.http.EngineMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloads of a config file that is no longer a config: gone, a device that never ends, a folder. Each is
 * rejected at once with a message naming the file, and the running config stays.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileConfigReloadTest {

    private static final String CONFIG = """
            otai:
              orchestrator:
                runners:
                  - id: hourly
                    on: [{ id: every_hour, use: base:IntervalTrigger, params: { hours: 1 } }]
                    run: { id: noop, use: base:ExpressionPipe, params: { expression: "ok" } }
            """;

    @TempDir
    Path dir;

    private final Composition composition = new Composition(Map.of());
    private final EngineMetrics metrics = new EngineMetrics();
    private Path file;
    private Engine engine;
    private Thread orchestrator;
    private ConfigReloader reloader;
    private String startedWith;

    @BeforeEach
    void start() throws Exception {
        file = dir.resolve("config.yml");
        Files.writeString(file, CONFIG);
        startedWith = ConfigReloader.sha256(file);
        ConfigCheck.Result result = composition.check(file);
        engine = Engine.start(result.blueprint().orElseThrow(), composition.templates, InstantSource.system(),
                new Lifecycle(), EngineListener.NONE, composition.facilities());
        orchestrator = Thread.ofVirtual().start(engine::run);
        reloader = new ConfigReloader(composition, file, new ConfigControl.Loaded(startedWith, InstantSource.system().instant()),
                engine, metrics, InstantSource.system(), false);
    }

    @AfterEach
    void stop() throws InterruptedException {
        engine.lifecycle().requestStop();
        orchestrator.join(Duration.ofSeconds(30));
        engine.close();
    }

    private void stillRunsTheOldConfig() {
        assertThat(engine.orchestrator().status()).extracting(RunnerStatus::id).containsExactly("hourly");
        assertThat(reloader.loaded()).hasValueSatisfying(loaded -> assertThat(loaded.sha256()).isEqualTo(startedWith));
    }

    @Test
    void a_config_file_that_became_dev_zero_is_rejected_without_being_read_whole() throws Exception {
        Files.delete(file);
        Files.createSymbolicLink(file, Path.of("/dev/zero"));

        ConfigControl.Reload reload = reloader.reload("test");

        assertThat(reload.outcome()).isEqualTo("rejected");
        assertThat(reload.errors()).singleElement().asString().startsWith(file.toString()).contains("bytes");
        stillRunsTheOldConfig();
    }

    @Test
    void a_deleted_config_file_or_a_folder_in_its_place_is_rejected_and_counted() throws Exception {
        Files.delete(file);
        ConfigControl.Reload gone = reloader.reload("test");
        Files.createDirectory(file);
        ConfigControl.Reload folder = reloader.reload("test");

        assertThat(gone.outcome()).isEqualTo("rejected");
        assertThat(gone.errors()).singleElement().asString().startsWith(file.toString()).contains("cannot read config file: no such file");
        assertThat(folder.outcome()).isEqualTo("rejected");
        assertThat(folder.errors()).singleElement().asString().startsWith(file.toString());
        assertThat(metrics.registry().scrape()).contains("otai_config_reloads_total{outcome=\"rejected\"} 2.0");
        stillRunsTheOldConfig();
    }
}
