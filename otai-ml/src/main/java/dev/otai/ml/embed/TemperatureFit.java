package dev.otai.ml.embed;

import dev.otai.ml.score.Scores;
import java.util.List;

/** Fits the softmax temperature of the centroid classifier by leave-one-out on the label examples. */
final class TemperatureFit {

    private static final double[] GRID = {0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3};

    private TemperatureFit() {
    }

    /** The grid temperature with the lowest leave-one-out log loss, or {@code fallback} when no label has two examples. */
    static double leaveOneOut(List<float[][]> examplesPerLabel, double fallback) {
        double best = fallback;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double t : GRID) {
            double loss = logLoss(examplesPerLabel, t);
            if (!Double.isNaN(loss) && loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    private static double logLoss(List<float[][]> examplesPerLabel, double t) {
        float[][] centroids = examplesPerLabel.stream().map(CentroidClassifier::centroid).toArray(float[][]::new);
        double loss = 0;
        int count = 0;
        for (int label = 0; label < examplesPerLabel.size(); label++) {
            float[][] examples = examplesPerLabel.get(label);
            if (examples.length < 2) {
                continue;
            }
            for (int held = 0; held < examples.length; held++) {
                float[][] rest = without(examples, held);
                double[] similarities = new double[centroids.length];
                for (int c = 0; c < centroids.length; c++) {
                    float[] centroid = c == label ? CentroidClassifier.centroid(rest) : centroids[c];
                    similarities[c] = SentenceEmbedder.dot(examples[held], centroid);
                }
                loss -= Math.log(Math.max(Scores.softmax(similarities, t)[label], 1e-12));
                count++;
            }
        }
        return count == 0 ? Double.NaN : loss / count;
    }

    private static float[][] without(float[][] vectors, int index) {
        float[][] out = new float[vectors.length - 1][];
        for (int i = 0, j = 0; i < vectors.length; i++) {
            if (i != index) {
                out[j++] = vectors[i];
            }
        }
        return out;
    }
}
