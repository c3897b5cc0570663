package dev.otai.zammad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.config.Problem;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A Zammad URL carrying credentials is a validation error that does not repeat the password. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServiceUrlTest {

    private static final String CONFIG = """
            open_ticket_ai:
              services:
                zammad:
                  use: "zammad:ZammadTicketsystemService"
                  params:
                    base_url: "https://agent:pw-Zx81q@zammad.example.com/"
                    access_token: "token"
              orchestrator:
                use: "base:SimpleSequentialOrchestrator"
                params:
                  steps: []
            """;

    @Test
    void base_url_with_user_and_password_is_refused_with_its_position_and_the_password_masked() {
        var result = EngineFixture.check(CONFIG, Map.of());

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).extracting(Problem::toString).singleElement().asString()
                .startsWith("config.yml:6:")
                .contains("services.zammad.params.base_url")
                .contains("param 'base_url' was \"https://***@zammad.example.com/\"; expected an http(s) URL with a "
                        + "host and without user:password@ in it")
                .contains("give credentials in the access_token params")
                .doesNotContain("pw-Zx81q").doesNotContain("agent:");
    }
}
