package dev.otai.core.base.classify;

import dev.otai.api.Param;
import dev.otai.api.Plugin;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classification;
import dev.otai.api.classify.Classifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Test plugin {@code fixed}: {@code fixed:Classifier} answers every text with the scores of its {@code scores} param
 * (label to score), best first, so a test chooses the confidence exactly.
 */
public final class FixedScoresPlugin implements Plugin {

    @Override
    public String name() {
        return "fixed";
    }

    private static final Param<Map<String, Object>> SCORES = Param.map("scores").mandatory()
            .withValues(Param.number("score")).describedAs("label to score");

    @Override
    public List<ServiceType> services() {
        return List.of(ServiceType.of("Classifier", "Answers the configured scores.", Classifier.class,
                List.of(SCORES), setup -> {
                    List<Classification.LabelScore> scores = setup.params().get(SCORES).entrySet().stream()
                            .map(e -> new Classification.LabelScore(e.getKey(), ((Number) e.getValue()).doubleValue()))
                            .sorted(Comparator.comparingDouble(Classification.LabelScore::score).reversed())
                            .toList();
                    return (Classifier) request -> new Classification(scores.getFirst().label(), scores.getFirst().score(), scores);
                }));
    }
}
