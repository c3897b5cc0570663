package dev.otai.ml.score;

import dev.otai.api.classify.Classification;
import dev.otai.api.classify.Classification.LabelScore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Softmax and ranking shared by the classifiers. */
public final class Scores {

    private Scores() {
    }

    /** {@code softmax(values / temperature)}, computed stably. */
    public static double[] softmax(double[] values, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.exp((values[i] - max) / temperature);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    public static double[] softmax(float[] logits) {
        double[] values = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            values[i] = logits[i];
        }
        return softmax(values, 1.0);
    }

    /** The labels ranked by probability, best first, as a classification. */
    public static Classification ranked(List<String> labels, double[] probabilities) {
        var scores = new ArrayList<LabelScore>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            scores.add(new LabelScore(labels.get(i), probabilities[i]));
        }
        scores.sort(Comparator.comparingDouble(LabelScore::score).reversed());
        LabelScore best = scores.getFirst();
        return new Classification(best.label(), best.score(), scores);
    }
}
