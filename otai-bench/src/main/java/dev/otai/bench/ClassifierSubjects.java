package dev.otai.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.embed.EmbeddingClassifierService;
import dev.otai.ml.train.LabelledText;
import dev.otai.ml.train.ModelKind;
import dev.otai.ml.train.ModelTrainer;
import dev.otai.ml.train.TrainedClassifierService;
import dev.otai.testkit.StandaloneSetup;
import dev.otai.testkit.StubClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The classifier services under test, each set up from the train split as a user would configure it. */
final class ClassifierSubjects {

    /**
     * @param accuracyFloor the least accuracy on the held-back split before any number is reported; 0: no floor
     */
    record Subject(String name, Classifier classifier, double accuracyFloor) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (classifier instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    static final List<String> FIELDS = List.of("subject", "body");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassifierSubjects() {
    }

    /** {@code testkit:StubClassifier}: keyword or hash, no model; the floor every service pays on top of. */
    static Subject stub(List<LabelledText> train) {
        List<String> labels = List.copyOf(new TreeSet<>(train.stream().map(LabelledText::label).toList()));
        return new Subject("testkit StubClassifier (floor)", new StubClassifier(labels, Map.of()), 0);
    }

    /**
     * {@code ml:EmbeddingClassifierService} with 5 examples per label, chosen from the train split the way
     * {@code otai model train --kind embedding-centroid} chooses them.
     */
    static Subject embedding(List<LabelledText> train, Path work, int threads) throws Exception {
        Path dir = work.resolve("few-shot");
        ModelTrainer.train(train, new ModelTrainer.Options(ModelKind.EMBEDDING_CENTROID, FIELDS, "queue",
                "tickets.jsonl", 5, 0, 0, 0), dir);
        Map<String, Object> labels = JSON.readValue(dir.resolve("examples.json").toFile(), new TypeReference<>() { });
        Object service = StandaloneSetup.create(EmbeddingClassifierService.TYPE, "few_shot",
                Map.of("labels", labels, "threads", (long) threads));
        return new Subject("ml:EmbeddingClassifierService (MiniLM-L6 q8, 5 shots/label)", (Classifier) service, 0.75);
    }

    /** {@code ml:TrainedClassifierService} serving an n-gram logistic regression trained on the train split. */
    static Subject trained(List<LabelledText> train, Path work) throws Exception {
        Path dir = work.resolve("ngram");
        ModelTrainer.train(train, new ModelTrainer.Options(ModelKind.NGRAM_LOGREG, FIELDS, "queue",
                "tickets.jsonl", 0, 2, 0, 10), dir);
        Object service = StandaloneSetup.create(TrainedClassifierService.TYPE, "trained",
                Map.of("model_dir", dir.toString()));
        return new Subject("ml:TrainedClassifierService (n-gram logreg)", (Classifier) service, 0.85);
    }

    static Path workDir() throws IOException {
        return Files.createTempDirectory("otai-bench-classifiers");
    }
}
