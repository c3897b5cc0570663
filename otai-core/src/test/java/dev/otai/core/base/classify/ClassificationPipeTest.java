package dev.otai.core.base.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otai.api.PipeResult;
import dev.otai.core.EngineFixture;
import dev.otai.core.engine.Engine;
import dev.otai.testkit.FakeClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code base:ClassificationPipe} in an engine, on a classifier whose scores the test sets: threshold and fallback. */
class ClassificationPipeTest {

    /** Billing 0.6, IT 0.3, Sales 0.1; {@code PARAMS} is replaced by each test's extra params. */
    private static final String CONFIG = """
            otai:
              services:
                model: { use: "fixed:Classifier", params: { scores: { billing: 0.6, it: 0.3, sales: 0.1 } } }
              orchestrator:
                runners:
                  - id: classify
                    run:
                      id: queue
                      use: base:ClassificationPipe
                      injects: { classification_service: model }
                      params: { text: "Invoice 42 is wrong", labels: { billing: "Finance::Billing" }, top_k: 2PARAMS }
            """;

    private static PipeResult classify(String params) {
        try (Engine engine = EngineFixture.start(CONFIG.replace("PARAMS", params), Map.of(), new FakeClock())) {
            return engine.runOnce().getFirst().result();
        }
    }

    private static final List<Map<String, Object>> TOP_TWO = List.of(
            Map.of("label", "Finance::Billing", "score", 0.6), Map.of("label", "it", "score", 0.3));

    @Test
    void below_the_threshold_the_fallback_label_is_the_label_and_the_confidence_model_label_and_scores_are_kept() {
        PipeResult result = classify(", threshold: 0.7, fallback_label: \"Incoming::Triage\"");

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.data()).containsExactlyInAnyOrderEntriesOf(Map.of("label", "Incoming::Triage", "accepted", false,
                "confidence", 0.6, "model_label", "billing", "scores", TOP_TWO));
    }

    @Test
    void at_the_threshold_the_mapped_model_label_is_accepted() {
        PipeResult result = classify(", threshold: 0.6, fallback_label: \"Incoming::Triage\"");

        assertThat(result.data()).containsExactlyInAnyOrderEntriesOf(Map.of("label", "Finance::Billing", "accepted", true,
                "confidence", 0.6, "model_label", "billing", "scores", TOP_TWO));
    }

    @Test
    void below_the_threshold_without_a_fallback_label_the_model_label_stays_and_is_marked_not_accepted() {
        PipeResult result = classify(", threshold: 0.95");

        assertThat(result.data()).containsEntry("label", "Finance::Billing").containsEntry("accepted", false)
                .containsEntry("confidence", 0.6);
    }

    @Test
    void without_a_threshold_every_label_is_taken_and_accepted_is_not_reported() {
        PipeResult result = classify("");

        assertThat(result.data()).containsEntry("label", "Finance::Billing").doesNotContainKey("accepted");
    }
}
