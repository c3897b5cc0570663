package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database password never shows in a message about the config, nor in a printed form of the settings. */
class HostileStoragePasswordTest {

    private static final String PASSWORD = "Hunter2-db-pw";

    private final Problems problems = new Problems();

    private StorageSettings read(String storage) {
        String yaml = """
                open_ticket_ai:
                  infrastructure:
                    storage:
                %s
                  orchestrator: { runners: [] }
                """.formatted(storage.indent(6).stripTrailing());
        var loaded = ConfigLoader.read(yaml.getBytes(StandardCharsets.UTF_8), "config.yml", Map.of(), Map.of(), problems)
                .orElseThrow();
        return ConfigReader.read(loaded, problems).storage();
    }

    @Test
    void a_bad_url_carrying_a_password_is_quoted_with_the_password_masked() {
        read("url: \"jdbc:postgres://db/otai?user=otai&password=" + PASSWORD + "\"");

        assertThat(problems.sorted()).singleElement().satisfies(problem -> assertThat(problem.toString())
                .contains("'url' was the string \"jdbc:postgres://db/otai?user=otai&password=***\"")
                .doesNotContain(PASSWORD));
    }

    @Test
    void a_password_that_is_a_template_of_another_kind_is_refused_without_repeating_it() {
        read("url: jdbc:postgresql://db/otai\npassword: \"{{ '" + PASSWORD + "' }}\"");

        assertThat(problems.sorted()).singleElement().satisfies(problem -> assertThat(problem.toString())
                .isEqualTo("config.yml:5:17: infrastructure.storage.password: 'password' is a template other than get_env; "
                        + "expected the password written out, or {{ get_env('OTAI_DB_PASSWORD') }}"));
    }

    @Test
    void the_printed_settings_show_neither_the_password_nor_one_in_the_url() {
        StorageSettings storage = read("url: \"jdbc:postgresql://db/otai?password=" + PASSWORD + "\"\npassword: " + PASSWORD);

        assertThat(problems.sorted()).isEmpty();
        assertThat(storage.server().orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(storage.toString()).contains("password=***").doesNotContain(PASSWORD);
    }
}
