package dev.otai.core.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.config.Problem;
import dev.otai.core.engine.ConfigCheck;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which HTTP-fed triggers validation lets through, by bind address and credentials. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OpenEndpointValidationTest {

    private static ConfigCheck.Result check(String host, String triggerParams) {
        return EngineFixture.check("""
                otai:
                  infrastructure:
                    http: { host: "%s" }
                  orchestrator:
                    runners:
                      - on: [{ id: hook, use: base:WebhookTrigger, params: %s }]
                        run: { id: noop, use: base:ExpressionPipe, params: { expression: "ok" } }
                """.formatted(host, triggerParams), Map.of("HOOK_SECRET", "s3cret"));
    }

    @Test
    void a_webhook_without_secret_is_valid_on_loopback_addresses() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "127.0.0.53"}) {
            assertThat(check(host, "{}").valid()).as(host).isTrue();
        }
    }

    @Test
    void a_webhook_without_secret_on_other_addresses_is_an_error_at_the_trigger() {
        for (String host : new String[] {"0.0.0.0", "::", "10.1.2.3", "otai.internal"}) {
            ConfigCheck.Result result = check(host, "{}");
            assertThat(result.valid()).as(host).isFalse();
            assertThat(result.errors()).singleElement().satisfies(problem -> {
                assertThat(problem.location().line()).isEqualTo(6);
                assertThat(problem.location().column()).isEqualTo(14);
                assertThat(problem.toString()).contains("trigger 'hook' (base:WebhookTrigger) takes POST /hooks/hook without 'secret'")
                        .contains("allow_unauthenticated: true");
            });
        }
    }

    @Test
    void a_secret_or_an_explicit_allow_unauthenticated_makes_it_valid_everywhere() {
        assertThat(check("0.0.0.0", "{ secret: \"{{ get_env('HOOK_SECRET') }}\" }").valid()).isTrue();
        assertThat(check("0.0.0.0", "{ allow_unauthenticated: true }").valid()).isTrue();
        assertThat(check("0.0.0.0", "{ allow_unauthenticated: false }").valid()).isFalse();
    }

    @Test
    void a_server_reachable_from_other_hosts_without_allowed_hosts_gets_a_warning() {
        ConfigCheck.Result result = check("0.0.0.0", "{ secret: s3cret }");
        assertThat(result.problems()).filteredOn(Problem::warning).extracting(Problem::toString)
                .anySatisfy(text -> assertThat(text).contains("accepts any Host header").contains("allowed_hosts"));
    }
}
