package dev.otai.ml.linear;

/** A feature vector that stores only its non-zero entries: feature indices and their values. */
record SparseVector(int[] indices, float[] values) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    double squaredNorm() {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        return sum;
    }

    /** This vector followed by {@code dense} at features {@code offset…offset + dense.length - 1}. */
    SparseVector append(float[] dense, int offset) {
        int[] i = java.util.Arrays.copyOf(indices, indices.length + dense.length);
        float[] v = java.util.Arrays.copyOf(values, values.length + dense.length);
        for (int d = 0; d < dense.length; d++) {
            i[indices.length + d] = offset + d;
            v[values.length + d] = dense[d];
        }
        return new SparseVector(i, v);
    }

    int size() {
        return indices.length;
    }
}
