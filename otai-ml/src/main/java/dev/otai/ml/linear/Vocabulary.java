package dev.otai.ml.linear;

import java.util.Arrays;
import java.util.List;

/**
 * The terms a model knows, each with its index and inverse document frequency, and the TF-IDF weighting of a
 * text's terms: {@code (1 + ln tf) * idf}, {@code idf = ln((1 + n) / (1 + df)) + 1}, each block (words,
 * characters) scaled to unit length on its own. Terms the model does not know are dropped.
 */
final class Vocabulary {

    private final long[] terms;
    private final float[] idf;
    private final TermTable index;

    Vocabulary(long[] terms, float[] idf) {
        this.terms = terms;
        this.idf = idf;
        this.index = new TermTable(terms.length);
        for (int i = 0; i < terms.length; i++) {
            index.add(terms[i], i);
        }
    }

    /** The terms of {@code documents}; above {@code maxTerms}, the ones in the most documents are kept. */
    static Vocabulary of(List<TermCounts> documents, int maxTerms) {
        var df = new TermTable(1 << 16);
        for (TermCounts document : documents) {
            for (long term : document.terms()) {
                df.add(term, 1);
            }
        }
        long[] terms = df.keys();
        if (terms.length > maxTerms) {
            long[] byDf = Arrays.stream(terms).boxed()
                    .sorted((a, b) -> Integer.compare(df.get(b), df.get(a))).limit(maxTerms)
                    .mapToLong(Long::longValue).toArray();
            terms = byDf;
        }
        Arrays.sort(terms);
        float[] idf = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + df.get(terms[i]))) + 1);
        }
        return new Vocabulary(terms, idf);
    }

    int size() {
        return terms.length;
    }

    long[] terms() {
        return terms;
    }

    float[] idf() {
        return idf;
    }

    SparseVector vector(TermCounts counts) {
        int[] indices = new int[counts.terms().length];
        float[] values = new float[indices.length];
        int n = 0;
        double wordNorm = 0;
        double charNorm = 0;
        for (int t = 0; t < indices.length; t++) {
            int i = index.get(counts.terms()[t]);
            if (i < 0) {
                continue;
            }
            float value = (float) ((1 + Math.log(counts.counts()[t])) * idf[i]);
            if (TextTerms.isCharTerm(terms[i])) {
                charNorm += value * value;
            } else {
                wordNorm += value * value;
            }
            indices[n] = i;
            values[n++] = value;
        }
        double wordScale = wordNorm == 0 ? 0 : 1 / Math.sqrt(wordNorm);
        double charScale = charNorm == 0 ? 0 : 1 / Math.sqrt(charNorm);
        for (int k = 0; k < n; k++) {
            values[k] *= (float) (TextTerms.isCharTerm(terms[indices[k]]) ? charScale : wordScale);
        }
        return new SparseVector(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
    }
}
