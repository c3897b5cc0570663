package dev.otai.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.engine.Engine;
import dev.otai.core.redaction.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rendered params the engine's redactor learns, whether a param is constant or rendered on every run. */
class SecretParamsTest {

    private final Redactor redactor = new Redactor();

    private void runOnce(String username, String password) {
        String config = """
                open_ticket_ai:
                  orchestrator:
                    runners:
                      - id: r
                        run:
                          id: login
                          use: "probe:Login"
                          params: { username: "%s", password: "%s" }
                """.formatted(username, password);
        try (Engine engine = EngineFixture.start(config, Map.of(),
                Facilities.builder().add(Redactor.class, redactor).add(Probes.class, new Probes()))) {
            assertThat(engine.runOnce()).singleElement().satisfies(run -> assertThat(run.result().succeeded()).isTrue());
        }
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_constant_password_is_learnt_with_each_rendered_user_as_basic_credentials() {
        runOnce("agent-{{ trigger }}", "c0nstant-pw");

        assertThat(redactor.redact("Authorization: Basic " + basic("agent-once", "c0nstant-pw")))
                .isEqualTo("Authorization: Basic ***");
        assertThat(redactor.redact("password c0nstant-pw")).isEqualTo("password ***");
    }

    @Test
    void a_rendered_password_is_learnt_with_a_constant_user() {
        runOnce("agent", "pw-{{ trigger }}-9f3");

        assertThat(redactor.redact("sent pw-once-9f3 as " + basic("agent", "pw-once-9f3"))).isEqualTo("sent *** as ***");
    }

    @Test
    void constant_params_that_are_not_secret_are_left_in_text() {
        runOnce("agent", "c0nstant-pw");

        assertThat(redactor.redact("agent logged in")).isEqualTo("agent logged in");
        assertThat(redactor.redact("Basic " + basic("agent", "c0nstant-pw"))).isEqualTo("Basic ***");
    }
}
