package dev.otai.ml.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.embed.CentroidClassifier;
import dev.otai.ml.embed.SentenceEmbedder;
import dev.otai.ml.hf.OnnxExports;
import dev.otai.ml.linear.LinearTextModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Loads a model directory written by {@link ModelTrainer} as a {@link Classifier}; an ONNX export directory
 * (model.onnx, tokenizer.json, config.json, no model.json) loads too, for evaluation.
 */
public final class ModelDirectory {

    /** A loaded model: the classifier (close it when done) and its metadata. */
    public record Loaded(Classifier classifier, ModelMetadata metadata) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (classifier instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private ModelDirectory() {
    }

    /** The kind of an ONNX export directory evaluated in place (it has no model.json). */
    public static final String ONNX_EXPORT = "onnx-export";

    public static ModelMetadata metadata(Path dir) throws IOException {
        Path file = dir.resolve(ModelMetadata.FILE);
        if (!Files.isRegularFile(file) && OnnxExports.isExport(dir)) {
            return new ModelMetadata(ONNX_EXPORT, List.of(), List.of("subject", "body"), "queue", 0, 0, 0, 0, null,
                    "", "", "", 0, ModelMetadata.FORMAT);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model directory " + dir + " has no " + ModelMetadata.FILE
                    + "; expected a directory written by 'otai model train'");
        }
        return ModelTrainer.JSON.readValue(file.toFile(), ModelMetadata.class);
    }

    public static Loaded load(Path dir, int threads) throws Exception {
        ModelMetadata metadata = metadata(dir);
        if (metadata.kind().equals(ONNX_EXPORT)) {
            return new Loaded(OnnxExports.open(dir, threads), metadata);
        }
        ModelKind kind = ModelKind.parse(metadata.kind());
        return new Loaded(switch (kind) {
            case TFIDF_SVM, TFIDF_LOGREG -> LinearTextModel.read(dir.resolve(LinearKinds.MODEL_FILE), threads);
            case AUTO -> throw new IllegalArgumentException("model directory " + dir + " has kind 'auto' in "
                    + ModelMetadata.FILE + "; expected the kind that training chose (tfidf-svm or tfidf-logreg)");
            case NGRAM_LOGREG -> new TribuoClassifier(tribuo(dir), new Featurizer.Grams(new TextGrams(metadata.ngrams(), metadata.charNgrams())),
                    metadata.labels(), null);
            case EMBEDDING_LOGREG -> {
                var embedder = SentenceEmbedder.miniLm(threads);
                yield new TribuoClassifier(tribuo(dir), new Featurizer.Embeddings(embedder), metadata.labels(), embedder);
            }
            case EMBEDDING_CENTROID -> {
                var examples = ModelTrainer.JSON.readValue(dir.resolve(ModelTrainer.EXAMPLES_FILE).toFile(),
                        new TypeReference<LinkedHashMap<String, List<String>>>() { });
                yield CentroidClassifier.fit(SentenceEmbedder.miniLm(threads), examples, metadata.temperature());
            }
        }, metadata);
    }

    @SuppressWarnings("unchecked")
    private static Model<Label> tribuo(Path dir) throws IOException {
        Model<?> model = Model.deserializeFromFile(dir.resolve(ModelTrainer.TRIBUO_FILE));
        if (!model.validate(Label.class)) {
            throw new IllegalArgumentException("model " + dir.resolve(ModelTrainer.TRIBUO_FILE)
                    + " is not a classification model; expected one written by 'otai model train'");
        }
        return (Model<Label>) model;
    }
}
