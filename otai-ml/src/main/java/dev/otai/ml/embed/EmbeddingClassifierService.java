package dev.otai.ml.embed;

import dev.otai.api.ConfigException;
import dev.otai.api.Param;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.limit.LimitedClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ml:EmbeddingClassifierService}: few-shot classification with the embedded MiniLM model; no training,
 * no download. Labels come from the config, each with example texts and/or a description.
 */
public final class EmbeddingClassifierService {

    public static final String NAME = "EmbeddingClassifierService";

    private static final Param<List<Object>> EXAMPLE_LIST = Param.list("examples").ofItems(Param.string("example"));
    private static final Param<Map<String, Object>> LABELS = Param.map("labels").mandatory()
            .withValues(Param.either("label", EXAMPLE_LIST, Param.string("description"),
                    Param.map("label").withFields(Param.string("description"), EXAMPLE_LIST)))
            .describedAs("label to a list of example texts, a description, or {description, examples}");
    private static final Param<Double> TEMPERATURE = Param.number("temperature").constrained(v -> v > 0, "a number above 0")
            .describedAs("softmax temperature over cosine similarities; fitted on the examples when absent");
    private static final Param<Long> MAX_CONCURRENCY = Param.integer("max_concurrency").defaultsTo(2L)
            .constrained(v -> v >= 1, "an integer of at least 1").describedAs("how many classifications run at once; more wait");
    private static final Param<Long> THREADS = Param.integer("threads").defaultsTo(0L)
            .constrained(v -> v >= 0, "an integer of at least 0").describedAs("ONNX Runtime threads per inference; 0 lets it choose");

    public static final ServiceType TYPE = ServiceType.of(NAME,
            "Few-shot classifier on the embedded all-MiniLM-L6-v2 model: labels with example texts, nearest centroid.",
            Classifier.class,
            List.of(LABELS, TEMPERATURE, MAX_CONCURRENCY, THREADS),
            EmbeddingClassifierService::create);

    private EmbeddingClassifierService() {
    }

    static Object create(ServiceSetup setup) throws Exception {
        var params = setup.params();
        Map<String, List<String>> examples = examples(setup.id(), params.get(LABELS));
        Double temperature = params.find(TEMPERATURE).orElse(null);
        var embedder = SentenceEmbedder.miniLm(Math.toIntExact(params.get(THREADS)));
        try {
            return LimitedClassifier.of(CentroidClassifier.fit(embedder, examples, temperature),
                    params.get(MAX_CONCURRENCY));
        } catch (Exception e) {
            embedder.close();
            throw e;
        }
    }

    /** Reads the {@code labels} param: each value is a list of texts, one text, or {description, examples}. */
    static Map<String, List<String>> examples(String serviceId, Map<String, Object> labels) {
        var out = new LinkedHashMap<String, List<String>>();
        labels.forEach((label, value) -> out.put(label, texts(serviceId, label, value)));
        return out;
    }

    private static List<String> texts(String serviceId, String label, Object value) {
        var texts = new ArrayList<String>();
        switch (value) {
            case String text -> texts.add(text);
            case List<?> list -> list.forEach(item -> texts.add(String.valueOf(item)));
            case Map<?, ?> map -> {
                if (map.get("description") != null) {
                    texts.add(String.valueOf(map.get("description")));
                }
                if (map.get("examples") instanceof List<?> list) {
                    list.forEach(item -> texts.add(String.valueOf(item)));
                }
            }
            case null, default -> { }
        }
        texts.removeIf(String::isBlank);
        if (texts.isEmpty()) {
            throw new ConfigException("service '" + serviceId + "' (ml:" + NAME + "): param 'labels." + label + "' was "
                    + describe(value) + "; expected a list of example texts, a description, or a mapping with "
                    + "'description' and/or 'examples'");
        }
        return texts;
    }

    private static String describe(Object value) {
        return value == null ? "empty" : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
