package dev.otai.ml.linear;

import dev.otai.ml.score.Scores;

/**
 * Turns decision values into probabilities that mean what they say:
 * {@code p = (1 - floor) * softmax(scores / temperature) + floor / labels}. The temperature spreads or sharpens
 * the scores; the floor caps the confidence below 1 where the labels themselves are unreliable (an agent who files
 * one ticket in six in the wrong queue makes a model right at most five times in six, however sure it is). Both
 * are fitted to minimize the log loss of the true labels on scores the model gave to texts it was not trained on
 * (cross-validation), so that among texts scored 0.8 about 80 % are right.
 *
 * @param temperature above 0
 * @param floor       the share of probability spread evenly over all labels, in [0, 1)
 */
public record Calibration(double temperature, double floor) {

    private static final double[] FLOORS = {0, 0.01, 0.02, 0.04, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4};
    private static final double LOWEST = Math.log(1e-3);
    private static final double HIGHEST = Math.log(1e2);

    public Calibration {
        if (!(temperature > 0) || !(floor >= 0 && floor < 1)) {
            throw new IllegalArgumentException("calibration was temperature " + temperature + ", floor " + floor
                    + "; expected a temperature above 0 and a floor in [0, 1)");
        }
    }

    double[] probabilities(double[] scores) {
        double[] p = Scores.softmax(scores, temperature);
        for (int i = 0; i < p.length; i++) {
            p[i] = (1 - floor) * p[i] + floor / p.length;
        }
        return p;
    }

    /**
     * The floor from a grid and, for each, the temperature by golden-section search over {@code ln T}. The floor is
     * at least what keeps the confidence at or below {@code (n + 1) / (n + 2)} (Laplace's rule of succession), so
     * a model that made no mistake on n out-of-fold texts does not claim certainty: on 12 records it says at most
     * 0.93, on 500 at most 0.998.
     */
    static Calibration fit(double[][] scores, int[] truth) {
        int labels = scores.length == 0 ? 2 : Math.max(2, scores[0].length);
        double least = labels / ((labels - 1.0) * (scores.length + 2));
        Calibration best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double grid : FLOORS) {
            double floor = Math.min(0.9, Math.max(least, grid));
            Calibration candidate = new Calibration(temperature(scores, truth, floor), floor);
            double loss = candidate.logLoss(scores, truth);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = candidate;
            }
        }
        return best;
    }

    private static double temperature(double[][] scores, int[] truth, double floor) {
        double phi = (Math.sqrt(5) - 1) / 2;
        double lo = LOWEST;
        double hi = HIGHEST;
        double a = hi - phi * (hi - lo);
        double b = lo + phi * (hi - lo);
        double lossA = new Calibration(Math.exp(a), floor).logLoss(scores, truth);
        double lossB = new Calibration(Math.exp(b), floor).logLoss(scores, truth);
        for (int step = 0; step < 50; step++) {
            if (lossA <= lossB) {
                hi = b;
                b = a;
                lossB = lossA;
                a = hi - phi * (hi - lo);
                lossA = new Calibration(Math.exp(a), floor).logLoss(scores, truth);
            } else {
                lo = a;
                a = b;
                lossA = lossB;
                b = lo + phi * (hi - lo);
                lossB = new Calibration(Math.exp(b), floor).logLoss(scores, truth);
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** The mean negative log-likelihood of the true labels. */
    double logLoss(double[][] scores, int[] truth) {
        double loss = 0;
        for (int i = 0; i < scores.length; i++) {
            loss -= Math.log(Math.max(probabilities(scores[i])[truth[i]], 1e-15));
        }
        return loss / scores.length;
    }
}
