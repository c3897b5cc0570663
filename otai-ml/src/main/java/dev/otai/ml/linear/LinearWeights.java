package dev.otai.ml.linear;

/**
 * One weight vector and bias per label, stored feature by feature ({@code weights[feature * labels + label]},
 * the biases after the last feature), so scoring a sparse text reads each of its features' weights in one run.
 */
record LinearWeights(int labels, int features, float[] weights) {

    LinearWeights {
        if (weights.length != (features + 1) * labels) {
            throw new IllegalArgumentException("weights has " + weights.length + " values; expected (" + features
                    + " features + 1) * " + labels + " labels");
        }
    }

    /** The decision value of each label for {@code x}. */
    double[] scores(SparseVector x) {
        double[] scores = new double[labels];
        int bias = features * labels;
        for (int c = 0; c < labels; c++) {
            scores[c] = weights[bias + c];
        }
        int[] indices = x.indices();
        float[] values = x.values();
        for (int j = 0; j < indices.length; j++) {
            int base = indices[j] * labels;
            float v = values[j];
            for (int c = 0; c < labels; c++) {
                scores[c] += v * weights[base + c];
            }
        }
        return scores;
    }
}
