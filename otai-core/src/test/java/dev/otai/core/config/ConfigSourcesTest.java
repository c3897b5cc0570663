package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigSourcesTest {

    private static final String CONFIG = """
            %s:
              infrastructure:
                logging:
                  level: INFO
              services:
                tickets:
                  use: testkit:InMemoryTicketSystem
                  params:
                    password: from-file
              orchestrator:
                runners: []
            """;

    @TempDir
    Path dir;

    private EngineConfig load(String root, Map<String, String> env, String dotEnv) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, CONFIG.formatted(root));
        if (dotEnv != null) {
            Files.writeString(dir.resolve(".env"), dotEnv);
        }
        var problems = new Problems();
        EngineConfig config = ConfigReader.read(ConfigLoader.load(file, env, problems).orElseThrow(), problems);
        assertThat(problems.errors()).isEmpty();
        return config;
    }

    private static Object password(EngineConfig config) {
        return config.services().get("tickets").params().get("password").value().toPlain();
    }

    @ParameterizedTest
    @ValueSource(strings = {"open_ticket_ai", "otai", "cfg"})
    void every_root_alias_loads(String root) throws IOException {
        EngineConfig config = load(root, Map.of(), null);
        assertThat(config.services()).containsOnlyKeys("tickets");
        assertThat(config.orchestrator().use()).isEqualTo("base:SimpleSequentialOrchestrator");
    }

    @Test
    void environment_overrides_dot_env_which_overrides_the_file() throws IOException {
        String dotEnv = "OTAI__SERVICES__TICKETS__PARAMS__PASSWORD=from-dotenv\nOTAI__INFRASTRUCTURE__LOGGING__LEVEL=DEBUG\n";
        assertThat(password(load("otai", Map.of(), null))).isEqualTo("from-file");
        assertThat(password(load("otai", Map.of(), dotEnv))).isEqualTo("from-dotenv");
        EngineConfig both = load("otai", Map.of("OPEN_TICKET_AI__SERVICES__TICKETS__PARAMS__PASSWORD", "from-env"), dotEnv);
        assertThat(password(both)).isEqualTo("from-env");
        assertThat(both.logging().level()).isEqualTo("DEBUG");
    }

    @Test
    void override_names_are_case_insensitive_and_only_replace_the_named_key() throws IOException {
        EngineConfig config = load("open_ticket_ai", Map.of("otai__Services__TICKETS__params__password", "x"), null);
        assertThat(password(config)).isEqualTo("x");
        assertThat(config.services().get("tickets").use()).isEqualTo("testkit:InMemoryTicketSystem");
    }

    @Test
    void dot_env_values_are_visible_to_get_env_and_the_environment_wins() throws IOException {
        EngineConfig config = load("otai", Map.of("PW", "env"), "PW=dotenv\nTOKEN='a b'\nexport OTHER=\"x\\ny\" \n# comment\n");
        assertThat(config.environment()).containsEntry("PW", "env").containsEntry("TOKEN", "a b").containsEntry("OTHER", "x\ny");
    }

    @Test
    void config_file_comes_from_the_option_then_otai_config_then_the_working_directory() {
        Path cwd = Path.of("/srv/otai");
        assertThat(ConfigLoader.locate(Optional.of(Path.of("a.yml")), Map.of("OTAI_CONFIG", "b.yml"), cwd)).isEqualTo(Path.of("a.yml"));
        assertThat(ConfigLoader.locate(Optional.empty(), Map.of("OTAI_CONFIG", "b.yml"), cwd)).isEqualTo(cwd.resolve("b.yml"));
        assertThat(ConfigLoader.locate(Optional.empty(), Map.of(), cwd)).isEqualTo(cwd.resolve("config.yml"));
    }

    @Test
    void missing_file_is_a_problem_that_says_how_to_give_one() {
        var problems = new Problems();
        assertThat(ConfigLoader.load(dir.resolve("nope.yml"), Map.of(), problems)).isEmpty();
        assertThat(problems.errors()).singleElement().asString().contains("no such file").contains("--config");
    }
}
