package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    private static final String TOKEN = "s3cret-console-token-42";

    private final Problems problems = new Problems();

    private ConsoleSettings read(String console, Map<String, String> env) {
        String yaml = "open_ticket_ai:\n  infrastructure:\n    console: " + console + "\n  orchestrator: { runners: [] }\n";
        var loaded = ConfigLoader.read(yaml.getBytes(StandardCharsets.UTF_8), "config.yml", Map.of(), env, problems).orElseThrow();
        return ConfigReader.read(loaded, problems).console();
    }

    @Test
    void the_console_is_off_unless_configured() {
        var loaded = ConfigLoader.read("otai: {orchestrator: {runners: []}}".getBytes(StandardCharsets.UTF_8), "config.yml",
                Map.of(), Map.of(), problems).orElseThrow();
        assertThat(ConfigReader.read(loaded, problems).console().enabled()).isFalse();
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void a_token_from_get_env_turns_the_console_on_and_never_prints() {
        ConsoleSettings console = read("{ token: \"{{ get_env('OTAI_CONSOLE_TOKEN') }}\", session_timeout: PT1H }",
                Map.of("OTAI_CONSOLE_TOKEN", TOKEN));

        assertThat(console.enabled()).isTrue();
        assertThat(console.token()).isEqualTo(TOKEN);
        assertThat(console.sessionTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(console.toString()).doesNotContain(TOKEN).contains("token=***");
        assertThat(problems.sorted()).isEmpty();
    }

    @Test
    void an_unset_variable_leaves_the_console_off_with_a_warning_naming_it() {
        ConsoleSettings console = read("{ token: \"{{ get_env('OTAI_CONSOLE_TOKEN') }}\" }", Map.of());

        assertThat(console.enabled()).isFalse();
        assertThat(problems.errors()).isEmpty();
        assertThat(problems.sorted()).singleElement().asString().contains("config.yml:3:23: infrastructure.console.token: warning: "
                + "'token' reads the environment variable OTAI_CONSOLE_TOKEN, which is not set; the web console is off");
    }

    @Test
    void a_short_token_is_an_error_that_gives_its_length_and_not_its_value() {
        ConsoleSettings console = read("{ token: hunter2 }", Map.of());

        assertThat(console.enabled()).isFalse();
        assertThat(problems.errors()).singleElement().hasToString("config.yml:3:23: infrastructure.console.token: 'token' has 7 "
                + "characters; expected a text of at least 16 characters, or {{ get_env('OTAI_CONSOLE_TOKEN') }}");
    }

    @Test
    void a_numeric_token_is_refused_without_printing_the_number() {
        read("{ token: 12345678901234567890 }", Map.of());

        assertThat(problems.errors()).singleElement().asString().contains("'token' was not a text").doesNotContain("1234");
    }

    @Test
    void a_template_other_than_get_env_is_refused() {
        read("{ token: \"{{ 'a' * 20 }}\" }", Map.of());

        assertThat(problems.errors()).singleElement().asString().contains("'token' is a template other than get_env");
    }

    @Test
    void a_missing_token_is_an_error() {
        read("{ session_timeout: PT1H }", Map.of());

        assertThat(problems.errors()).singleElement().asString()
                .contains("infrastructure.console.token: the console needs a 'token' to sign in with");
    }
}
