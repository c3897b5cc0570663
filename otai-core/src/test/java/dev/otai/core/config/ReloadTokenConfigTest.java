package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.engine.ConfigCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code infrastructure.http.reload_token}: read, checked, and never shown. */
class ReloadTokenConfigTest {

    private static ConfigCheck.Result check(String token) {
        return EngineFixture.check("""
                otai:
                  infrastructure:
                    http: { reload_token: %s }
                  orchestrator:
                    runners: []
                """.formatted(token), Map.of());
    }

    @Test
    void a_reload_token_is_read_and_never_printed_with_the_http_settings() {
        ConfigCheck.Result result = check("\"s3cret-reload\"");

        HttpSettings http = result.blueprint().orElseThrow().config().http();
        assertThat(http.reloadToken()).isEqualTo("s3cret-reload");
        assertThat(http.toString()).doesNotContain("s3cret-reload").contains("reloadToken=<redacted>");
    }

    @Test
    void an_empty_or_non_text_reload_token_is_an_error_at_its_place() {
        for (String token : new String[] {"\"\"", "[a, b]"}) {
            ConfigCheck.Result result = check(token);
            assertThat(result.valid()).as(token).isFalse();
            assertThat(result.errors()).singleElement().satisfies(problem -> {
                assertThat(problem.location().line()).isEqualTo(3);
                assertThat(problem.toString()).contains("infrastructure.http.reload_token")
                        .contains("expected the token 'otai trigger --reload' must send");
            });
        }
    }
}
