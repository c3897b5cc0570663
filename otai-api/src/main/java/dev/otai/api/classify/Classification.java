package dev.otai.api.classify;

import java.util.List;

/**
 * @param label      the best label
 * @param confidence its score in [0, 1]
 * @param scores     the top labels with their scores, best first
 */
public record Classification(String label, double confidence, List<LabelScore> scores) {

    public Classification {
        scores = scores == null ? List.of(new LabelScore(label, confidence)) : List.copyOf(scores);
    }

    public record LabelScore(String label, double score) {
    }
}
