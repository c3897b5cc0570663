package dev.otai.core.base.classify;

import dev.otai.api.Param;
import dev.otai.api.Params;
import dev.otai.api.Pipe;
import dev.otai.api.PipeContext;
import dev.otai.api.PipeResult;
import dev.otai.api.PipeType;
import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies {@code text} with the injected classifier. Data: {@code label}, {@code confidence}, {@code scores}
 * (top labels), and with a {@code threshold}, {@code accepted} (and {@code fallback_label} as the label when
 * not accepted). {@code labels} maps model labels to helpdesk names.
 */
public final class ClassificationPipe implements Pipe {

    private static final Param<String> TEXT = Param.string("text").mandatory().describedAs("the text to classify");
    private static final Param<String> MODEL_NAME = Param.string("model_name").defaultsTo("")
            .describedAs("the model, for services that serve several");
    private static final Param<String> API_TOKEN = Param.string("api_token").secretValue()
            .describedAs("overrides the service's token for this call");
    private static final Param<Double> THRESHOLD = Param.number("threshold").constrained(v -> v >= 0 && v <= 1, "a number in [0,1]")
            .describedAs("minimum confidence to accept the label");
    private static final Param<String> FALLBACK_LABEL = Param.string("fallback_label")
            .describedAs("the label used when confidence is below the threshold");
    private static final Param<Map<String, Object>> LABELS = Param.map("labels")
            .withValues(Param.string("name"))
            .describedAs("maps model labels to helpdesk names");
    private static final Param<Long> TOP_K = Param.integer("top_k").defaultsTo(3L).constrained(v -> v >= 1, "an integer of at least 1")
            .describedAs("how many labels 'scores' lists");

    public static final PipeType TYPE = PipeType.of("ClassificationPipe",
            "Classifies text; data 'label', 'confidence', 'scores', and 'accepted' when a threshold is set.",
            List.of(TEXT, MODEL_NAME, API_TOKEN, THRESHOLD, FALLBACK_LABEL, LABELS, TOP_K),
            Map.of("classification_service", Classifier.class), false,
            setup -> new ClassificationPipe(setup.service("classification_service", Classifier.class)));

    private final Classifier classifier;

    ClassificationPipe(Classifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        var request = new ClassificationRequest(params.get(TEXT), params.get(MODEL_NAME), params.find(API_TOKEN).orElse(null));
        Classification result = classifier.classify(request);
        Map<String, Object> mapping = params.find(LABELS).orElse(Map.of());
        String label = mapped(mapping, result.label());
        var data = new LinkedHashMap<String, Object>();
        data.put("label", label);
        data.put("confidence", result.confidence());
        data.put("model_label", result.label());
        var scores = new ArrayList<Map<String, Object>>();
        result.scores().stream().limit(params.get(TOP_K)).forEach(score -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("label", mapped(mapping, score.label()));
            entry.put("score", score.score());
            scores.add(entry);
        });
        data.put("scores", scores);
        params.find(THRESHOLD).ifPresent(threshold -> {
            boolean accepted = result.confidence() >= threshold;
            data.put("accepted", accepted);
            if (!accepted) {
                params.find(FALLBACK_LABEL).ifPresent(fallback -> data.put("label", fallback));
            }
        });
        return PipeResult.success(data);
    }

    private static String mapped(Map<String, Object> mapping, String label) {
        Object name = mapping.get(label);
        return name == null ? label : name.toString();
    }
}
