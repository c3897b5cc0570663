package dev.otai.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.core.EngineFixture;
import dev.otai.core.assembly.Blueprint;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrchestratorShapesTest {

    private static final String OTAI_SHAPE = """
            open_ticket_ai:
              orchestrator:
                use: "base:SimpleSequentialOrchestrator"
                params:
                  orchestrator_sleep: "PT0.01S"
                  steps:
                    - id: runner
                      use: "base:SimpleSequentialRunner"
                      params:
                        %s:
                          id: every_5_min
                          use: "base:IntervalTrigger"
                          params: { interval: "0:05:00" }
                        run: { id: work, use: "base:ExpressionPipe", params: { expression: 1 } }
            """;

    private static final String SEED_SHAPE = """
            cfg:
              orchestrator:
                runners:
                  - id: runner
                    %s:
                      - id: every_5_min
                        use: "open_ticket_ai.base.triggers.interval_trigger:IntervalTrigger"
                        params: { minutes: 5 }
                    run: { id: work, use: "open_ticket_ai.base:ExpressionPipe", params: { expression: 1 } }
            """;

    @Test
    void both_shapes_with_quoted_or_bare_on_load_into_the_same_tree() {
        for (String shape : new String[] {OTAI_SHAPE, SEED_SHAPE}) {
            for (String on : new String[] {"on", "\"on\"", "'on'"}) {
                Blueprint blueprint = EngineFixture.valid(shape.formatted(on), Map.of());
                assertThat(blueprint.summary()).isEqualTo(new Blueprint.Summary(0, 1, 1, 3));
                assertThat(blueprint.triggers()).containsOnlyKeys("every_5_min");
                assertThat(blueprint.config().orchestrator().use()).isEqualTo("base:SimpleSequentialOrchestrator");
            }
        }
    }
}
