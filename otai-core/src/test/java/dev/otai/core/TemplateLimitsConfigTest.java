package dev.otai.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TemplateLimitsConfigTest {

    private static String config(int loops) {
        return """
                open_ticket_ai:
                  infrastructure:
                    templates: { max_loop_iterations: 50, max_output_chars: 30, max_render_time: PT2S }
                  orchestrator:
                    runners:
                      - id: count
                        run:
                          id: render
                          use: base:ExpressionPipe
                          params:
                            expression: "{%% for i in range(%d) %%}x{%% endfor %%}"
                """.formatted(loops);
    }

    private static PipeResult runOnce(String yaml) {
        try (Engine engine = EngineFixture.start(yaml, Map.of(), new FakeClock())) {
            return engine.runOnce().getFirst().result();
        }
    }

    @Test
    void the_configured_limits_apply_to_every_render() {
        assertThat(runOnce(config(20)).data()).containsEntry("value", "x".repeat(20));

        assertThat(runOnce(config(60)).message()).contains("more than 50 loop iterations")
                .contains("infrastructure.templates.max_loop_iterations");
        assertThat(runOnce(config(40)).message()).contains("more than 30 characters")
                .contains("infrastructure.templates.max_output_chars");
    }

    @Test
    void the_configured_limits_are_read_from_infrastructure_templates() {
        var limits = EngineFixture.valid(config(1), Map.of()).config().templates();

        assertThat(limits.maxLoopIterations()).isEqualTo(50);
        assertThat(limits.maxOutputChars()).isEqualTo(30);
        assertThat(limits.maxRenderTime()).hasSeconds(2);
    }
}
