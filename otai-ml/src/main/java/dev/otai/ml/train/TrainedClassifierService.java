package dev.otai.ml.train;

import dev.otai.api.Param;
import dev.otai.api.ServiceSetup;
import dev.otai.api.ServiceType;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.limit.LimitedClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ml:TrainedClassifierService}: serves a model directory written by {@code otai model train}. The model is
 * loaded when the service starts, so a missing or broken model stops startup rather than the first ticket.
 */
public final class TrainedClassifierService {

    public static final String NAME = "TrainedClassifierService";

    private static final Param<String> MODEL_DIR = Param.string("model_dir").mandatory().aliasedAs("model")
            .describedAs("the directory written by 'otai model train --out'");
    private static final Param<Long> MAX_CONCURRENCY = Param.integer("max_concurrency").defaultsTo(2L)
            .constrained(v -> v >= 1, "an integer of at least 1").describedAs("how many classifications run at once; more wait");
    private static final Param<Long> THREADS = Param.integer("threads").defaultsTo(0L)
            .constrained(v -> v >= 0, "an integer of at least 0")
            .describedAs("ONNX Runtime threads for embedding models; 0 lets it choose");

    public static final ServiceType TYPE = ServiceType.of(NAME,
            "Serves a model trained with 'otai model train': calibrated TF-IDF SVM or logistic regression (optionally with "
                    + "MiniLM), or the Tribuo and few-shot kinds.",
            Classifier.class,
            List.of(MODEL_DIR, MAX_CONCURRENCY, THREADS),
            TrainedClassifierService::create);

    private TrainedClassifierService() {
    }

    static Object create(ServiceSetup setup) throws Exception {
        Path dir = Path.of(setup.params().get(MODEL_DIR));
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("service '" + setup.id() + "' (ml:" + NAME + "): param '" + MODEL_DIR.name() + "' was \""
                    + dir + "\"; expected an existing directory written by 'otai model train' (resolved to "
                    + dir.toAbsolutePath() + ")");
        }
        ModelDirectory.Loaded loaded = ModelDirectory.load(dir, Math.toIntExact(setup.params().get(THREADS)));
        return LimitedClassifier.of(loaded.classifier(), setup.params().get(MAX_CONCURRENCY));
    }
}
