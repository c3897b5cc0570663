package dev.otai.core.base.classify;

import dev.otai.api.ParamSpec;
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

    public static final PipeType TYPE = PipeType.of("ClassificationPipe",
            "Classifies text; data 'label', 'confidence', 'scores', and 'accepted' when a threshold is set.",
            List.of(ParamSpec.string("text").mandatory().describedAs("the text to classify"),
                    ParamSpec.string("model_name").defaultsTo("").describedAs("the model, for services that serve several"),
                    ParamSpec.string("api_token").secretValue().describedAs("overrides the service's token for this call"),
                    ParamSpec.number("threshold").constrained(v -> (Double) v >= 0 && (Double) v <= 1, "a number in [0,1]")
                            .describedAs("minimum confidence to accept the label"),
                    ParamSpec.string("fallback_label").describedAs("the label used when confidence is below the threshold"),
                    ParamSpec.map("labels").describedAs("maps model labels to helpdesk names"),
                    ParamSpec.integer("top_k").defaultsTo(3L).constrained(v -> (Long) v >= 1, "an integer of at least 1")
                            .describedAs("how many labels 'scores' lists")),
            Map.of("classification_service", Classifier.class), false,
            setup -> new ClassificationPipe(setup.service("classification_service", Classifier.class)));

    private final Classifier classifier;

    ClassificationPipe(Classifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public PipeResult execute(PipeContext context, Params params) throws Exception {
        var request = new ClassificationRequest(params.string("text"), params.string("model_name"),
                params.optionalString("api_token").orElse(null));
        Classification result = classifier.classify(request);
        Map<String, Object> mapping = params.has("labels") ? params.map("labels") : Map.of();
        String label = mapped(mapping, result.label());
        var data = new LinkedHashMap<String, Object>();
        data.put("label", label);
        data.put("confidence", result.confidence());
        data.put("model_label", result.label());
        var scores = new ArrayList<Map<String, Object>>();
        result.scores().stream().limit(params.integer("top_k")).forEach(score -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("label", mapped(mapping, score.label()));
            entry.put("score", score.score());
            scores.add(entry);
        });
        data.put("scores", scores);
        if (params.has("threshold")) {
            boolean accepted = result.confidence() >= params.number("threshold");
            data.put("accepted", accepted);
            if (!accepted && params.has("fallback_label")) {
                data.put("label", params.string("fallback_label"));
            }
        }
        return PipeResult.success(data);
    }

    private static String mapped(Map<String, Object> mapping, String label) {
        Object name = mapping.get(label);
        return name == null ? label : name.toString();
    }
}
