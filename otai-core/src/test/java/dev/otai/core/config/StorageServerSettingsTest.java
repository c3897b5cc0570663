package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.config.StorageSettings.Server;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorageServerSettingsTest {

    private final Problems problems = new Problems();

    private StorageSettings read(String storage, Map<String, String> env) {
        String yaml = """
                open_ticket_ai:
                  infrastructure:
                    storage:
                %s
                  orchestrator: { runners: [] }
                """.formatted(storage.indent(6).stripTrailing());
        var loaded = ConfigLoader.read(yaml.getBytes(StandardCharsets.UTF_8), "config.yml", Map.of(), env, problems).orElseThrow();
        return ConfigReader.read(loaded, problems).storage();
    }

    @Test
    void a_url_turns_on_clustered_mode_with_every_server_setting_read() {
        StorageSettings storage = read("""
                url: "jdbc:postgresql://db.internal:5432/otai"
                user: otai
                password: "{{ get_env('OTAI_DB_PASSWORD') }}"
                pool_size: 12
                node: node-a
                lease: PT15S
                """, Map.of("OTAI_DB_PASSWORD", "s3cret-pw"));

        assertThat(problems.sorted()).isEmpty();
        assertThat(storage.clustered()).isTrue();
        assertThat(storage.server()).contains(new Server("jdbc:postgresql://db.internal:5432/otai", "otai", "s3cret-pw", 12,
                "node-a", Duration.ofSeconds(15)));
    }

    @Test
    void without_a_url_the_store_is_the_embedded_one() {
        StorageSettings storage = read("data_dir: data", Map.of());

        assertThat(storage.clustered()).isFalse();
        assertThat(storage.server()).isEmpty();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void pool_size_lease_and_node_have_defaults() {
        Server server = read("url: jdbc:postgresql://localhost/otai", Map.of()).server().orElseThrow();

        assertThat(server.poolSize()).isEqualTo(8);
        assertThat(server.lease()).isEqualTo(Duration.ofSeconds(10));
        assertThat(server.node()).isEqualTo(Server.defaultNode()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(server.user()).isEmpty();
        assertThat(server.password()).isEmpty();
    }

    @Test
    void the_password_can_come_from_an_environment_override() {
        Server server = read("url: jdbc:postgresql://localhost/otai", Map.of("OTAI__INFRASTRUCTURE__STORAGE__PASSWORD", "from-env",
                "OTAI__INFRASTRUCTURE__STORAGE__NODE", "node-b")).server().orElseThrow();

        assertThat(server.password()).isEqualTo("from-env");
        assertThat(server.node()).isEqualTo("node-b");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void each_bad_server_value_is_named_with_its_place_and_clustered_mode_stays_off() {
        StorageSettings storage = read("""
                url: "mysql://db/otai"
                user: [otai]
                pool_size: 1
                node: "node a"
                lease: 1s
                """, Map.of());

        assertThat(storage.server()).isEmpty();
        assertThat(problems.sorted()).extracting(Problem::toString).containsExactly(
                "config.yml:4:12: infrastructure.storage.url: 'url' was the string \"mysql://db/otai\"; expected a PostgreSQL "
                        + "JDBC url such as jdbc:postgresql://db.internal:5432/otai",
                "config.yml:5:13: infrastructure.storage.user: 'user' was a list; expected a non-empty text without templates "
                        + "(override it with OTAI__INFRASTRUCTURE__STORAGE__USER)",
                "config.yml:6:18: infrastructure.storage.pool_size: 'pool_size' was the number 1; expected an integer in [2, 500]",
                "config.yml:7:13: infrastructure.storage.node: 'node' was the string \"node a\"; expected a name of up to 100 "
                        + "letters, digits, '.', '_' or '-' that starts with a letter or digit, unique in the cluster (or none: "
                        + "the host name and process id)",
                "config.yml:8:14: infrastructure.storage.lease: 'lease' was the string \"1s\"; expected " + Durations.EXPECTATION
                        + ", of at least 2 seconds");
    }

    @Test
    void a_password_read_from_an_unset_variable_is_an_error_naming_the_variable() {
        read("""
                url: jdbc:postgresql://localhost/otai
                password: "{{ get_env('OTAI_DB_PASSWORD') }}"
                """, Map.of());

        assertThat(problems.sorted()).extracting(Problem::toString).containsExactly("config.yml:5:17: "
                + "infrastructure.storage.password: 'password' reads the environment variable OTAI_DB_PASSWORD, which is "
                + "not set; expected the password written out, or {{ get_env('OTAI_DB_PASSWORD') }} with that variable set "
                + "(or put it in .env)");
    }

    @Test
    void a_server_key_without_a_url_is_warned_about() {
        read("pool_size: 4", Map.of());

        assertThat(problems.sorted()).singleElement().satisfies(problem -> {
            assertThat(problem.warning()).isTrue();
            assertThat(problem.toString()).isEqualTo("config.yml:4:18: infrastructure.storage.pool_size: warning: 'pool_size' "
                    + "is ignored without 'url': the store is the embedded one in data_dir; set url to a jdbc:postgresql:// "
                    + "url for clustered mode");
        });
    }
}
