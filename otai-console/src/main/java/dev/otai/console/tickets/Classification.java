package dev.otai.console.tickets;

import dev.otai.store.history.RunQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a classification step recorded: the label it chose, the model's own label, the confidence, the top labels
 * with their scores, and the threshold decision (when the step had a threshold).
 */
public record Classification(String label, String modelLabel, Double confidence, List<Score> scores, Double threshold,
                             Boolean accepted, String fallback) {

    public record Score(String label, double score) {
    }

    /** The classification a step recorded; empty when the step is not a classification or recorded none. */
    public static Optional<Classification> of(RunQueries.Step step) {
        Map<String, Object> data = step.data();
        if (!(data.get("confidence") instanceof Number confidence) || data.get("label") == null) {
            return Optional.empty();
        }
        var scores = new ArrayList<Score>();
        if (data.get("scores") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("score") instanceof Number score && map.get("label") != null) {
                    scores.add(new Score(map.get("label").toString(), score.doubleValue()));
                }
            }
        }
        Double threshold = step.params().get("threshold") instanceof Number n ? n.doubleValue() : null;
        Boolean accepted = data.get("accepted") instanceof Boolean b ? b : null;
        Object fallback = step.params().get("fallback_label");
        return Optional.of(new Classification(data.get("label").toString(),
                data.get("model_label") == null ? null : data.get("model_label").toString(), confidence.doubleValue(),
                List.copyOf(scores), threshold, accepted, fallback == null ? null : fallback.toString()));
    }

    /** The decision in words: {@code 83.2 % ≥ threshold 30.0 %: routed to IT}. */
    public String decision() {
        String percent = percent(confidence);
        if (threshold == null || accepted == null) {
            return "confidence " + percent + ", no threshold: " + label;
        }
        return accepted
                ? "confidence " + percent + " ≥ threshold " + percent(threshold) + ": " + label
                : "confidence " + percent + " < threshold " + percent(threshold) + ": fallback " + label
                        + (modelLabel == null ? "" : " (the model said " + modelLabel + ")");
    }

    public static String percent(double value) {
        return String.format("%.1f %%", value * 100);
    }
}
