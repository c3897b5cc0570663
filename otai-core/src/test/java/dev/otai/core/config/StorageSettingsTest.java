package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageSettingsTest {

    private final Problems problems = new Problems();

    private EngineConfig read(String yaml, Map<String, String> env) {
        var loaded = ConfigLoader.read(yaml.getBytes(StandardCharsets.UTF_8), "config.yml", Map.of(), env, problems).orElseThrow();
        return ConfigReader.read(loaded, problems);
    }

    @Test
    void storage_settings_are_part_of_the_engine_config_with_bad_values_named_and_defaults_kept() {
        EngineConfig config = read("""
                open_ticket_ai:
                  infrastructure:
                    storage:
                      data_dir: /var/lib/otai
                      retention: { max_age: P7D, max_runs: "lots" }
                      ledger: { max_writes_per_ticket: 5, always_write: [notify] }
                  orchestrator: { runners: [] }
                """, Map.of());

        StorageSettings storage = config.storage();
        assertThat(storage.dataDirectory()).isEqualTo(Path.of("/var/lib/otai"));
        assertThat(storage.maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(storage.maxRuns()).isEqualTo(100_000);
        assertThat(storage.ledger().maxWritesPerTicket()).isEqualTo(5);
        assertThat(storage.ledger().alwaysWrite()).containsExactly("notify");
        assertThat(problems.errors()).singleElement().hasToString("config.yml:5:44: infrastructure.storage.retention.max_runs: "
                + "'max_runs' was the string \"lots\"; expected an integer of at least 1");
    }

    @Test
    void storage_settings_default_to_otai_data_as_a_relative_folder() {
        StorageSettings storage = read("open_ticket_ai: {orchestrator: {runners: []}}", Map.of()).storage();

        assertThat(storage).isEqualTo(StorageSettings.defaults());
        assertThat(storage.dataDirectory()).isEqualTo(Path.of("otai-data"));
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void an_environment_override_reaches_the_storage_settings() {
        EngineConfig config = read("open_ticket_ai: {orchestrator: {runners: []}}",
                Map.of("OTAI__INFRASTRUCTURE__STORAGE__RETENTION__MAX_RUNS", "25"));

        assertThat(config.storage().maxRuns()).isEqualTo(25);
        assertThat(problems.errors()).isEmpty();
    }

    @Test
    void an_unknown_storage_key_is_warned_with_the_nearest_known_key_and_its_place() {
        EngineConfig config = read("""
                open_ticket_ai:
                  infrastructure:
                    storage:
                      retention: { max_run: 10 }
                  orchestrator: { runners: [] }
                """, Map.of());

        assertThat(config.storage().maxRuns()).isEqualTo(100_000);
        assertThat(problems.errors()).isEmpty();
        assertThat(problems.sorted()).singleElement().satisfies(problem -> {
            assertThat(problem.warning()).isTrue();
            assertThat(problem.toString()).isEqualTo("config.yml:4:20: infrastructure.storage.retention.max_run: warning: "
                    + "unknown key 'max_run' is ignored; did you mean 'max_runs'? known keys: max_age, max_runs");
        });
    }

    @Test
    void only_the_storage_section_is_read_for_commands_that_open_the_store() {
        var loaded = ConfigLoader.read("""
                open_ticket_ai:
                  infrastructure:
                    storage: { data_dir: data, max_steps_per_run: 0 }
                  orchestrator: { use: base:NoSuchOrchestrator }
                """.getBytes(StandardCharsets.UTF_8), "config.yml", Map.of(), Map.of(), problems).orElseThrow();

        StorageSettings storage = ConfigReader.storage(loaded, problems);

        assertThat(storage.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(problems.sorted()).singleElement().hasToString("config.yml:3:51: infrastructure.storage.max_steps_per_run: "
                + "'max_steps_per_run' was the number 0; expected an integer of at least 1");
    }
}
