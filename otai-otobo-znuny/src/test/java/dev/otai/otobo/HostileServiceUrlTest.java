package dev.otai.otobo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otai.core.EngineFixture;
import dev.otai.core.config.Problem;
import dev.otai.testkit.FakeClock;
import dev.otai.testkit.otobo.FakeOtobo;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An OTOBO URL carrying credentials is refused, literal or from the environment, without repeating the password. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServiceUrlTest {

    private static final String CONFIG = """
            open_ticket_ai:
              services:
                otobo:
                  use: "otobo-znuny:OTOBOZnunyTicketSystemService"
                  params:
                    base_url: %s
                    password: "{{ get_env('OTOBO_PASSWORD') }}"
              orchestrator:
                use: "base:SimpleSequentialOrchestrator"
                params:
                  steps: []
            """;

    private final FakeOtobo fake = new FakeOtobo();

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void literal_base_url_with_user_and_password_is_a_validation_error_at_its_position() {
        var result = EngineFixture.check(CONFIG.formatted("\"http://agent:Pw-7781x@otobo.example.com/otobo/nph-genericinterface.pl\""),
                Map.of("OTOBO_PASSWORD", "p"));

        assertThat(result.problems()).extracting(Problem::toString).singleElement().asString()
                .startsWith("config.yml:6:")
                .contains("services.otobo.params.base_url")
                .contains("param 'base_url' was \"http://***@otobo.example.com/otobo/nph-genericinterface.pl\"; expected an "
                        + "http(s) URL with a host and without user:password@ in it")
                .contains("give credentials in the username and password params")
                .doesNotContain("Pw-7781x");
    }

    @Test
    void base_url_with_credentials_from_the_environment_stops_the_start_without_the_password() {
        String withCredentials = fake.baseUrl().replace("http://", "http://agent:Pw-7781x@");
        var env = Map.of("OTOBO_URL", withCredentials, "OTOBO_PASSWORD", FakeOtobo.PASSWORD);
        String config = CONFIG.formatted("\"{{ get_env('OTOBO_URL') }}\"");

        assertThatThrownBy(() -> EngineFixture.start(config, env, new FakeClock()).close())
                .hasMessageContaining("base_url").hasMessageContaining("http://***@127.0.0.1:")
                .hasMessageNotContaining("Pw-7781x");
        assertThat(fake.requests()).isEmpty();
    }
}
