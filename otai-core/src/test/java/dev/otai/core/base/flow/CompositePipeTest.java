package dev.otai.core.base.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.core.EngineFixture;
import dev.otai.core.Probes;
import dev.otai.core.RecordingListener;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositePipeTest {

    private static PipeResult runOnce(String steps) {
        String yaml = """
                otai:
                  orchestrator:
                    runners:
                      - id: r
                        run:
                          id: flow
                          use: base:CompositePipe
                          params:
                            threshold: 0.8
                            label: "{{ 'IT' ~ '-' ~ 'Support' }}"
                            steps:
                %s
                """.formatted(steps.indent(16));
        try (Engine engine = EngineFixture.start(yaml, new FakeClock(), new RecordingListener(), new Probes())) {
            return engine.runOnce().getFirst().result();
        }
    }

    @Test
    void steps_see_earlier_results_and_parent_params_and_data_is_merged() {
        PipeResult result = runOnce("""
                - { id: a, use: base:ExpressionPipe, params: { expression: 1 } }
                - { id: b, use: base:ExpressionPipe, params: { expression: "{{ get_pipe_result('a') + 1 }}" } }
                - id: c
                  use: base:ExpressionPipe
                  params: { expression: "{{ get_parent_param('label') }}/{{ get_parent_param('threshold') }}/{{ get_pipe_result('b') }}" }
                """);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.data()).containsEntry("value", "IT-Support/0.8/2");
    }

    @Test
    void a_failed_step_stops_the_composite_which_fails_naming_the_step() {
        PipeResult result = runOnce("""
                - { id: a, use: base:ExpressionPipe, params: { expression: 1 } }
                - { id: guard, use: base:ExpressionPipe, params: { expression: "{{ fail() if get_pipe_result('a') == 1 else 'go' }}" } }
                - { id: never, use: "probe:Throw" }
                """);
        assertThat(result.failed()).isTrue();
        assertThat(result.message()).isEqualTo("step 'guard' failed: param 'expression' called fail()");
    }

    @Test
    void an_exception_in_a_step_becomes_a_failed_result_at_that_step() {
        PipeResult result = runOnce("""
                - { id: boom, use: "probe:Throw" }
                """);
        assertThat(result.failed()).isTrue();
        assertThat(result.message()).contains("step 'boom' failed").contains("IllegalStateException: probe failure");
    }

    @Test
    void a_skipped_step_does_not_fail_the_composite() {
        PipeResult result = runOnce("""
                - { id: gate, use: base:IntervalTrigger, params: { hours: 1 } }
                - { id: after, use: base:ExpressionPipe, params: { expression: "{{ pipe_results.gate.was_skipped }}" } }
                """);
        assertThat(result.succeeded()).isTrue();
        assertThat(result.data()).containsEntry("value", true);
    }

    @Test
    void a_template_error_at_run_time_fails_the_step_with_the_place() {
        PipeResult result = runOnce("""
                - { id: a, use: base:ExpressionPipe, params: { expression: { x: 1 } } }
                - { id: b, use: base:ExpressionPipe, params: { expression: "{{ get_pipe_result('a', 'missing') }}" } }
                """);
        assertThat(result.failed()).isTrue();
        assertThat(result.message()).contains("step 'b' failed").contains("pipe 'a' has no data 'missing'")
                .contains("orchestrator.runners[0].run.params.steps[1].params.expression (config.yml:13:");
    }

    @Test
    void values_from_get_env_never_appear_in_errors() {
        String yaml = """
                otai:
                  orchestrator:
                    runners:
                      - id: r
                        run:
                          id: gate
                          use: base:IntervalTrigger
                          params: { interval: "{{ get_env('OTOBO_PASSWORD') }}" }
                """;
        try (Engine engine = EngineFixture.start(yaml, Map.of("OTOBO_PASSWORD", "hunter2-secret"), new FakeClock())) {
            PipeResult result = engine.runOnce().getFirst().result();
            assertThat(result.failed()).isTrue();
            assertThat(result.message()).contains("param 'interval' was \"***\"").doesNotContain("hunter2-secret");
        }
    }
}
