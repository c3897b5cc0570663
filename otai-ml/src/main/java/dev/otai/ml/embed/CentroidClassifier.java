package dev.otai.ml.embed;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.ClassificationRequest;
import dev.otai.api.classify.Classifier;
import dev.otai.ml.score.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Few-shot nearest-centroid classification on sentence embeddings. Each label's centroid is the normalized mean
 * of its examples' embeddings. A text's scores are {@code softmax(cos(text, centroid) / T)} over the labels.
 *
 * <p>The temperature {@code T} calibrates the confidence: cosine similarities of MiniLM embeddings differ by a
 * few hundredths between close labels, so {@code T = 1} would give nearly uniform scores. When no temperature
 * is configured, it is fitted on the examples themselves: each example is classified against centroids built
 * without it (leave-one-out), and the {@code T} from a grid that minimizes the negative log-likelihood of the
 * true labels is kept. With one example per label there is nothing to leave out, and {@link #DEFAULT_TEMPERATURE}
 * is used.
 */
public final class CentroidClassifier implements Classifier, AutoCloseable {

    public static final double DEFAULT_TEMPERATURE = 0.05;

    private final SentenceEmbedder embedder;
    private final List<String> labels;
    private final float[][] centroids;
    private final double temperature;

    private CentroidClassifier(SentenceEmbedder embedder, List<String> labels, float[][] centroids, double temperature) {
        this.embedder = embedder;
        this.labels = labels;
        this.centroids = centroids;
        this.temperature = temperature;
    }

    /**
     * @param examples    label to its example texts (or descriptions), in label order
     * @param temperature the softmax temperature, or null to fit it on the examples
     */
    public static CentroidClassifier fit(SentenceEmbedder embedder, Map<String, List<String>> examples, Double temperature)
            throws Exception {
        if (examples.size() < 2) {
            throw new IllegalArgumentException("labels has " + examples.size() + " label(s) " + examples.keySet()
                    + "; expected at least two labels, each with example texts");
        }
        var labels = new ArrayList<String>();
        var embedded = new ArrayList<float[][]>();
        for (var entry : examples.entrySet()) {
            if (entry.getValue().isEmpty()) {
                throw new IllegalArgumentException("label '" + entry.getKey() + "' has no examples; expected at least "
                        + "one example text or a description");
            }
            labels.add(entry.getKey());
            embedded.add(embedder.embed(entry.getValue()));
        }
        float[][] centroids = embedded.stream().map(CentroidClassifier::centroid).toArray(float[][]::new);
        double t = temperature != null ? temperature : TemperatureFit.leaveOneOut(embedded, DEFAULT_TEMPERATURE);
        return new CentroidClassifier(embedder, List.copyOf(labels), centroids, t);
    }

    static float[] centroid(float[][] vectors) {
        float[] sum = new float[vectors[0].length];
        for (float[] v : vectors) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        return SentenceEmbedder.normalized(sum);
    }

    public double temperature() {
        return temperature;
    }

    public List<String> labels() {
        return labels;
    }

    @Override
    public Classification classify(ClassificationRequest request) throws Exception {
        return score(embedder.embed(request.text()));
    }

    @Override
    public List<Classification> classifyAll(List<ClassificationRequest> requests) throws Exception {
        float[][] vectors = embedder.embed(requests.stream().map(ClassificationRequest::text).toList());
        var out = new ArrayList<Classification>(vectors.length);
        for (float[] vector : vectors) {
            out.add(score(vector));
        }
        return out;
    }

    private Classification score(float[] vector) {
        double[] similarities = new double[centroids.length];
        for (int i = 0; i < centroids.length; i++) {
            similarities[i] = SentenceEmbedder.dot(vector, centroids[i]);
        }
        return Scores.ranked(labels, Scores.softmax(similarities, temperature));
    }

    @Override
    public void close() {
        embedder.close();
    }
}
