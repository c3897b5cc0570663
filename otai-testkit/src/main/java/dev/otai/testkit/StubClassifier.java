package dev.otai.testkit;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deterministic classifier: a label whose keyword appears in the text wins; otherwise the label is chosen by
 * the text's hash. Confidence is 0.80–0.99, also from the hash, so runs are repeatable.
 */
public final class StubClassifier implements Classifier {

    private final List<String> labels;
    private final Map<String, String> keywords;

    /**
     * @param labels   labels to choose from by hash
     * @param keywords keyword (lower case) to label; checked first
     */
    public StubClassifier(List<String> labels, Map<String, String> keywords) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("labels is empty; expected at least one label");
        }
        this.labels = List.copyOf(labels);
        this.keywords = Map.copyOf(keywords);
    }

    @Override
    public Classification classify(ClassificationRequest request) {
        String text = request.text().toLowerCase(Locale.ROOT);
        int hash = request.text().hashCode() & 0x7fffffff;
        double confidence = 0.80 + (hash % 20) / 100.0;
        String label = keywords.entrySet().stream()
                .filter(e -> text.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .findFirst()
                .orElse(labels.get(hash % labels.size()));
        return new Classification(label, confidence, List.of(new Classification.LabelScore(label, confidence)));
    }
}
