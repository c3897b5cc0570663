package dev.otai.ml.linear;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a one-against-the-rest linear model by dual coordinate descent (Hsieh et al. 2008 for the squared hinge
 * loss; Yu, Huang and Lin 2011 for the logistic loss). The bias is learnt as the weight of a constant feature of
 * value 1, regularised like the others, as liblinear does. Each pass visits the examples in a seeded random order, so training is
 * reproducible.
 */
final class DualCoordinateDescent {

    private static final double SVM_TOLERANCE = 0.1;
    private static final double LOGREG_TOLERANCE = 0.05;
    private static final int MAX_PASSES = 60;
    private static final long SEED = 20261206L;

    private DualCoordinateDescent() {
    }

    /**
     * @param x      the examples
     * @param y      each example's label index in {@code [0, labels)}
     * @param weight each example's weight: its share of the cost C (null: 1 each)
     * @param labels how many labels
     */
    static LinearWeights train(List<SparseVector> x, int[] y, double[] weight, int labels, int features,
                               Settings settings) {
        double[] cost = costs(y, weight, labels, settings);
        double[] squared = new double[x.size()];
        for (int i = 0; i < squared.length; i++) {
            squared[i] = x.get(i).squaredNorm() + 1;
        }
        float[] weights = new float[(features + 1) * labels];
        for (int label = 0; label < labels; label++) {
            double[] w = settings.loss() == Loss.SVM ? svm(x, y, label, cost, squared, features)
                    : logreg(x, y, label, cost, squared, features);
            for (int f = 0; f <= features; f++) {
                weights[f * labels + label] = (float) w[f];
            }
        }
        return new LinearWeights(labels, features, weights);
    }

    private static double[] costs(int[] y, double[] weight, int labels, Settings settings) {
        int[] counts = new int[labels];
        for (int label : y) {
            counts[label]++;
        }
        double[] cost = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            cost[i] = settings.c() * (settings.balanced() ? (double) y.length / (labels * counts[y[i]]) : 1)
                    * (weight == null ? 1 : weight[i]);
        }
        return cost;
    }

    private static double[] svm(List<SparseVector> x, int[] y, int label, double[] cost, double[] squared, int features) {
        double[] w = new double[features + 1];
        double[] alpha = new double[x.size()];
        int[] order = order(x.size());
        var random = new SplittableRandom(SEED + label);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double highest = Double.NEGATIVE_INFINITY;
            double lowest = Double.POSITIVE_INFINITY;
            for (int i : order) {
                double sign = y[i] == label ? 1 : -1;
                double diagonal = 0.5 / cost[i];
                double gradient = sign * dot(w, x.get(i), features) - 1 + alpha[i] * diagonal;
                double projected = alpha[i] == 0 ? Math.min(gradient, 0) : gradient;
                highest = Math.max(highest, projected);
                lowest = Math.min(lowest, projected);
                if (Math.abs(projected) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - gradient / (squared[i] + diagonal), 0);
                    add(w, x.get(i), (alpha[i] - old) * sign, features);
                }
            }
            if (highest - lowest <= SVM_TOLERANCE) {
                break;
            }
        }
        return w;
    }

    private static double[] logreg(List<SparseVector> x, int[] y, int label, double[] cost, double[] squared,
                                   int features) {
        double[] w = new double[features + 1];
        double[] alpha = new double[x.size()];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = Math.min(0.001 * cost[i], 1e-8);
            add(w, x.get(i), (y[i] == label ? 1 : -1) * alpha[i], features);
        }
        int[] order = order(x.size());
        var random = new SplittableRandom(SEED + label);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            shuffle(order, random);
            double largest = 0;
            for (int i : order) {
                double sign = y[i] == label ? 1 : -1;
                double margin = sign * dot(w, x.get(i), features);
                double start = alpha[i];
                double c = cost[i];
                largest = Math.max(largest, Math.abs(margin + Math.log(start / (c - start))));
                double a = newton(start, c, squared[i], margin);
                if (a != start) {
                    alpha[i] = a;
                    add(w, x.get(i), (a - start) * sign, features);
                }
            }
            if (largest <= LOGREG_TOLERANCE) {
                break;
            }
        }
        return w;
    }

    /**
     * Minimizes {@code q/2 (a - start)^2 + margin (a - start) + a ln a + (c - a) ln(c - a)} over {@code a} in
     * {@code (0, c)}: a convex one-dimensional problem, by Newton steps kept inside the interval.
     */
    private static double newton(double start, double c, double q, double margin) {
        double a = start;
        for (int step = 0; step < 20; step++) {
            double gradient = q * (a - start) + margin + Math.log(a / (c - a));
            if (Math.abs(gradient) < 1e-6) {
                break;
            }
            double next = a - gradient / (q + c / (a * (c - a)));
            if (next <= 0) {
                next = a * 0.1;
            } else if (next >= c) {
                next = c - (c - a) * 0.1;
            }
            a = next;
        }
        return a;
    }

    private static double dot(double[] w, SparseVector x, int bias) {
        double sum = w[bias];
        int[] indices = x.indices();
        float[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            sum += w[indices[j]] * values[j];
        }
        return sum;
    }

    private static void add(double[] w, SparseVector x, double scale, int bias) {
        w[bias] += scale;
        int[] indices = x.indices();
        float[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            w[indices[j]] += scale * values[j];
        }
    }

    private static int[] order(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
