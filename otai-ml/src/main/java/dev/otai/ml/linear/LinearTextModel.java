package dev.otai.ml.linear;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.embed.SentenceEmbedder;
import dev.otai.ml.score.Scores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained TF-IDF linear model: a text's terms ({@link TextTerms}), weighted by the vocabulary, optionally
 * followed by the text's MiniLM sentence embedding (hybrid), scored by one linear function per label, turned into
 * probabilities by its {@link Calibration}. Immutable and thread-safe; closing it closes the
 * embedder of a hybrid model.
 */
public final class LinearTextModel implements Classifier, AutoCloseable {

    private final TextTerms terms;
    private final Vocabulary vocabulary;
    private final LinearWeights weights;
    private final List<String> labels;
    private final Calibration calibration;
    private final SentenceEmbedder embedder;

    /** @param embedder the sentence embedder of a hybrid model, or null */
    LinearTextModel(TextTerms terms, Vocabulary vocabulary, LinearWeights weights, List<String> labels,
                    Calibration calibration, SentenceEmbedder embedder) {
        int dense = embedder == null ? 0 : SentenceEmbedder.DIMENSIONS;
        if (labels.size() != weights.labels() || vocabulary.size() + dense != weights.features()) {
            throw new IllegalArgumentException("model has " + labels.size() + " labels and " + vocabulary.size()
                    + " terms (+" + dense + " embedding dimensions) but weights for " + weights.labels() + " labels and "
                    + weights.features() + " features");
        }
        this.terms = terms;
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.labels = List.copyOf(labels);
        this.calibration = calibration;
        this.embedder = embedder;
    }

    /** Reads a model file; a hybrid model loads MiniLM with {@code threads} ONNX threads (0: let it choose). */
    public static LinearTextModel read(Path file, int threads) throws Exception {
        return LinearModelFile.read(file, threads);
    }

    public void write(Path file) throws IOException {
        LinearModelFile.write(this, file);
    }

    public List<String> labels() {
        return labels;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** The terms the model knows (not counting the embedding dimensions of a hybrid model). */
    public int features() {
        return vocabulary.size();
    }

    public boolean hybrid() {
        return embedder != null;
    }

    TextTerms terms() {
        return terms;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    LinearWeights weights() {
        return weights;
    }

    /**
     * The calibrated probability of each label, in {@link #labels()} order, per text; uniform for a text with no
     * known term.
     */
    public double[][] probabilities(List<String> texts) throws Exception {
        float[][] embedded = embedder == null ? null : embedder.embed(texts);
        double[][] out = new double[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            SparseVector x = vocabulary.vector(terms.count(texts.get(i)));
            if (x.size() == 0) {
                out[i] = new double[labels.size()];
                Arrays.fill(out[i], 1.0 / labels.size());
                continue;
            }
            if (embedded != null) {
                x = x.append(embedded[i], vocabulary.size());
            }
            out[i] = calibration.probabilities(weights.scores(x));
        }
        return out;
    }

    @Override
    public Classification classify(ClassificationRequest request) throws Exception {
        return classifyAll(List.of(request)).getFirst();
    }

    @Override
    public List<Classification> classifyAll(List<ClassificationRequest> requests) throws Exception {
        double[][] probabilities = probabilities(requests.stream().map(ClassificationRequest::text).toList());
        var out = new ArrayList<Classification>(requests.size());
        for (double[] p : probabilities) {
            out.add(Scores.ranked(labels, p));
        }
        return out;
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}
